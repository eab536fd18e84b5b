#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, backed by the same
// engine compiled to WebAssembly (see wasm-engine.mjs and
// docs/decisions/001-offline-prisma-migrations.md).
//
// Use: PRISMA_SCHEMA_ENGINE_BINARY=$PWD/scripts/schema-engine/bridge.mjs prisma migrate dev
//
// The Prisma CLI starts the engine in two ways, and this file mimics both:
//
//   bridge.mjs --datasource '{"url":"file:…"}' cli can-connect-to-database
//     One-shot commands (also create-database, drop-database). Success = exit 0.
//     Failure = exit 1 plus a JSON log line on stderr; the CLI skips the first
//     stderr line, JSON-parses the others and shows `fields.error_code` and
//     `fields.message` of the ERROR line whose target is schema_engine::logger.
//
//   bridge.mjs --datamodels <schema.prisma>… --datasource '{"url":"file:…"}'
//     JSON-RPC 2.0 server, one JSON object per line on stdin/stdout. Errors go
//     into `error.data` = {is_panic, message, meta?, error_code?}; the CLI prints
//     data.message (prefixed with data.error_code, e.g. P3018) like it does for
//     the native engine. stderr carries the engine's JSON log lines, which the
//     CLI only reads when the engine dies. On stdin EOF we finish and exit 0.
//
// Only SQLite is supported: the wasm engine reaches the database through the
// better-sqlite3 driver adapter.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { EngineUserError, createSqliteEngine, engineVersion, sqliteFilePath } from "./wasm-engine.mjs";

// stderr must stay pure JSON lines (see above): no Node warnings on it.
process.removeAllListeners("warning");

