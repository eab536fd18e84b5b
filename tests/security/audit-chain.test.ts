// Tamper evidence (issue 13, finding 3), on COPIES of the security server's database: a row
// rewritten with INSERT OR REPLACE, a back-dated insert and an edit made after dropping the
// append-only triggers must each be refused by the triggers or named by `npm run audit:verify`
// (exit 1, "AuditEvent <id>" / "AccessLog <id>"). The check that the shared database's chain
// still holds after the whole suite is in global-setup.ts's teardown: it runs after every file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditVerify } from "./audit-verify";
import { dbFile, query, signedIn } from "./http";

const dir = mkdtempSync(path.join(tmpdir(), "fk-audit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let copies = 0;
/** A consistent copy of the live database (SQLite's online backup: safe while the server writes). */
async function copyOfServerDatabase(): Promise<string> {
  const target = path.join(dir, `copy-${++copies}.db`);
  const source = new Database(dbFile(), { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  return target;
}

type Table = "AuditEvent" | "AccessLog";

const columnsOf = (db: Database.Database, table: Table) => (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);

/** The tampering either fails at once (a trigger refuses it) or audit:verify must catch it. */
function expectRefusedOrDetected(file: string, table: Table, id: number, tamper: (db: Database.Database) => void) {
  const db = new Database(file);
  let refused: unknown = null;
  try {
    tamper(db);
  } catch (error) {
    refused = error;
  } finally {
    db.close();
  }
  if (refused) return; // the triggers held
  const result = auditVerify(file);
  expect(result.status, result.output).toBe(1);
  expect(result.output).toMatch(new RegExp(`${table} ${id}\\b`));
}

/** A middle row: tampering with history, not with the newest entry. */
function middleRow(file: string, table: Table): { id: number; row: Record<string, unknown> } {
  const db = new Database(file, { readonly: true });
  try {
    const n = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const row = db.prepare(`SELECT * FROM "${table}" ORDER BY id LIMIT 1 OFFSET ?`).get(Math.floor(n / 2)) as Record<string, unknown>;
    return { id: row.id as number, row };
  } finally {
    db.close();
  }
}

/** A time well before the earliest row, in the column's own storage form. */
function backDated(at: unknown): unknown {
  const yearMs = 365 * 24 * 3600 * 1000;
  if (typeof at === "number") return at - yearMs;
  return new Date(new Date(String(at)).getTime() - yearMs).toISOString();
}

describe("the audit trail is tamper-evident", () => {
  // Both logs have history to tamper with, even when this file runs alone: a few patient views
  // through the server (AccessLog rows); the seed wrote the AuditEvent rows.
  beforeAll(async () => {
    const client = await signedIn("verksamhetschef");
    const patients = query<{ patientId: string }>(`SELECT patientId FROM "ProcessCase" WHERE careUnitId = ? LIMIT 3`, client.unitId);
    for (const { patientId } of patients) await client.get(`/patienter/${patientId}`);
    expect(query<{ n: number }>(`SELECT count(*) AS n FROM "AccessLog"`)[0].n).toBeGreaterThan(2);
  }, 120_000);

  it("audit:verify passes on an untouched copy (the checks below are not trivially red)", async () => {
    const file = await copyOfServerDatabase();
    const result = auditVerify(file);
    expect(result.status, result.output).toBe(0);
  }, 120_000);

  for (const table of ["AuditEvent", "AccessLog"] as const) {
    it(`${table}: INSERT OR REPLACE of a real row is refused or detected`, async () => {
      const file = await copyOfServerDatabase();
      const { id } = middleRow(file, table);
      expectRefusedOrDetected(file, table, id, (db) => {
        const columns = columnsOf(db, table);
        const forged = columns.map((c) => (c === "action" ? `'FORGED'` : c === "userId" ? `'demo-user-lakare'` : table === "AuditEvent" && c === "after" ? `'{"event":"FORGED"}'` : `"${c}"`));
        db.prepare(`INSERT OR REPLACE INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${forged.join(", ")} FROM "${table}" WHERE id = ?`).run(id);
      });
    }, 120_000);

    it(`${table}: a back-dated insert is refused or detected`, async () => {
      const file = await copyOfServerDatabase();
      const db = new Database(file, { readonly: true });
      const latest = db.prepare(`SELECT * FROM "${table}" ORDER BY id DESC LIMIT 1`).get() as Record<string, unknown>;
      const earliest = (db.prepare(`SELECT min(at) AS at FROM "${table}"`).get() as { at: unknown }).at;
      db.close();
      const id = (latest.id as number) + 1;
      expectRefusedOrDetected(file, table, id, (db) => {
        const columns = columnsOf(db, table);
        const values = columns.map((c) => (c === "id" ? id : c === "at" ? backDated(earliest) : c === "action" ? "backdated.insert" : latest[c]));
        db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(...values);
      });
    }, 120_000);

    it(`${table}: an edit made after dropping the append-only triggers is detected`, async () => {
      const file = await copyOfServerDatabase();
      const { id } = middleRow(file, table);
      const db = new Database(file);
      for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`).all(table) as { name: string }[]) {
        db.exec(`DROP TRIGGER "${name}"`);
      }
      db.prepare(`UPDATE "${table}" SET action = 'FORGED', userId = 'demo-user-lakare' WHERE id = ?`).run(id);
      db.close();
      // No trigger is left to refuse anything: only the chain can tell.
      const result = auditVerify(file);
      expect(result.status, result.output).toBe(1);
      expect(result.output).toMatch(new RegExp(`${table} ${id}\\b`));
    }, 120_000);
  }
});
