// Issue 13 finding 3: the audit trail and the access log are hash chains (docs/decisions/014).
// The triggers refuse REPLACE, unlinked and back-dated rows; what gets past them (a writer who
// drops the triggers) is found by verifyChains, which names the first broken row.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditedWrite, logAccess, recordAudits, recordUnlock } from "~/audit.server";
import { GENESIS, rowHash, storedInstant, type ChainTable } from "~/audit/chain";
import { sealLegacyRows } from "~/audit/seal.server";
import { lastVerification, verifyAndRecord, verifyChains } from "~/audit/verify.server";
import type { Db } from "~/db.server";
import { createPatient, createUnit } from "../factories";
import { createTestDatabase, type TestDatabase } from "../setup/database";

const actor = { userId: "user-1", roleCode: "VERKSAMHETSCHEF", careUnitId: "unit-1", requestId: "req-1" };
const t0 = new Date("2026-11-25T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

let test: TestDatabase;
let db: Db;
beforeEach(() => {
  test = createTestDatabase();
  db = test.db;
});
afterEach(() => test.close());

/** Three audit rows and two access rows, written the app's way. */
async function history() {
  const unit = await createUnit(db);
  const patient = await createPatient(db, { listedAt: unit.id });
  for (const [i, name] of ["Nord", "Syd"].entries()) {
    await auditedWrite(db, actor, minutes(i), async (tx) => {
      const team = await tx.team.create({ data: { careUnitId: unit.id, name } });
      return { result: team, audit: [{ action: "team.create", entityType: "Team", entityId: team.id, after: team }] };
    });
  }
  await db.$transaction((tx) => recordAudits(tx, minutes(2), [{ actor, entry: { action: "x.batch", entityType: "X", entityId: "1" } }]));
  await logAccess(db, actor, minutes(3), [patient.id, patient.id], "patient.view");
  return { unit, patient };
}

const last = async (table: ChainTable) =>
  (await db.$queryRawUnsafe<{ id: number | bigint; hash: string; at: string }[]>(`SELECT "id", "hash", CAST("at" AS TEXT) AS "at" FROM "${table}" ORDER BY "id" DESC LIMIT 1`))[0];

/** A well-formed next AuditEvent row, as raw SQL values; `change` overrides any of them. */
async function nextAuditRow(change: Record<string, unknown> = {}) {
  const head = await last("AuditEvent");
  const row: Record<string, string | number | null> = {
    id: Number(head.id) + 1, at: storedInstant(minutes(10)), userId: "user-2", roleCode: null, careUnitId: null, delegationId: null,
    action: "forged", entityType: "X", entityId: "1", patientId: null, before: null, after: null, requestId: null,
    ...(change as Record<string, string | number | null>),
  };
  const prevHash = (change.prevHash as string) ?? head.hash;
  return { ...row, prevHash, hash: (change.hash as string) ?? rowHash("AuditEvent", row as never, prevHash) };
}

const insert = (table: string, row: Record<string, unknown>, verb = "INSERT") => {
  const columns = Object.keys(row);
  return db.$executeRawUnsafe(
    `${verb} INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
    ...Object.values(row),
  );
};

describe("the chain as the app writes it", () => {
  it("links every row to the one before and verifies", async () => {
    await history();
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(rows[0].prevHash).toBe(GENESIS);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    const result = await verifyChains(db);
    expect(result).toMatchObject({ ok: true, broken: null, chains: { AuditEvent: { rows: 3, head: rows[2].hash }, AccessLog: { rows: 2 } } });
  });

  it("logs access inside the caller's transaction too, and nothing when it rolls back", async () => {
    const { patient } = await history();
    await db.$transaction((tx) => logAccess(tx, actor, minutes(4), [patient.id], "patient.list"));
    await expect(
      db.$transaction(async (tx) => {
        await logAccess(tx, actor, minutes(5), [patient.id], "patient.list");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await db.accessLog.count()).toBe(3);
    expect((await verifyChains(db)).ok).toBe(true);
  });

  it("holds for the unlock row, whose id the page then uses", async () => {
    const { patient } = await history();
    const id = await recordUnlock(db, actor, minutes(4), patient.id, "Akut");
    expect(id).toBe(3);
    expect((await verifyChains(db)).ok).toBe(true);
  });

  it("records each verification, and the latest is what the audit page shows", async () => {
    expect(await lastVerification(db)).toBeNull();
    await history();
    await verifyAndRecord(db, minutes(20));
    expect(await lastVerification(db)).toMatchObject({ at: minutes(20), ok: true, auditEventRows: 3, accessLogRows: 2, brokenId: null });
    await expect(db.$executeRawUnsafe(`UPDATE "AuditVerification" SET "ok" = 0`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditVerification"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`INSERT OR REPLACE INTO "AuditVerification" ("id", "at", "ok", "auditEventRows", "accessLogRows") VALUES (1, '2026-01-01T00:00:00.000+00:00', 1, 0, 0)`)).rejects.toThrow(/append-only/);
  });
});

describe("the triggers", () => {
  it("refuse INSERT OR REPLACE of an existing AuditEvent row", async () => {
    await history();
    const forged = await nextAuditRow({ id: 2, after: '{"event":"FORGED"}' });
    await expect(insert("AuditEvent", forged, "INSERT OR REPLACE")).rejects.toThrow(/id must follow/);
    await expect(insert("AuditEvent", forged, "REPLACE")).rejects.toThrow(/id must follow/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: 2 } })).action).toBe("team.create");
  });

  it("refuse INSERT OR REPLACE of an existing AccessLog row", async () => {
    await history();
    const head = await last("AccessLog");
    await expect(
      db.$executeRawUnsafe(
        `INSERT OR REPLACE INTO "AccessLog" ("id", "at", "userId", "patientId", "action", "prevHash", "hash") VALUES (1, ?, 'someone-else', 'p', 'patient.list', ?, ?)`,
        head.at, GENESIS, head.hash,
      ),
    ).rejects.toThrow(/id must follow/);
    expect((await db.accessLog.findUniqueOrThrow({ where: { id: 1 } })).userId).toBe("user-1");
  });

  it("refuse a row without an id, without a hash, or with a wrong prevHash", async () => {
    await history();
    const { id: _id, ...noId } = (await nextAuditRow()) as Record<string, unknown>;
    await expect(insert("AuditEvent", noId)).rejects.toThrow(/id must follow/);
    await expect(insert("AuditEvent", { ...(await nextAuditRow()), hash: null })).rejects.toThrow(/carries its hash/);
    await expect(insert("AuditEvent", await nextAuditRow({ prevHash: "a".repeat(64) }))).rejects.toThrow(/prevHash is not the previous row/);
    await expect(insert("AuditEvent", await nextAuditRow({ id: 10 }))).rejects.toThrow(/id must follow/);
    await insert("AuditEvent", await nextAuditRow());
    expect((await verifyChains(db)).ok).toBe(true);
  });

  it("refuse a back-dated row, beyond a minute's tolerance for concurrent writers", async () => {
    await history(); // newest audit row at t0 + 2 min
    await expect(insert("AuditEvent", await nextAuditRow({ at: storedInstant(minutes(0.9)) }))).rejects.toThrow(/back-dated/);
    await expect(insert("AuditEvent", await nextAuditRow({ at: storedInstant(new Date("2020-01-01T00:00:00Z")) }))).rejects.toThrow(/back-dated/);
    await expect(insert("AuditEvent", await nextAuditRow({ at: "2026-11-25 09:10:00" }))).rejects.toThrow(/UTC ISO-8601/);
    // 30 seconds older than the newest row: a writer that read its clock before waiting for the lock.
    await insert("AuditEvent", await nextAuditRow({ at: storedInstant(minutes(1.5)) }));
    // The newest row, not the last one, is the mark: a run of rows cannot walk back in time
    // (63 s older than the newest row, only 33 s older than the last).
    await expect(insert("AuditEvent", await nextAuditRow({ at: storedInstant(minutes(0.95)) }))).rejects.toThrow(/back-dated/);
    await expect(db.$transaction((tx) => recordAudits(tx, minutes(-5), [{ actor, entry: { action: "x", entityType: "X", entityId: "1" } }]))).rejects.toThrow();
  });

  it("refuse a back-dated access row", async () => {
    const { patient } = await history();
    await expect(logAccess(db, actor, minutes(-10), [patient.id], "patient.view")).rejects.toThrow();
    await logAccess(db, actor, minutes(2.6), [patient.id], "patient.view");
    expect(await db.accessLog.count()).toBe(3);
  });
});

describe("audit:verify finds what got past the triggers", () => {
  it("names an AuditEvent row edited with the triggers dropped", async () => {
    await history();
    await db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_no_update"`);
    await db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = '{"event":"FORGED"}' WHERE "id" = 2`);
    const result = await verifyChains(db);
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ table: "AuditEvent", id: 2, problem: "hash mismatch" });
  });

  it("names an AccessLog row replaced with the triggers dropped, and a row whose hash was recomputed breaks the next link", async () => {
    await history();
    await db.$executeRawUnsafe(`DROP TRIGGER "AccessLog_chain_insert"`);
    const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT *, CAST("at" AS TEXT) AS "at" FROM "AccessLog" WHERE "id" = 1`);
    await insert("AccessLog", { ...row, userId: "someone-else" }, "INSERT OR REPLACE");
    expect((await verifyChains(db)).broken).toMatchObject({ table: "AccessLog", id: 1, problem: "hash mismatch" });

    const forged = { ...row, userId: "someone-else", id: 1 } as Record<string, string | number | null>;
    forged.hash = rowHash("AccessLog", { ...forged, id: 1, at: row.at as string }, GENESIS);
    await insert("AccessLog", forged, "INSERT OR REPLACE");
    expect((await verifyChains(db)).broken).toMatchObject({ table: "AccessLog", id: 2, problem: "broken link" });
  });

  it("names an id gap, and records the failed verification", async () => {
    await history();
    await db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_no_delete"`);
    await db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = 2`);
    const result = await verifyAndRecord(db, minutes(30));
    expect(result.broken).toMatchObject({ table: "AuditEvent", id: 3, problem: "id gap" });
    expect(await lastVerification(db)).toMatchObject({ ok: false, brokenTable: "AuditEvent", brokenId: 3, problem: "id gap" });
  });
});

describe("rows written before the chain", () => {
  it("are sealed in id order, once; the seal is the only update allowed", async () => {
    // A region upgrading: rows as the old app wrote them, before the chain's triggers existed.
    await db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_chain_insert"`);
    for (const [i, at] of [minutes(0), minutes(1)].entries()) {
      await db.$executeRawUnsafe(`INSERT INTO "AuditEvent" ("at", "action", "entityType", "entityId") VALUES (?, 'legacy', 'X', ?)`, storedInstant(at), String(i));
    }
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x', "prevHash" = ?, "hash" = ? WHERE "id" = 1`, GENESIS, "b".repeat(64))).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "prevHash" = ?, "hash" = ? WHERE "id" = 2`, GENESIS, "b".repeat(64))).rejects.toThrow(/sealed in id order/);
    expect((await verifyChains(db)).broken).toMatchObject({ table: "AuditEvent", id: 1, problem: "not sealed" });
    expect(await sealLegacyRows(db)).toEqual({ AuditEvent: 2, AccessLog: 0 });
    expect(await sealLegacyRows(db)).toEqual({ AuditEvent: 0, AccessLog: 0 });
    expect((await verifyChains(db)).ok).toBe(true);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "hash" = ? WHERE "id" = 1`, "c".repeat(64))).rejects.toThrow(/append-only/);
  });
});
