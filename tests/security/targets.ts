// Concrete targets in the seeded demo region for every state-changing route, and the form a
// browser would post there (replayed from the page's own HTML). Shared by the CSRF, redirect
// and malformed-input files.
import { exportsAction, requiredPermissions, routeFiles, urlPattern } from "./route-source";
import { Client, formFields, query, signedIn, userHolding, type DemoUser, type FormFields } from "./http";

export type Target = {
  file: string;
  /** Remix route id, for the legacy `?_data=` path. */
  routeId: string;
  path: string;
  /** The page whose form posts here (token and fields come from it). */
  page: string;
  victim: DemoUser | null;
  /** The fields of the real form; the CSRF token is among them once the edge exists. */
  fields: FormFields;
  /** Whether the page shows a form posting here (a patient page does only while locked). */
  formOnPage: boolean;
};

/** Routes whose POSTs need no cookie and no CSRF token: API keys (contract: /riv/*, /fhir/*). */
const EXEMPT = /^(riv|fhir)\./;

export const stateChangingFiles = () => routeFiles().filter((f) => exportsAction(f) && !EXEMPT.test(f));

function openCaseOf(unitId: string) {
  return query<{ id: string; patientId: string }>(
    `SELECT id, patientId FROM "ProcessCase" WHERE status = 'OPEN' AND careUnitId = ? ORDER BY id LIMIT 1`,
    unitId,
  )[0];
}

function staffOf(unitId: string) {
  return query<{ id: string }>(`SELECT staffMemberId AS id FROM "Employment" WHERE careUnitId = ? ORDER BY staffMemberId LIMIT 1`, unitId)[0].id;
}

/** Fills a route's URL pattern with ids the victim may see. */
async function concretePath(file: string, client: Client | null): Promise<{ path: string; page: string }> {
  const pattern = urlPattern(file);
  const unit = client?.unitId ?? "";
  const kase = unit ? openCaseOf(unit) : undefined;
  let path = pattern
    .replace(":caseId", kase?.id ?? "none")
    .replace(":patientId", kase?.patientId ?? "none")
    .replace(":staffMemberId", unit ? staffOf(unit) : "none")
    .replace("*", "finns-inte");
  if (path.includes(":process") && client) {
    const patientPage = await client.get(`/patienter/${kase?.patientId}`);
    const link = /href="(\/patienter\/[^"]+\/nytt-arende\/[^"?]+)/.exec(patientPage.body)?.[1];
    path = link ?? path.replace(":process", "CHANGE");
  }
  const page = file === "logga-ut.tsx" || file === "sprak.tsx" ? "/" : path;
  return { path, page };
}

/** Signs in the victim each route needs and reads the real form of each state-changing route. */
export async function stateChangingTargets(): Promise<{ targets: Target[]; clients: Map<DemoUser, Client> }> {
  const clients = new Map<DemoUser, Client>();
  const clientOf = async (user: DemoUser) => {
    if (!clients.has(user)) clients.set(user, await signedIn(user));
    return clients.get(user)!;
  };
  const targets: Target[] = [];
  for (const file of stateChangingFiles()) {
    const signedOut = file === "logga-in.tsx";
    const victim: DemoUser | null = signedOut ? null : userHolding(requiredPermissions(file, "action"));
    const client = victim ? await clientOf(victim) : new Client();
    const { path, page } = await concretePath(file, client);
    const html = (await client.get(page)).body;
    const found = formFields(html, page, path);
    let fields = found ?? [];
    if (file === "logga-in.tsx") fields = [["username", "lakare"], ["password", "fastakontakter"], ["redirectTo", "/"], ...fields.filter(([k]) => k === "csrf")];
    if (file === "api-nycklar" || file === "_app.api-nycklar.tsx") fields = [...fields.filter(([k]) => k === "csrf"), ...Object.entries(apiKeyCreateFields(html, "Angripare"))];
    if (file === "sprak.tsx") fields = [...fields.filter(([k]) => k !== "lang"), ["lang", "en"]];
    targets.push({ file, routeId: `routes/${file.replace(/\.tsx?$/, "")}`, path, page, victim, fields, formOnPage: found !== null });
  }
  return { targets, clients };
}

/**
 * The create form of /api-nycklar as the page offers it (decision 016): the first care giver the
 * administrator may choose and both services ticked.
 */
export function apiKeyCreateFields(html: string, name: string): Record<string, string> {
  const careGiverId = /<select[^>]*name="careGiverId"[\s\S]*?<option[^>]*value="([^"]+)"/.exec(html)?.[1] ?? "";
  return { intent: "create", name, careGiverId, serviceGetCareManagers: "ja", serviceFhirCareTeam: "ja" };
}
