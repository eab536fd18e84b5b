// Every form that changes state must carry the CSRF token (docs/decisions/015), or the server
// edge refuses it with 403. The token is added by one component, components/form.tsx; these
// checks keep any other way of posting out of app/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve("app");
const WRAPPER = path.join(APP, "components", "form.tsx");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const files = sources(APP).filter((file) => file !== WRAPPER);
const offenders = (pattern: RegExp) =>
  files.filter((file) => pattern.test(readFileSync(file, "utf8"))).map((file) => path.relative(APP, file));

describe("forms in app/", () => {
  it("use the Form of components/form.tsx, never Remix's own", () => {
    expect(offenders(/import\s*\{[^}]*\bForm\b[^}]*\}\s*from\s*"@remix-run\/react"/)).toEqual([]);
  });

  it("have no plain <form> element and no fetcher, which would post without the token", () => {
    expect(offenders(/<form[\s>]/)).toEqual([]);
    expect(offenders(/\buseFetcher\b|\bfetcher\.(Form|submit)\b/)).toEqual([]);
  });

  it("submit only form elements (which hold the hidden input), never a plain object", () => {
    // useSubmit is allowed with a form or a button of one: submit(target) / submit(submitter).
    expect(offenders(/\bsubmit\(\s*[{[]/)).toEqual([]);
  });

  it("are actually found by this scan", () => {
    expect(files.filter((file) => readFileSync(file, "utf8").includes('from "~/components/form"')).length).toBeGreaterThan(10);
  });
});
