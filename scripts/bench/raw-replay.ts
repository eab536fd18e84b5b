// The "raw SQL" yardstick of a benchmark: the very writes a run made, found by comparing the
// database before and after it, replayed with better-sqlite3 in one transaction on a copy of
// the "before" file. No application code, no ORM, statements prepared in advance: what is
// left is what SQLite itself needs for those rows (indexes, triggers, foreign keys, commit).
import Database from "better-sqlite3";
import { copyFileSync, rmSync } from "node:fs";

/** The tables a staff turnover writes to. */
export const TURNOVER_TABLES: readonly string[] = ["ProcessCase", "Assignment", "Notification", "AuditEvent"];

export type TableWrites = {
  table: string;
  /** Every column of the table, in table order: the values of each insert follow it. */
  columns: string[];
  /** The primary key's columns. */
  key: string[];
  /** New rows, in the order they were inserted (rowid order). */
  inserts: unknown[][];
  /** Changed rows: the key's values and the new values of the changed columns only. */
  updates: { key: unknown[]; set: Record<string, unknown> }[];
};

/** Per table, parents before children (see captureWrites). */
export type Writes = TableWrites[];

const quote = (name: string) => `"${name}"`;

function columnsOf(db: Database.Database, table: string): { columns: string[]; key: string[] } {
  const info = db.pragma(`main.table_info(${quote(table)})`) as { name: string; pk: number }[];
  if (info.length === 0) throw new Error(`no table ${table}`);
  const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  if (key.length === 0) throw new Error(`${table} has no primary key to match rows by`);
  return { columns: info.map((c) => c.name), key };
}

/**
 * The tables with every table before those that reference it, so that replayed rows never
 * point at a row not yet written (the app's connections enforce foreign keys: better-sqlite3
 * is built with SQLITE_DEFAULT_FOREIGN_KEYS=1). Otherwise in the given order.
 */
function parentsFirst(db: Database.Database, tables: readonly string[]): string[] {
  const parents = new Map(
    tables.map((t) => {
      const references = db.pragma(`main.foreign_key_list(${quote(t)})`) as { table: string }[];
      return [t, new Set(references.map((r) => r.table).filter((p) => p !== t && tables.includes(p)))];
    }),
  );
  const ordered: string[] = [];
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !ordered.includes(t) && [...parents.get(t)!].every((p) => ordered.includes(p)));
    if (!next) throw new Error(`foreign keys form a cycle among ${tables.join(", ")}`);
    ordered.push(next);
  }
  return ordered;
}

function captureTable(db: Database.Database, table: string): TableWrites {
  const { columns, key } = columnsOf(db, table);
  const t = quote(table);
  const sameKey = key.map((k) => `b.${quote(k)} = a.${quote(k)}`).join(" AND ");
  const deleted = db.prepare(`SELECT count(*) FROM before.${t} AS b WHERE NOT EXISTS (SELECT 1 FROM main.${t} AS a WHERE ${sameKey})`).pluck().get();
  if (Number(deleted) > 0) throw new Error(`${deleted} rows of ${table} were deleted; replaying deletes is not supported`);

  const inserts = db.prepare(`SELECT a.* FROM main.${t} AS a WHERE NOT EXISTS (SELECT 1 FROM before.${t} AS b WHERE ${sameKey}) ORDER BY a.rowid`).raw().all() as unknown[][];

  // One pass over the rows both files hold: the new values and, per column, whether it changed.
  const others = columns.filter((c) => !key.includes(c));
  const differs = others.map((c) => `a.${quote(c)} IS NOT b.${quote(c)}`);
  const changedRows = others.length === 0 ? [] : (db
    .prepare(
      `SELECT ${[...key.map((k) => `a.${quote(k)}`), ...others.map((c) => `a.${quote(c)}`), ...differs].join(", ")} ` +
        `FROM main.${t} AS a JOIN before.${t} AS b ON ${sameKey} WHERE ${differs.join(" OR ")} ORDER BY a.rowid`,
    )
    .raw()
    .all() as unknown[][]);
  const updates = changedRows.map((row) => {
    const set: Record<string, unknown> = {};
    others.forEach((c, i) => {
      if (Number(row[key.length + others.length + i]) === 1) set[c] = row[key.length + i];
    });
    return { key: row.slice(0, key.length), set };
  });
  return { table, columns, key, inserts, updates };
}

