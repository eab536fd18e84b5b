// The offline schema-engine bridge (scripts/schema-engine/bridge.mjs) driven by the real
// `prisma` CLI, in a throw-away project with its own tiny schema, exactly as the npm
// scripts run it. See docs/decisions/001-offline-prisma-migrations.md.
//
// The steps share one project directory and run in order. No step may download
// anything: the child environment is built from scratch (no inherited proxy, mirror
// or AI-agent variables) and PRISMA_SCHEMA_ENGINE_BINARY points at the bridge, so the
// CLI never looks for a native engine on binaries.prisma.sh.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PRISMA = path.join(ROOT, "node_modules/.bin/prisma");
const BRIDGE = path.join(ROOT, "scripts/schema-engine/bridge.mjs");
const TIMEOUT = 30_000;

const ENV: NodeJS.ProcessEnv = {
  NODE_ENV: "test",
  PATH: `${path.dirname(process.execPath)}${path.delimiter}/usr/bin${path.delimiter}/bin`,
  PRISMA_SCHEMA_ENGINE_BINARY: BRIDGE,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1", // no telemetry request
  NO_COLOR: "1",
};

const USER_SCHEMA = `datasource db {
  provider = "sqlite"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}
`;

const POST_MODEL = `
model Post {
  id       Int     @id @default(autoincrement())
  title    String
  archived Boolean @default(false)
}
`;

// What the real project writes by hand in migrations: a partial unique index and an
// append-only trigger, neither expressible in the Prisma schema.
const HAND_WRITTEN_SQL = `
-- One active post per title.
CREATE UNIQUE INDEX "Post_title_active_key" ON "Post"("title") WHERE "archived" = 0;

-- Posts are append-only.
CREATE TRIGGER "Post_no_delete" BEFORE DELETE ON "Post"
BEGIN
  SELECT RAISE(ABORT, 'Post is append-only');
END;
`;

let dir: string;

type Run = { code: number; stdout: string; output: string };

/** Runs the real prisma CLI in the test project; never throws on a non-zero exit. */
function prisma(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    // HOME: the CLI keeps some state under ~/.config; keep it inside the test directory.
    const options = { cwd: dir, env: { ...ENV, HOME: dir, ...env }, timeout: TIMEOUT };
    execFile(PRISMA, args, options, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, output: `${stdout}\n${stderr}` });
    });
  });
}

function bridge(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(BRIDGE, args, { cwd: dir, env: { ...ENV, HOME: dir }, timeout: TIMEOUT }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stderr });
    });
  });
}

