// Many rows into one table with few statements, inside a Prisma transaction. Prisma 7's
// createMany over the better-sqlite3 adapter costs about half a millisecond per row (measured
// by `npm run bench:turnover`: 27,000 audit rows took 16 s); a multi-row INSERT of the same
// values takes a few hundred. Only the turnover batch needs this (docs/decisions/011).
//
// Values are stored exactly as Prisma stores them, so that Prisma reads them back and compares
// them in SQL the same way: DateTime as ISO text with "+00:00", Boolean as 0/1.
import type { Tx } from "~/db.server";

/** SQLite's limit on bound parameters per statement is 32,766; stay well below it. */
const MAX_PARAMETERS = 30_000;

/** A DateTime as Prisma's SQLite driver adapter writes it, e.g. "2026-12-09T23:00:00.000+00:00". */
export const sqliteDateTime = (value: Date) => value.toISOString().replace(/Z$/, "+00:00");

function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return sqliteDateTime(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Inserts every row; all rows must have the same columns (their keys). */
export async function insertRows(tx: Tx, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length || !columns.every((c) => c in row)) {
      throw new Error(`insertRows(${table}): every row needs the columns ${columns.join(", ")}`);
    }
  }
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES `;
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    const values = chunk.flatMap((row) => columns.map((c) => sqliteValue(row[c])));
    await tx.$executeRawUnsafe(head + chunk.map(() => tuple).join(", "), ...values);
  }
}
