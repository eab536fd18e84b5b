// Runs before every test file.
// 1. The file gets its own real SQLite database, copied from the migrated base database
//    (tests/setup/global-setup.ts). DATABASE_URL is set before anything imports
//    ~/db.server, so the app's own `db` is this file's database.
// 2. An unexpected console.error fails the test that caused it (CONVENTIONS: Tests);
//    a test that expects one calls allowConsoleError().
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, vi } from "vitest";

const tmp = path.resolve("tests/.tmp");
const file = path.join(tmp, `app-${process.env.VITEST_POOL_ID ?? "0"}-${randomUUID()}.db`);
copyFileSync(path.join(tmp, "base.db"), file);
process.env.DATABASE_URL = `file:${file}`;
globalThis.__prisma = undefined;

/**
 * Gives every test of the calling file the base database again (call it at the top level).
 * For files whose tests each write history at fixed past times: the audit chain refuses a
 * row dated before its newest row (docs/decisions/014), so such tests cannot share a database.
 * SQLite's backup API writes the base into the open file; the app's connection reads the new
 * content at its next transaction.
 */
export function freshDatabaseEachTest() {
  beforeEach(async () => {
    const base = new Database(path.join(tmp, "base.db"), { readonly: true });
    try {
      await base.backup(file);
    } finally {
      base.close();
    }
  });
}

afterAll(async () => {
  await globalThis.__prisma?.$disconnect();
  globalThis.__prisma = undefined;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
});

let errors: unknown[][] = [];
let allowed = false;

/** The current test expects console.error to be called (e.g. a 503 that is logged). */
export function allowConsoleError() {
  allowed = true;
}

beforeEach(() => {
  errors = [];
  allowed = false;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0 && !allowed) {
    const first = errors[0].map((a) => (a instanceof Error ? a.stack : String(a))).join(" ");
    errors = [];
    throw new Error(`Unexpected console.error: ${first}`);
  }
});