const migrationNames = () =>
  fs
    .readdirSync(path.join(dir, "prisma/migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const migrationSql = (name: string) => fs.readFileSync(path.join(dir, "prisma/migrations", name, "migration.sql"), "utf8");

/** Reads a database file of the test project (opened read-only, closed at once). */
function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, file), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const schemaObjects = (file: string) =>
  inspect(file, (db) =>
    db
      .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all()
      .map((row) => `${(row as { type: string }).type}:${(row as { name: string }).name}`),
  );

const appliedMigrations = (file: string) =>
  inspect(file, (db) =>
    db
      .prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name")
      .all()
      .map((row) => (row as { migration_name: string }).migration_name),
  );

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "schema-engine-bridge-"));
  fs.mkdirSync(path.join(dir, "prisma"));
  fs.writeFileSync(path.join(dir, "prisma/schema.prisma"), USER_SCHEMA);
  fs.writeFileSync(
    path.join(dir, "prisma.config.ts"),
    `import { defineConfig } from "prisma/config";
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./prisma/dev.db" },
});
`,
  );
  // prisma.config.ts imports "prisma/config": resolve it from the project's packages.
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("prisma migrate through the wasm schema-engine bridge", () => {
  it("migrate dev --name init creates the database, a migration and applies it", { timeout: TIMEOUT }, async () => {
    const run = await prisma(["migrate", "dev", "--name", "init"]);

    expect(run.output).not.toMatch(/binaries\.prisma\.sh/);
    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain("SQLite database dev.db created at file:./prisma/dev.db");
    expect(run.stdout).toContain("Your database is now in sync with your schema.");
    const [init] = migrationNames();
    expect(migrationNames()).toEqual([expect.stringMatching(/^\d{14}_init$/)]);
    expect(migrationSql(init)).toContain('CREATE TABLE "User"');
    expect(appliedMigrations("prisma/dev.db")).toEqual([init]);
    // The engine's connections are closed cleanly: no journal left behind.
    expect(fs.existsSync(path.join(dir, "prisma/dev.db-journal"))).toBe(false);
  });

  it("a second migrate dev after a schema change creates and applies a second migration", { timeout: TIMEOUT }, async () => {
    fs.appendFileSync(path.join(dir, "prisma/schema.prisma"), POST_MODEL);

    const run = await prisma(["migrate", "dev", "--name", "add_post"]);

    expect(run.code, run.output).toBe(0);
    const names = migrationNames();
    expect(names).toHaveLength(2);
    expect(names[1]).toMatch(/_add_post$/);
    expect(migrationSql(names[1])).toContain('CREATE TABLE "Post"');
    expect(appliedMigrations("prisma/dev.db")).toEqual(names);
  });

  it("migrate status reports the database as up to date", { timeout: TIMEOUT }, async () => {
    const run = await prisma(["migrate", "status"]);

    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain("2 migrations found in prisma/migrations");
    expect(run.stdout).toContain("Database schema is up to date!");
  });

  it("migrate deploy applies the committed migrations to a new, empty database file", { timeout: TIMEOUT }, async () => {
    const run = await prisma(["migrate", "deploy"], { DATABASE_URL: "file:./deployed.db" });

    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain("All migrations have been successfully applied.");
    expect(appliedMigrations("deployed.db")).toEqual(migrationNames());
    expect(schemaObjects("deployed.db")).toEqual(expect.arrayContaining(["table:Post", "table:User"]));
  });

  it("migrate reset --force empties the database and re-applies every migration", { timeout: TIMEOUT }, async () => {
    const db = new Database(path.join(dir, "prisma/dev.db"));
    db.prepare("INSERT INTO User (email) VALUES ('before-reset@example.com')").run();
    db.close();

    const run = await prisma(["migrate", "reset", "--force"]);

    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain("Database reset successful");
    expect(appliedMigrations("prisma/dev.db")).toEqual(migrationNames());
    expect(inspect("prisma/dev.db", (d) => d.prepare("SELECT COUNT(*) AS n FROM User").get())).toEqual({ n: 0 });
  });

  it(
    "a hand-written partial unique index and trigger are applied and not reported as drift",
    { timeout: 2 * TIMEOUT },
    async () => {
      const draft = await prisma(["migrate", "dev", "--create-only", "--name", "append_only"]);
      expect(draft.code, draft.output).toBe(0);
      const custom = migrationNames().find((name) => name.endsWith("_append_only"));
      expect(custom).toBeDefined();
      fs.appendFileSync(path.join(dir, "prisma/migrations", custom!, "migration.sql"), HAND_WRITTEN_SQL);

      // Applies the edited migration (the engine must replay it on the shadow database).
      const apply = await prisma(["migrate", "dev"]);
      expect(apply.code, apply.output).toBe(0);
      expect(appliedMigrations("prisma/dev.db")).toContain(custom);

      // Next round: no drift, no reset, no new migration dropping the index or trigger.
      const again = await prisma(["migrate", "dev", "--name", "nothing_changed"]);
      expect(again.code, again.output).toBe(0);
      expect(again.output).not.toMatch(/drift|reset/i);
      expect(again.stdout).toContain("Already in sync");
      expect(migrationNames()).toHaveLength(3);
      expect(schemaObjects("prisma/dev.db")).toEqual(
        expect.arrayContaining(["index:Post_title_active_key", "trigger:Post_no_delete"]),
      );

      // And the database really enforces them.
      const db = new Database(path.join(dir, "prisma/dev.db"));
      try {
        const insert = db.prepare("INSERT INTO Post (title, archived) VALUES (?, ?)");
        insert.run("Same title", 1);
        insert.run("Same title", 1); // archived duplicates are allowed
        insert.run("Same title", 0);
        expect(() => insert.run("Same title", 0)).toThrow(/UNIQUE constraint failed/);
        expect(() => db.prepare("DELETE FROM Post").run()).toThrow(/append-only/);
      } finally {
        db.close();
      }
    },
  );

  it("migrate diff prints an empty script for migrations with hand-written SQL", { timeout: TIMEOUT }, async () => {
    const run = await prisma([
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema",
      "prisma/schema.prisma",
      "--script",
    ]);

    expect(run.code, run.output).toBe(0);
    expect(run.stdout).toContain("-- This is an empty migration.");
    expect(run.stdout).not.toMatch(/DROP (INDEX|TRIGGER)/);
  });

  it("a failing migration is reported as P3018, like with the native engine", { timeout: TIMEOUT }, async () => {
    const broken = path.join(dir, "prisma/migrations/29991231000000_broken");
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, "migration.sql"), "CREATE TABLE oops (;\n");
    try {
      const run = await prisma(["migrate", "deploy"], { DATABASE_URL: "file:./broken.db" });

      expect(run.code).toBe(1);
      expect(run.output).toContain("P3018");
      expect(run.output).toContain("Migration name: 29991231000000_broken");
      expect(run.output).toContain("Database error code: 1");
      expect(run.output).toContain('near ";": syntax error');
    } finally {
      fs.rmSync(broken, { recursive: true });
    }
  });

  it("`cli can-connect-to-database` reports a missing file as P1003 on stderr", { timeout: TIMEOUT }, async () => {
    const run = await bridge(["--datasource", JSON.stringify({ url: "file:./missing.db" }), "cli", "can-connect-to-database"]);

    expect(run.code).toBe(1);
    // The CLI skips the first line and JSON-parses every other one.
    const [, ...lines] = run.stderr.trimEnd().split("\n");
    const error = lines.map((line) => JSON.parse(line)).find((entry) => entry.level === "ERROR");
    expect(error).toMatchObject({
      target: "schema_engine::logger",
      fields: { error_code: "P1003", message: `Database missing.db does not exist at ${path.join(dir, "missing.db")}` },
    });
    expect(fs.existsSync(path.join(dir, "missing.db"))).toBe(false);
  });
});
