// Writing generated rows straight into SQLite, in the representation the app's Prisma
// client (@prisma/adapter-better-sqlite3) reads and writes: DateTime as ISO-8601 text with
// "+00:00" ("2024-12-31T08:25:00.000+00:00"), Boolean as 0/1, enums as their names.
import type Database from "better-sqlite3";

type SqlValue = string | number | bigint | null;
/** A row as the generators build it; `undefined` is refused at write time (see insertRows). */
export type Row = Record<string, SqlValue | boolean | Date | undefined>;

/** The adapter's default "iso8601" timestamp format: toISOString with "Z" written "+00:00". */
export const sqlInstant = (instant: Date) => instant.toISOString().replace("Z", "+00:00");

function sqlValue(value: SqlValue | boolean | Date | undefined, table: string, column: string): SqlValue {
  if (value === undefined) throw new Error(`${table} row without ${column}: every row of a table names the same columns`);
  if (value instanceof Date) return sqlInstant(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * Inserts `rows` into `table` with one prepared statement. Every row must name the same
 * columns, and name them all: SQL column defaults differ from Prisma's (CURRENT_TIMESTAMP
 * is not the adapter's format), so none may be left to the database.
 */
export function insertRows(db: Database.Database, table: string, rows: readonly Row[]): number {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  const statement = db.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  const values: SqlValue[] = new Array(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) values[i] = sqlValue(row[columns[i]], table, columns[i]);
    statement.run(values);
  }
  return rows.length;
}
