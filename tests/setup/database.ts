// A real SQLite file per test file (never mocks), copied from the migrated base database.
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createPrismaClient, type Db } from "~/db.server";

const TMP_DIR = path.resolve("tests/.tmp");
const BASE_DB = path.join(TMP_DIR, "base.db");

export type TestDatabase = { db: Db; file: string; url: string; close: () => Promise<void> };

export function createTestDatabase(): TestDatabase {
  const file = path.join(TMP_DIR, `test-${process.env.VITEST_POOL_ID ?? "0"}-${randomUUID()}.db`);
  copyFileSync(BASE_DB, file);
  const url = `file:${file}`;
  const db = createPrismaClient(url);
  return {
    db,
    file,
    url,
    close: async () => {
      await db.$disconnect();
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    },
  };
}
