// Builds tests/.tmp/base.db once per run (when a migration is newer than it) with the
// ordinary `prisma migrate deploy`, through the offline schema-engine bridge. Each test
// that needs a database copies this file (tests/setup/database.ts): copying is instant,
// migrating per test is not.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export const TMP_DIR = path.resolve("tests/.tmp");
export const BASE_DB = path.join(TMP_DIR, "base.db");

function newestMigration(): number {
  const dir = path.resolve("prisma/migrations");
  return Math.max(
    statSync(path.resolve("prisma/schema.prisma")).mtimeMs,
    ...readdirSync(dir).map((name) => statSync(path.join(dir, name)).mtimeMs),
  );
}

export default function setup() {
  mkdirSync(TMP_DIR, { recursive: true });
  if (existsSync(BASE_DB) && statSync(BASE_DB).mtimeMs > newestMigration()) return;
  rmSync(BASE_DB, { force: true });
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${BASE_DB}`,
      PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("scripts/schema-engine/bridge.mjs"),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
    stdio: "pipe",
  });
}
