// Issue 13, finding 4: a `?_data=` GET of the turnover run page ended in a RangeError inside
// Remix (500), because the legacy data path reads a loader's plain object as a Response and
// its "status" field ("INTERRUPTED") as the HTTP status. Needs a real run, which the seeded
// region does not have: one is written beside the shared server's data.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { UNITS } from "../../prisma/demo/units";
import { demoUserId } from "../../prisma/demo/users";
import { dbFile, signedIn } from "./http";

describe("legacy ?_data= requests", () => {
  it("answers the turnover run page's ?_data= GET without a 500", async () => {
    const unitId = UNITS.vcNorrsjo;
    const db = new Database(dbFile());
    const staff = db.prepare("SELECT staffMemberId FROM Employment WHERE careUnitId = ? LIMIT 1").get(unitId) as { staffMemberId: string };
    db.prepare(
      "INSERT INTO TurnoverBatch (id, staffMemberId, createdByUserId, roleCode, careUnitId, reason, choices, plan, total, status, createdAt, failures) VALUES ('legacy-batch', ?, ?, 'ADMINISTRATOR', ?, 'test', '{}', '[]', 0, 'INTERRUPTED', ?, ?)",
    ).run(staff.staffMemberId, demoUserId("administrator"), unitId, Date.now(), JSON.stringify({ rows: [], problem: "interrupted" }));
    db.close();

    const admin = await signedIn("administrator", { unitId });
    const path = `/personalbyte/${staff.staffMemberId}/korning/legacy-batch`;
    expect((await admin.get(path)).status).toBe(200);
    const legacy = await admin.get(`${path}?_data=${encodeURIComponent("routes/_app.personalbyte.$staffMemberId_.korning.$batchId")}`);
    expect(legacy.status).toBeLessThan(500);
  });
});
