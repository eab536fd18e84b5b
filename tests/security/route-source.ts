// What the route files themselves say: which modules export an action, and which permission
// each loader and action requires (a `requirePermission(actor, "…")` in the function, or in a
// local helper it calls first, as /api-nycklar's `administrator`). The role matrix and the CSRF
// suite are generated from this, so a new route or a changed guard changes the tests.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROUTES = path.resolve("app/routes");

export const routeFiles = () => readdirSync(ROUTES).filter((f) => /\.tsx?$/.test(f));
export const routeSource = (file: string) => readFileSync(path.join(ROUTES, file), "utf8");

/** The body of a top-level function (up to the next line that closes a top-level block). */
function functionBody(source: string, name: string): string | null {
  const start = new RegExp(`^(?:export )?(?:async )?function ${name}\\b`, "m").exec(source);
  if (!start) return null;
  const end = source.indexOf("\n}\n", start.index);
  return source.slice(start.index, end === -1 ? undefined : end);
}

/** The permissions a route's `loader` or `action` requires before doing anything. */
export function requiredPermissions(file: string, fn: "loader" | "action"): string[] {
  const source = routeSource(file);
  const body = functionBody(source, fn);
  if (!body) return [];
  const found = [...body.matchAll(/requirePermission\(\s*\w+\s*,\s*"([^"]+)"\s*\)/g)].map((m) => m[1]);
  // A local guard helper called with the request (e.g. `await administrator(request, context)`).
  for (const call of body.matchAll(/await (\w+)\(request/g)) {
    const helper = functionBody(source, call[1]);
    if (helper) found.push(...[...helper.matchAll(/requirePermission\(\s*\w+\s*,\s*"([^"]+)"\s*\)/g)].map((m) => m[1]));
  }
  return [...new Set(found)];
}

export const exportsAction = (file: string) => /^export (?:async )?function action\b|^export const action\b/m.test(routeSource(file));

/** Remix flat-route file name → URL pattern (`_app.arenden.$caseId.tsx` → `/arenden/:caseId`). */
export function urlPattern(file: string): string {
  const name = file.replace(/\.tsx?$/, "");
  const segments = name
    .replace(/\[([^\]]*)\]/g, (_, s: string) => s.replaceAll(".", "\u0000"))
    .split(".")
    .map((s) => s.replaceAll("\u0000", "."))
    .filter((s) => !(s.startsWith("_") && s !== "_index"))
    .map((s) => s.replace(/_$/, ""))
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? (s === "$" ? "*" : `:${s.slice(1)}`) : s));
  return "/" + segments.join("/");
}
