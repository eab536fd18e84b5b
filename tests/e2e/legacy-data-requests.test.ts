// Issue 13, finding 4: a `?_data=` GET of the turnover run page ended in a RangeError inside
// Remix (500), because the legacy data path reads a loader's plain object as a Response and
// its "status" field ("INTERRUPTED") as the HTTP status. Against the built server, as in production.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { UNITS } from "../../prisma/demo/units";
import { demoUserId } from "../../prisma/demo/users";
import { useOwnServer } from "./own-server";

const own = useOwnServer("legacy-data");

async function signInAsAdministrator(baseUrl: string, unitId: string): Promise<string> {
  const signIn = await fetch(`${baseUrl}/logga-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "administrator", password: "fastakontakter" }),
  });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0];
  await fetch(`${baseUrl}/valj-enhet`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ choice: `${unitId}|ADMINISTRATOR` }),
  });
  return cookie;
}

describe("legacy ?_data= requests", () => {
  it("answers the turnover run page's ?_data= GET without a 500", async () => {
    const { baseUrl, file } = own.server;
    const db = new Database(file);
    const unit = { id: UNITS.vcNorrsjo };
    const staff = db.prepare("SELECT staffMemberId FROM Employment WHERE careUnitId = ? LIMIT 1").get(unit.id) as { staffMemberId: string };
    db.prepare(
      "INSERT INTO TurnoverBatch (id, staffMemberId, createdByUserId, roleCode, careUnitId, reason, choices, plan, total, status, createdAt, failures) VALUES ('legacy-batch', ?, ?, 'ADMINISTRATOR', ?, 'test', '{}', '[]', 0, 'INTERRUPTED', ?, ?)",
    ).run(staff.staffMemberId, demoUserId("administrator"), unit.id, Date.now(), JSON.stringify({ rows: [], problem: "interrupted" }));
    db.close();

    const cookie = await signInAsAdministrator(baseUrl, unit.id);
    const path = `/personalbyte/${staff.staffMemberId}/korning/legacy-batch`;
    const page = await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const legacy = await fetch(`${baseUrl}${path}?_data=${encodeURIComponent("routes/_app.personalbyte.$staffMemberId_.korning.$batchId")}`, {
      headers: { Cookie: cookie },
    });
    expect(legacy.status).toBeLessThan(500);
  });
});
