// The hash chains of the audit trail and the access log (docs/decisions/014), as pure code:
// the same functions write the chain (app/audit.server.ts), seal rows written before it
// existed (seal.server.ts) and check it (verify.server.ts).
//
// Canonical serialisation of a row, version 1: the UTF-8 bytes of the JSON array
//   ["fasta-kontakter/<table>/v1", <every column of CHAIN_COLUMNS[table], in that order>, <prevHash>]
// where id is a JSON number, `at` the text the database holds ("2026-12-04T12:00:00.000+00:00",
// as Prisma's SQLite adapter writes a DateTime), every other column a JSON string or null.
// JSON.stringify of an array of strings, numbers and nulls has exactly one form, so the bytes
// are fixed by the row. hash = lowercase hex SHA-256 of those bytes. The first row of a table
// chains from GENESIS. The table's name is in the bytes: a row cannot move between chains.
import { createHash } from "node:crypto";

export type ChainTable = "AuditEvent" | "AccessLog";
export const CHAIN_TABLES: readonly ChainTable[] = ["AuditEvent", "AccessLog"];

/** The prevHash of each table's first row. */
export const GENESIS = "0".repeat(64);

/** Every column of each table except the chain's own (prevHash, hash), in hashing order. */
export const CHAIN_COLUMNS = {
  AuditEvent: ["id", "at", "userId", "roleCode", "careUnitId", "delegationId", "action", "entityType", "entityId", "patientId", "before", "after", "requestId"],
  AccessLog: ["id", "at", "userId", "roleCode", "careUnitId", "consumerSystem", "patientId", "action", "reason", "requestId"],
} as const satisfies Record<ChainTable, readonly string[]>;

/** A row as the database holds it: `at` as its stored text. */
export type StoredRow = Record<string, string | number | null> & { id: number; at: string };

/** A DateTime as Prisma's SQLite driver adapter stores it, e.g. "2026-12-09T23:00:00.000+00:00". */
export const storedInstant = (value: Date) => value.toISOString().replace(/Z$/, "+00:00");

export function canonicalRow(table: ChainTable, row: StoredRow, prevHash: string): string {
  return JSON.stringify([`fasta-kontakter/${table}/v1`, ...CHAIN_COLUMNS[table].map((column) => row[column] ?? null), prevHash]);
}

export function rowHash(table: ChainTable, row: StoredRow, prevHash: string): string {
  return createHash("sha256").update(canonicalRow(table, row, prevHash), "utf8").digest("hex");
}

/** The last row of a chain: where the next row links on. An empty table's head is (0, GENESIS). */
export type ChainHead = { id: number; hash: string };
export const EMPTY_HEAD: ChainHead = { id: 0, hash: GENESIS };

/**
 * Gives new rows (without id) their ids, prevHash and hash after `head`, in one pass. Returns
 * the rows as they are to be written and the new head.
 */
export function extendChain<R extends Record<string, unknown> & { at: Date }>(
  table: ChainTable,
  head: ChainHead,
  rows: readonly R[],
): { rows: (R & { id: number; prevHash: string; hash: string })[]; head: ChainHead } {
  let { id, hash } = head;
  const chained = rows.map((row) => {
    const prevHash = hash;
    id += 1;
    const stored = { ...storedValues(row), id } as StoredRow;
    hash = rowHash(table, stored, prevHash);
    return { ...row, id, prevHash, hash };
  });
  return { rows: chained, head: { id, hash } };
}

function storedValues(row: Record<string, unknown>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = value instanceof Date ? storedInstant(value) : value === undefined ? null : (value as string | number | null);
  }
  return out;
}