/** Writes one log line in the native engine's tracing JSON format. */
function log(level, fields, target = "schema_engine") {
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target })}\n`,
  );
}

/** Logs an error the way the native engine's log_error_and_exit() does. */
function logError(error) {
  log(
    "ERROR",
    { is_panic: false, error_code: error?.code ?? "", message: error?.message ?? String(error) },
    "schema_engine::logger",
  );
}

/**
 * Native behaviour on a Rust panic: an ERROR line with is_panic = true and exit
 * code 101, which the CLI turns into its "Oops, an unexpected error occurred"
 * report. A wasm panic surfaces as a WebAssembly RuntimeError and leaves the
 * instance unusable, so we do the same.
 */
function isPanic(error) {
  return error instanceof WebAssembly.RuntimeError || error?.name === "RuntimeError";
}
function dieOfPanic(error) {
  const message = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get?.() || String(error);
  log("ERROR", { is_panic: true, message, backtrace: error?.stack ?? "" });
  process.exit(101);
}

// ---------------------------------------------------------------- arguments

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      datamodels: { type: "string", short: "d", multiple: true },
      datasource: { type: "string" },
      // Passed by the CLI only for preview features / Postgres extensions;
      // irrelevant for SQLite, accepted so the CLI's calls never fail on them.
      "enabled-preview-features": { type: "string" },
      "extension-types": { type: "string" },
      version: { type: "boolean", short: "V" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (error) {
  logError(error);
  process.exit(1);
}
const { values: opts, positionals } = args;

if (opts.version) {
  // `prisma version` prints this line as "Schema Engine".
  process.stdout.write(`schema-engine-cli ${await engineVersion()} (wasm bridge)\n`);
  process.exit(0);
}
if (opts.help) {
  process.stdout.write(
    "Usage: bridge.mjs [--datamodels FILE]... [--datasource JSON] [cli create-database|can-connect-to-database|drop-database]\n",
  );
  process.exit(0);
}

// ------------------------------------------------------------ cli subcommands

let datasource = {};
try {
  datasource = opts.datasource ? JSON.parse(opts.datasource) : {};
} catch (error) {
  logError(new EngineUserError("P1013", `--datasource is not valid JSON: ${error.message}`));
  process.exit(1);
}

/** The `cli …` commands only touch the file system, so no engine is needed. */
const cliCommands = {
  async "can-connect-to-database"(dbPath) {
    if (dbPath !== ":memory:") {
      if (!fs.existsSync(dbPath)) {
        // P1003 makes `migrate dev|deploy|reset` call create-database next.
        throw new EngineUserError(
          "P1003",
          `Database ${path.basename(dbPath)} does not exist at ${dbPath}`,
        );
      }
      await checkIsSqlite(dbPath);
    }
    return "Connection successful";
  },
  async "create-database"(dbPath) {
    await createDatabaseFile(dbPath);
    return `Database '${path.basename(dbPath)}' was successfully created.`;
  },
  async "drop-database"(dbPath) {
    fs.rmSync(dbPath, { force: true });
    removeSidecarFiles(dbPath);
    return "The database was successfully dropped.";
  },
};

/** Journal / WAL files would be replayed into a new database of the same name. */
function removeSidecarFiles(dbPath) {
  for (const suffix of ["-journal", "-wal", "-shm"]) fs.rmSync(dbPath + suffix, { force: true });
}

async function createDatabaseFile(dbPath) {
  if (dbPath === ":memory:") return;
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const { default: Database } = await import("better-sqlite3");
  new Database(dbPath).close(); // creates an empty SQLite file
}

async function checkIsSqlite(dbPath) {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma("schema_version"); // reads the header: fails on non-SQLite files
  } catch (error) {
    throw new Error(`Could not open ${dbPath} as a SQLite database: ${error.message}`);
  } finally {
    db.close();
  }
}

if (positionals.length > 0) {
  // The CLI skips the first stderr line of a `cli` run; the native engine logs this one there.
  log("INFO", { message: "Starting schema engine CLI (wasm bridge)" });
  const [sub, command] = positionals;
  try {
    if (sub !== "cli" || !cliCommands[command]) {
      throw new Error(`Unknown command: ${positionals.join(" ")}`);
    }
    if (!datasource.url) {
      throw new EngineUserError("P1012", "The datasource URL is missing (pass --datasource '{\"url\":…}').");
    }
    log("INFO", { message: await cliCommands[command](sqliteFilePath(datasource.url)) }, "schema_engine::commands");
    process.exit(0);
  } catch (error) {
    logError(error);
    process.exit(1);
  }
}

// ------------------------------------------------------------ JSON-RPC server

log("INFO", { message: "Starting schema engine RPC server (wasm bridge)" });

const datamodels = (opts.datamodels ?? []).map((file) => [file, fs.readFileSync(file, "utf8")]);

let enginePromise; // resolves to { engine, dispose, normalizeError } (see createSqliteEngine)
/**
 * The engine connects to the database when created, and better-sqlite3 creates
 * a missing file on connect. So connect lazily, and let `diff` (which, like
 * `prisma migrate diff`, must not write anything) use an in-memory database
 * when the configured file does not exist.
 */
function getEngine(method) {
  if (!enginePromise) {
    const dbPath = datasource.url ? sqliteFilePath(datasource.url) : ":memory:";
    const url = method === "diff" && dbPath !== ":memory:" && !fs.existsSync(dbPath) ? ":memory:" : datasource.url ?? ":memory:";
    enginePromise = createSqliteEngine({
      datamodels,
      url,
      shadowDatabaseUrl: datasource.shadowDatabaseUrl,
      onLog: (line) => process.stderr.write(`${line}\n`),
    });
  }
  return enginePromise;
}

const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

// Requests we send to the CLI (only `print`), waiting for its answer.
let nextOwnId = 1;
const awaitingCli = new Map();
function callCli(method, params) {
  const id = `bridge-${nextOwnId++}`;
  return new Promise((resolve) => {
    awaitingCli.set(id, resolve);
    send({ jsonrpc: "2.0", id, method, params });
  });
}

/**
 * In the wasm build, evaluateDataLoss and createMigration cannot open a shadow
 * database themselves: they only work when an earlier call (devDiagnostic)
 * left the schema of exactly this migration list in the engine's cache. That
 * is not the case when `migrate dev` has just applied pending migrations (say
 * a hand-edited `--create-only` migration), which failed with "SQLite shadow DB
 * must be provided through an external factory". diagnoseMigrationHistory
 * with a shadow database fills that cache, so call it and retry.
 */
async function withShadowSchema(engine, params, call) {
  try {
    return await call();
  } catch (error) {
    if (!/shadow DB must be provided through an external factory/.test(error?.message)) throw error;
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters,
    });
    return call();
  }
}

/**
 * The native SQLite connector treats "no such table: _prisma_migrations" as "no
 * migration applied yet"; that check only exists for its own SQLite driver, so
 * the wasm build fails with P1014 instead on a database Prisma Migrate never
 * touched. For the commands that would write anyway, create the table the way
 * `migrate deploy` does (applying an empty migration list) and retry.
 * Applying refuses (P3005) when the database already has tables; then
 * `ifNotEmpty()` decides.
 */
const noMigrationsTable = (error) => error?.code === "P1014" && /_prisma_migrations/.test(error.message);

async function withMigrationsTable(engine, params, call, ifNotEmpty) {
  try {
    return await call();
  } catch (error) {
    if (!noMigrationsTable(error)) throw error;
    try {
      await engine.applyMigrations({
        migrationsList: { ...params.migrationsList, migrationDirectories: [] },
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
    } catch (initError) {
      if (initError?.code === "P3005") return ifNotEmpty(error);
      throw initError;
    }
    return call();
  }
}

/**
 * RPC methods whose wasm behaviour differs from the native engine; every other
 * method in ENGINE_METHODS is forwarded unchanged.
 */
const overrides = {
  // `migrate dev` on a new database. A database with tables but without a
  // migrations table (e.g. made by `db push`) is drift to the native engine,
  // which asks for a reset; so do we.
  devDiagnostic: (engine, params) =>
    withMigrationsTable(
      engine,
      params,
      () => engine.devDiagnostic(params),
      () => ({
        action: {
          tag: "reset",
          reason:
            "Drift detected: the database contains tables but no `_prisma_migrations` table, so it is not managed by Prisma Migrate.",
        },
      }),
    ),

  // `migrate resolve`. Baselining a database that has tables but no migrations
  // table is not covered (the native engine creates the table without checks).
  markMigrationApplied: (engine, params) =>
    withMigrationsTable(
      engine,
      params,
      () => engine.markMigrationApplied(params),
      (error) => {
        error.message += "\n(schema-engine bridge: baselining a non-empty database is not supported; see docs/decisions/001-offline-prisma-migrations.md)";
        throw error;
      },
    ),

  evaluateDataLoss: (engine, params) => withShadowSchema(engine, params, () => engine.evaluateDataLoss(params)),
  createMigration: (engine, params) => withShadowSchema(engine, params, () => engine.createMigration(params)),

  // `migrate status` must not write, so answer "no migrations table" ourselves,
  // exactly as the native engine does without a shadow database.
  async diagnoseMigrationHistory(engine, params) {
    try {
      return await engine.diagnoseMigrationHistory(params);
    } catch (error) {
      if (!noMigrationsTable(error) || params.optInToShadowDatabase) throw error;
      const names = params.migrationsList.migrationDirectories.map((dir) => dir.path);
      return {
        history: names.length ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: names } : null,
        failedMigrationNames: [],
        editedMigrationNames: [],
        hasMigrationsTable: false,
      };
    }
  },

  // The native engine prints the diff through a `print` request to the CLI;
  // the wasm build returns it as `stdout` instead.
  async diff(engine, params) {
    const result = await engine.diff(params);
    if (result.stdout) await callCli("print", { content: result.stdout.replace(/\n$/, "") });
    return { ...result, stdout: null };
  },

  // `migrate reset` needs an empty database. The wasm build's reset() only
  // deletes rows and keeps every table (and _prisma_migrations), so re-applying
  // the migrations failed with "table … already exists". Do what the native
  // SQLite engine does instead: close the connections and truncate the file.
  // The next request connects a fresh engine.
  async reset(_engine, _params, sqlite) {
    await sqlite.dispose();
    enginePromise = undefined;
    const dbPath = datasource.url ? sqliteFilePath(datasource.url) : ":memory:";
    if (dbPath === ":memory:") return {};
    removeSidecarFiles(dbPath);
    fs.truncateSync(dbPath, 0);
    return {};
  },

  // Both return the SQLite version. The wasm build ignores the params anyway;
  // passing none keeps their shape (which the CLI varies) out of the way.
  version: (engine) => engine.version(),
  getDatabaseVersion: (engine) => engine.version(),

  async createDatabase(_engine, params) {
    const url = params?.datasource?.url ?? datasource.url;
    await createDatabaseFile(sqliteFilePath(url));
    return { databaseName: path.basename(sqliteFilePath(url)) };
  },
};

const ENGINE_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "diff",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

/** Same envelope as the native engine's render_jsonrpc_error(). */
function toRpcError(error) {
  const message = error?.message ?? String(error);
  const data = error?.code
    ? { is_panic: false, message, meta: error.meta ?? {}, error_code: error.code }
    : { is_panic: false, message, backtrace: null };
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

async function handle(request) {
  const { id, method, params } = request;
  if (!(method in overrides) && !ENGINE_METHODS.has(method)) {
    send({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } });
    return;
  }
  try {
    const sqlite = await getEngine(method);
    const result = overrides[method]
      ? await overrides[method](sqlite.engine, params, sqlite)
      : await sqlite.engine[method](params ?? {});
    send({ jsonrpc: "2.0", id, result: result ?? {} });
  } catch (caught) {
    if (isPanic(caught)) dieOfPanic(caught);
    const error = (await enginePromise?.catch(() => null))?.normalizeError(caught) ?? caught;
    log("ERROR", { message: error?.message ?? String(error) }, "schema_engine::rpc");
    send({ jsonrpc: "2.0", id, error: toRpcError(error) });
  }
}

// The wasm engine objects must not be used concurrently ("recursive use of an
// object"), so requests run one after the other, like the CLI sends them.
let queue = Promise.resolve();
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  if (!line.trim()) return;
  let message;
  try {
    message = JSON.parse(line);
  } catch {
    send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
    return;
  }
  if (message.method === undefined) {
    // The CLI's answer to one of our own requests.
    awaitingCli.get(message.id)?.(message.result);
    awaitingCli.delete(message.id);
    return;
  }
  queue = queue.then(() => handle(message));
});
// On stdin EOF (the CLI's stop()) finish the queued work, close the database
// and exit 0. On Linux the CLI also sends SIGTERM right after closing stdin.
async function shutdown() {
  await queue;
  if (enginePromise) await (await enginePromise.catch(() => ({ dispose() {} }))).dispose();
  process.exit(0);
}
lines.on("close", shutdown);
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
process.on("uncaughtException", (error) => {
  if (isPanic(error)) dieOfPanic(error);
  logError(error);
  process.exit(1);
});
