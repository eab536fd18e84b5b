// The project's own migrations, applied offline through the schema-engine bridge with the
// ordinary Prisma CLI, to a brand-new empty database file.
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const file = path.resolve(`tests/.tmp/migrations-${randomUUID()}.db`);
const env: NodeJS.ProcessEnv = {
  NODE_ENV: "test",
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  DATABASE_URL: `file:${file}`,
  PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("scripts/schema-engine/bridge.mjs"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  NO_COLOR: "1",
};
const prisma = (...args: string[]) => run("node_modules/.bin/prisma", args, { env });

afterAll(() => {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});

describe("migrations", () => {
  it("apply to an empty database with `prisma migrate deploy`, then status is up to date", async () => {
    const deploy = await prisma("migrate", "deploy");
    expect(deploy.stdout).toMatch(/All migrations have been successfully applied/);
    const status = await prisma("migrate", "status");
    expect(status.stdout).toMatch(/Database schema is up to date/);
  });

  it("leave the hand-written integrity rules in place (a table rebuild would silently drop them)", () => {
    const sqlite = new Database(file, { readonly: true });
    try {
      const names = sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name`)
        .all()
        .map((row) => (row as { name: string }).name);
      expect(names).toEqual(
        expect.arrayContaining([
          "AccessLog_no_delete",
          "AccessLog_no_update",
          "Assignment_coordination_needs_consent_insert",
          "Assignment_coordination_needs_consent_update",
          "Assignment_one_active_lakarkontakt",
          "Assignment_one_active_omsorgskontakt_per_unit",
          "Assignment_one_active_overall_coordination",
          "AuditEvent_no_delete",
          "AuditEvent_no_update",
          "Listing_no_overlap_insert",
          "Listing_no_overlap_update",
          "Listing_one_active_per_patient",
        ]),
      );
    } finally {
      sqlite.close();
    }
  });

  it("put the reference data production needs in the database, not in the seed", () => {
    const sqlite = new Database(file, { readonly: true });
    try {
      const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      expect(count("Role")).toBe(5);
      expect(count("FastKontaktTyp")).toBe(4);
      expect(count("Befattning")).toBeGreaterThan(20);
      expect(count("RolePermission")).toBeGreaterThan(30);
      expect(count("Patient")).toBe(0);
    } finally {
      sqlite.close();
    }
  });

  it("match the schema exactly: no drift, and no plan to drop the hand-written indexes", async () => {
    const diff = await prisma(
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--script",
    );
    expect(diff.stdout).toContain("-- This is an empty migration.");
    expect(diff.stdout).not.toMatch(/DROP (INDEX|TRIGGER)/);
  });
});
