// Role × action matrix (issue 13): every demo role against every permission-guarded page and
// every route action. The expectation is DERIVED: which permission a loader or action requires
// is read from the route file (route-source.ts), which role holds it from the RolePermission
// reference data in the server's own database. A forbidden pair must be refused with 403 and
// write nothing; an allowed pair must get past the guard (no 403, no 5xx). Actions are posted
// with bodies that cannot disturb the other files: a preview, an unknown intent, an empty form,
// and one API key created under a test name.
import { beforeAll, describe, expect, it } from "vitest";
import { inBatches, query, rowCounts, signedIn, type Client, type DemoUser } from "./http";
import { exportsAction, requiredPermissions, routeFiles, urlPattern } from "./route-source";

const USERS: Record<string, DemoUser> = {
  VERKSAMHETSCHEF: "verksamhetschef",
  VARDPERSONAL: "sjukskoterska",
  LAKARE: "lakare",
  ENHETSCHEF_HEMTJANST: "enhetschef",
  ADMINISTRATOR: "administrator",
};

const permissionsOf = (role: string) =>
  new Set(query<{ permissionCode: string }>(`SELECT permissionCode FROM "RolePermission" WHERE roleCode = ?`, role).map((r) => r.permissionCode));

/** A staff member employed in the unit (the target of /personal/:id and /personalbyte/:id). */
const staffOf = (unitId: string) =>
  query<{ id: string }>(`SELECT staffMemberId AS id FROM "Employment" WHERE careUnitId = ? ORDER BY staffMemberId LIMIT 1`, unitId)[0]?.id ??
  query<{ id: string }>(`SELECT id FROM "StaffMember" ORDER BY id LIMIT 1`)[0].id;

/**
 * Harmless bodies for each action that a role's permission guards (the route file decides the
 * permission). A route exporting a permission-guarded action that is missing here fails the test.
 */
const ACTION_BODIES: Record<string, { path: (c: Client) => string; fields: Record<string, string> }> = {
  "_app.api-nycklar.tsx": { path: () => "/api-nycklar", fields: { intent: "create", name: "Säkerhetssvit matris" } },
  "_app.personal.ny.tsx": { path: () => "/personal/ny", fields: {} },
  "_app.personal.$staffMemberId.tsx": { path: (c) => `/personal/${staffOf(c.unitId)}`, fields: { intent: "none-such" } },
  "_app.personalbyte.$staffMemberId.tsx": { path: (c) => `/personalbyte/${staffOf(c.unitId)}`, fields: { intent: "none-such" } },
};

/** Guarded pages without a path parameter, straight from the route files. */
const guardedPages = routeFiles()
  .filter((f) => f.startsWith("_app.") && !urlPattern(f).includes(":") && !urlPattern(f).includes("*"))
  .map((f) => ({ file: f, path: urlPattern(f), permissions: requiredPermissions(f, "loader") }))
  .filter((p) => p.permissions.length > 0);

const guardedActions = routeFiles()
  .filter((f) => f.startsWith("_app.") && exportsAction(f))
  .map((f) => ({ file: f, permissions: requiredPermissions(f, "action") }))
  // The case and patient actions need patient:read (every role) and then the executor's own
  // per-event rule; their refusals are the process tests' business (tests/integration/processes).
  .filter((a) => a.permissions.length > 0 && !(a.permissions.length === 1 && a.permissions[0] === "patient:read"));

describe("role × action matrix, derived from RolePermission and the route files", () => {
  const clients: Record<string, Client> = {};
  beforeAll(async () => {
    for (const [role, user] of Object.entries(USERS)) clients[role] = await signedIn(user);
  }, 120_000);

  it("finds the guarded pages and actions it is meant to cover", () => {
    expect(guardedPages.map((p) => p.path)).toEqual(expect.arrayContaining(["/logg", "/api-nycklar", "/personalbyte", "/uppfoljning"]));
    // Every guarded action has a harmless body here: a new guarded action must be added.
    for (const a of guardedActions) expect(Object.keys(ACTION_BODIES), a.file).toContain(a.file);
    // The roles the matrix signs in are exactly the roles of the reference data.
    const roles = query<{ code: string }>(`SELECT code FROM "Role" ORDER BY code`).map((r) => r.code);
    expect(Object.keys(USERS).sort()).toEqual(roles);
  });

  it("guarded pages: 403 exactly where the role lacks the permission", async () => {
    const pairs = Object.keys(USERS).flatMap((role) => guardedPages.map((page) => ({ role, page })));
    const outcomes = await inBatches(pairs, 4, async ({ role, page }) => {
      const allowed = page.permissions.every((p) => permissionsOf(role).has(p));
      const answer = await clients[role].get(page.path);
      return { pair: `${role} GET ${page.path}`, allowed, status: answer.status };
    });
    const wrong = outcomes.filter((o) => (o.allowed ? o.status !== 200 : o.status !== 403));
    expect(wrong).toEqual([]);
    // The matrix is not trivial: both outcomes occur.
    expect(outcomes.some((o) => o.allowed) && outcomes.some((o) => !o.allowed)).toBe(true);
  });

  it("guarded actions: forbidden pairs refused with 403 and nothing written, allowed pairs pass the guard", async () => {
    for (const role of Object.keys(USERS)) {
      for (const action of guardedActions) {
        const body = ACTION_BODIES[action.file];
        const allowed = action.permissions.every((p) => permissionsOf(role).has(p));
        const client = clients[role];
        const path = body.path(client);
        // The token comes from a page the role may open (its start page) when it may not open
        // this one; read first, because opening a page writes access-log rows.
        const token = await client.csrfToken(allowed ? path : "/");
        const before = rowCounts();
        const answer = await client.post(path, body.fields, { token });
        const pair = `${role} POST ${path} ${JSON.stringify(body.fields)}`;
        if (allowed) {
          expect(answer.status, pair).not.toBe(403);
          expect(answer.status, pair).toBeLessThan(500);
        } else {
          expect(answer.status, pair).toBe(403);
          expect(rowCounts(), pair).toEqual(before);
        }
      }
    }
  });
});
