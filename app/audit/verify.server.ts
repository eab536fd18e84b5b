// Walks both hash chains in id order and recomputes every hash (docs/decisions/014); the
// outcome of each walk is kept in AuditVerification, append-only, and shown on /logg.
// `npm run audit:verify` (scripts/audit-verify.ts) is a thin wrapper around this.
import type { Db } from "~/db.server";
import { CHAIN_COLUMNS, CHAIN_TABLES, EMPTY_HEAD, rowHash, type ChainTable, type StoredRow } from "./chain";

export type ChainProblem = "hash mismatch" | "broken link" | "id gap" | "not sealed";
export type ChainState = { rows: number; head: string };
export type Verification = {
  ok: boolean;
  chains: Record<ChainTable, ChainState>;
  /** The first row that does not hold, if any (the walk stops there). */
  broken: { table: ChainTable; id: number; problem: ChainProblem; detail: string } | null;
};

/** Rows read per query: bounded memory on a log of millions of rows. */
const PAGE = 5_000;

type RawRow = Record<string, string | number | bigint | null>;

/**
 * Reads the row as stored: `at` as its text (CAST keeps Prisma from turning it into a Date),
 * integers as numbers.
 */
function readPage(db: Db, table: ChainTable, afterId: number): Promise<RawRow[]> {
  const columns = CHAIN_COLUMNS[table].map((c) => (c === "at" ? `CAST("at" AS TEXT) AS "at"` : `"${c}"`));
  return db.$queryRawUnsafe<RawRow[]>(
    `SELECT ${columns.join(", ")}, "prevHash", "hash" FROM "${table}" WHERE "id" > ? ORDER BY "id" LIMIT ${PAGE}`,
    afterId,
  );
}

async function walk(db: Db, table: ChainTable): Promise<{ state: ChainState; broken: Verification["broken"] }> {
  let { id: lastId, hash: lastHash } = EMPTY_HEAD;
  let rows = 0;
  for (;;) {
    const page = await readPage(db, table, lastId);
    for (const raw of page) {
      const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])) as StoredRow & {
        prevHash: string | null;
        hash: string | null;
      };
      const fail = (problem: ChainProblem, detail: string) => ({ state: { rows, head: lastHash }, broken: { table, id: row.id, problem, detail } });
      if (row.id !== lastId + 1) return fail("id gap", `expected id ${lastId + 1} after ${lastId}`);
      if (row.hash === null || row.prevHash === null) return fail("not sealed", "the row has no hash");
      if (row.prevHash !== lastHash) return fail("broken link", `prevHash ${row.prevHash} is not the hash of row ${lastId} (${lastHash})`);
      const expected = rowHash(table, row, row.prevHash);
      if (row.hash !== expected) return fail("hash mismatch", `stored ${row.hash}, the row's content hashes to ${expected}`);
      lastId = row.id;
      lastHash = row.hash;
      rows++;
    }
    if (page.length < PAGE) return { state: { rows, head: lastHash }, broken: null };
  }
}

/** Verifies both chains; stops at the first broken row of each. */
export async function verifyChains(db: Db): Promise<Verification> {
  const chains = {} as Record<ChainTable, ChainState>;
  let broken: Verification["broken"] = null;
  for (const table of CHAIN_TABLES) {
    const result = await walk(db, table);
    chains[table] = result.state;
    broken ??= result.broken;
  }
  return { ok: broken === null, chains, broken };
}

/** Keeps the outcome of a verification (AuditVerification is append-only). */
export async function recordVerification(db: Db, result: Verification, at: Date): Promise<void> {
  await db.auditVerification.create({
    data: {
      at,
      ok: result.ok,
      auditEventRows: result.chains.AuditEvent.rows,
      accessLogRows: result.chains.AccessLog.rows,
      brokenTable: result.broken?.table ?? null,
      brokenId: result.broken?.id ?? null,
      problem: result.broken?.problem ?? null,
      auditEventHead: result.chains.AuditEvent.head,
      accessLogHead: result.chains.AccessLog.head,
    },
  });
}

/** Verifies and records; what `npm run audit:verify` does. */
export async function verifyAndRecord(db: Db, now: Date): Promise<Verification> {
  const result = await verifyChains(db);
  await recordVerification(db, result, now);
  return result;
}

/** The latest verification, for the audit page; null when the chains were never verified. */
export function lastVerification(db: Db) {
  return db.auditVerification.findFirst({
    orderBy: { id: "desc" },
    select: { at: true, ok: true, auditEventRows: true, accessLogRows: true, brokenTable: true, brokenId: true, problem: true },
  });
}

/** One line per outcome, as the script prints it: the first broken row as "AuditEvent 251". */
export function describeVerification(result: Verification): string[] {
  if (result.broken) {
    const { table, id, problem, detail } = result.broken;
    return [`${table} ${id}: ${problem} (${detail})`];
  }
  return CHAIN_TABLES.map((table) => `${table}: ${result.chains[table].rows} rows, chain head ${result.chains[table].head}`);
}