/**
 * What a run wrote to `tables` (default TURNOVER_TABLES), by comparing `afterFile` with
 * `beforeFile` on their primary keys inside SQLite: rows only `after` holds are inserts,
 * rows that differ are updates of the changed columns. Deletes are refused. Integers are
 * read as BigInt so that every value goes back exactly as it was.
 */
export function captureWrites(beforeFile: string, afterFile: string, tables: readonly string[] = TURNOVER_TABLES): Writes {
  const db = new Database(afterFile, { fileMustExist: true });
  try {
    db.defaultSafeIntegers(true);
    db.prepare("ATTACH DATABASE ? AS before").run(beforeFile);
    return parentsFirst(db, tables).map((table) => captureTable(db, table));
  } finally {
    db.close();
  }
}

type Step = { statement: Database.Statement; values: unknown[] };

/** Every write as a prepared statement and its values, so that the timed part only runs them. */
function prepareSteps(db: Database.Database, writes: Writes): Step[] {
  const steps: Step[] = [];
  for (const { table, columns, key, inserts, updates } of writes) {
    const t = quote(table);
    const byColumns = new Map<string, Database.Statement>();
    const whereKey = key.map((k) => `${quote(k)} = ?`).join(" AND ");
    // Updates first: ending the old rows frees the one-active-row unique indexes (one fast
    // läkarkontakt, one övergripande samordningsansvar per patient) for their replacements.
    for (const { key: keyValues, set } of updates) {
      const changed = Object.keys(set);
      const signature = changed.join("\u0000");
      let statement = byColumns.get(signature);
      if (!statement) {
        statement = db.prepare(`UPDATE ${t} SET ${changed.map((c) => `${quote(c)} = ?`).join(", ")} WHERE ${whereKey}`);
        byColumns.set(signature, statement);
      }
      steps.push({ statement, values: [...changed.map((c) => set[c]), ...keyValues] });
    }
    if (inserts.length > 0) {
      const statement = db.prepare(`INSERT INTO ${t} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (const values of inserts) steps.push({ statement, values });
    }
  }
  return steps;
}

/**
 * Replays `writes` on `file` (a copy of the "before" database) in one transaction and returns
 * the milliseconds the transaction took, commit included. The connection is set up as the
 * app's: WAL (server/index.mjs), busy timeout 5 s (app/db.server.ts), and better-sqlite3's
 * defaults for the rest — foreign keys on, synchronous NORMAL in WAL mode, temp files on disk.
 */
export function replayWrites(file: string, writes: Writes): number {
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    db.pragma("journal_mode = WAL");
    const steps = prepareSteps(db, writes);
    const replay = db.transaction(() => {
      for (const { statement, values } of steps) statement.run(values);
    });
    const started = performance.now();
    replay();
    return performance.now() - started;
  } finally {
    db.close();
  }
}

/**
 * Copies a database file. Its WAL is checkpointed into the file first, so the copy is
 * complete; no other connection may write meanwhile. Stale -wal/-shm files of an earlier
 * `to` are removed, as SQLite would otherwise read them as part of the copy.
 */
export function copyDatabase(from: string, to: string): void {
  const db = new Database(from, { fileMustExist: true });
  try {
    const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
    if (result.busy !== 0) throw new Error(`${from} is in use: its WAL could not be checkpointed before copying`);
  } finally {
    db.close();
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(to + suffix, { force: true });
  copyFileSync(from, to);
}
