// Loads Prisma's schema engine compiled to WebAssembly and connects it to a
// SQLite file through the better-sqlite3 driver adapter.
//
// Why this exists: the Prisma CLI normally downloads a native `schema-engine`
// binary from binaries.prisma.sh, which this network cannot reach. The same
// Rust engine is published as WebAssembly (@prisma/schema-engine-wasm), and
// it talks to the database through a JS driver adapter instead of its own
// drivers. bridge.mjs wraps this module in the native binary's interface.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** An error shaped like the engine's own (`code` = Prisma error code such as "P1003"). */
export class EngineUserError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "SchemaConnectorError";
    this.code = code;
  }
}

/**
 * Turns a SQLite datasource URL into an absolute file path.
 * Relative paths are resolved against the process cwd, which the Prisma CLI
 * sets to the project root (the directory of prisma.config.ts / `--config`),
 * exactly as better-sqlite3 does in the app at runtime.
 */
export function sqliteFilePath(url, cwd = process.cwd()) {
  if (url === ":memory:") return url;
  if (typeof url !== "string" || !url.startsWith("file:")) {
    throw new EngineUserError(
      "P1013",
      `The provided database string is invalid. The schema engine bridge only supports SQLite URLs starting with \`file:\`.`,
    );
  }
  if (url.startsWith("file://")) return fileURLToPath(url.split("?")[0]);
  const file = url.slice("file:".length).split("?")[0]; // drop `?connection_limit=…` style options
  return file === ":memory:" ? file : path.resolve(cwd, file);
}

let loaded; // { glue, wasmPath } once the WebAssembly module is instantiated

/**
 * Instantiates the engine's WebAssembly module once per process.
 *
 * The package's own entry point does `import * as wasm from "./x.wasm"`, which
 * Node cannot do without --experimental-wasm-modules, so we instantiate the
 * .wasm ourselves with the wasm-bindgen glue (schema_engine_bg.js) as imports.
 *
 * Which .wasm: the prisma CLI package ships the very same engine build, compiled
 * from the CLI's own engines commit (prisma/build/schema_engine_bg.wasm), while
 * @prisma/schema-engine-wasm is only published for neighbouring commits. We
 * prefer the CLI's copy when it fits the glue (same wasm-bindgen imports and
 * exports), so engine and CLI versions match exactly; otherwise we fall back to
 * the package's own .wasm, which always fits its glue.
 */
export async function loadWasm() {
  if (loaded) return loaded;

  // The glue reports Rust panic messages here; the CLI sets up the same registry.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    get() {
      return this.message;
    },
    set_message(message) {
      this.message = `RuntimeError: ${message}`;
    },
  };

  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const glueNeeds = new Set(
    [...fs.readFileSync(gluePath, "utf8").matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]),
  );
  const fitsGlue = (module) =>
    WebAssembly.Module.imports(module).every((i) => typeof glue[i.name] === "function") &&
    [...glueNeeds].every((name) =>
      WebAssembly.Module.exports(module).some((e) => e.name === name),
    );

  const candidates = [
    path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm"),
    path.join(path.dirname(gluePath), "schema_engine_bg.wasm"),
  ];
  for (const wasmPath of candidates) {
    if (!fs.existsSync(wasmPath)) continue;
    const module = await WebAssembly.compile(fs.readFileSync(wasmPath));
    if (!fitsGlue(module)) continue;
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    loaded = { glue, wasmPath };
    return loaded;
  }
  throw new Error(`No usable schema engine .wasm found (looked at ${candidates.join(", ")})`);
}

/**
 * Creates a wasm SchemaEngine bound to one SQLite database.
 *
 * @param {object} options
 * @param {[string, string][]} options.datamodels  [path, content] of each Prisma schema file
 * @param {string} options.url                     main database (`file:` URL or `:memory:`)
 * @param {string} [options.shadowDatabaseUrl]     defaults to an in-memory database
 * @param {(line: string) => void} options.onLog   receives the engine's JSON log lines
 * @returns {Promise<{ engine: SchemaEngine, dispose: () => Promise<void>, normalizeError: (e: unknown) => unknown }>}
 */
export async function createSqliteEngine({ datamodels, url, shadowDatabaseUrl, onLog }) {
  const { glue } = await loadWasm();
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");

  // `migrate dev` replays the migrations on a shadow database. The adapter's
  // connectToShadowDb() opens `shadowDatabaseUrl`, or `:memory:` when unset —
  // the same throw-away in-memory database the native SQLite engine uses.
  const shadow = shadowDatabaseUrl ? { shadowDatabaseUrl: asFileUrl(shadowDatabaseUrl) } : undefined;

  // Remember every connection so dispose() can close them: the engine runs
  // SQLite in EXCLUSIVE locking mode, and closing cleanly releases the lock
  // and removes the `-journal` file instead of leaving it behind.
  const connections = [];
  let lastScriptError; // adapter error payload of the last failed migration script
  const remember = (error) => (lastScriptError = error?.cause);
  class TrackedSqlite3 extends PrismaBetterSqlite3 {
    async connect() {
      const connection = acceptScripts(await super.connect(), remember);
      connections.push(connection);
      return connection;
    }
    async connectToShadowDb() {
      const connection = acceptScripts(await super.connectToShadowDb(), remember);
      connections.push(connection);
      return connection;
    }
  }
  const adapter = new TrackedSqlite3({ url: asFileUrl(url) }, shadow);

  // The engine writes its tracing output in chunks; hand it on line by line.
  let pending = "";
  const logCallback = (chunk) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop();
    for (const line of lines) if (line.trim()) onLog(line);
  };

  const boundAdapter = bindMigrationAwareSqlAdapterFactory(adapter);
  const engine = await glue.SchemaEngine.new(
    // An empty list would panic in psl::validate_multi_file (e.g. `migrate diff`
    // starts the engine without --datamodels).
    { datamodels: datamodels?.length ? datamodels : undefined },
    logCallback,
    boundAdapter,
  );
  const dispose = async () => {
    for (const connection of connections.splice(0)) {
      await connection.dispose().catch(() => {}); // shadow connections may already be closed
    }
  };
  /** Gives engine errors the details the native engine's errors carry. */
  const normalizeError = (error) => {
    if (!(error instanceof Error)) return error;
    // Non-SQLite exceptions thrown inside the adapter only reach the engine as
    // an id into the adapter's error registry.
    error.message = error.message.replace(
      /External error id#(\d+)/g,
      (text, id) => boundAdapter.errorRegistry.consumeError(Number(id))?.error?.message ?? text,
    );
    // The native SQLite connector reports a failing migration script as P3018
    // (ApplyMigrationError); the wasm build passes the bare SQLite error on.
    const migrationName = /apply_migration::apply_script\s+with migration_name="([^"]+)"/.exec(error.message)?.[1];
    if (!error.code && migrationName) {
      const databaseError = error.message.split(/\n\s+0: /)[0].trim(); // drop the span trace
      return new EngineUserError(
        "P3018",
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
          "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
          `Migration name: ${migrationName}\n\n` +
          `Database error code: ${lastScriptError?.extendedCode ?? lastScriptError?.originalCode ?? "none"}\n\n` +
          `Database error:\n${databaseError}\n`,
      );
    }
    return error;
  };

  return { engine, dispose, normalizeError };
}

// The engine reads a partial index's WHERE clause with
//   SELECT sql FROM sqlite_master WHERE type = 'index' AND name = "<index>"
// i.e. a double-quoted string literal. The native engine's SQLite accepts that;
// better-sqlite3 is compiled with SQLITE_DQS=0 and fails with "no such column"
// as soon as a migration contains a partial index (`CREATE INDEX … WHERE …`).
const INDEX_SQL_QUERY = /^(SELECT sql FROM sqlite_master WHERE type = 'index' AND name = )"(.*)"(;?)$/s;

/**
 * Makes a driver adapter connection accept the SQL the engine sends to it,
 * where better-sqlite3 differs from the SQLite inside the native engine:
 *
 * - The engine replays each migration file on the shadow database with one
 *   executeRaw() call, but better-sqlite3 prepares a single statement only
 *   ("The supplied SQL string contains more than one statement"), so
 *   `migrate dev` failed with P3006 as soon as one migration existed. The
 *   native engine runs such scripts as a batch; do the same through
 *   executeScript(). Nothing has run when prepare() throws, so the fallback
 *   cannot execute anything twice.
 * - The double-quoted index name in INDEX_SQL_QUERY becomes a '…' literal.
 * - Failed scripts are reported to onScriptError (for the P3018 error code).
 */
function acceptScripts(queryable, onScriptError) {
  const executeScript = queryable.executeScript.bind(queryable);
  queryable.executeScript = async (script) => {
    try {
      return await executeScript(script);
    } catch (error) {
      onScriptError(error);
      throw error;
    }
  };

  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = (query) =>
    queryRaw({
      ...query,
      sql: query.sql.replace(
        INDEX_SQL_QUERY,
        (_, head, name, end) => `${head}'${name.replaceAll("'", "''")}'${end}`,
      ),
    });

  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      const isScript =
        error instanceof RangeError && /more than one statement/.test(error.message) && !query.args?.length;
      if (!isScript) throw error;
      await queryable.executeScript(query.sql);
      return 0;
    }
  };
  if (queryable.startTransaction) {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => acceptScripts(await startTransaction(...args), onScriptError);
  }
  return queryable;
}

/** The adapter strips `file:` and hands the rest to better-sqlite3 verbatim. */
function asFileUrl(url) {
  const file = sqliteFilePath(url);
  return file === ":memory:" ? file : `file:${file}`;
}

/** Version (git commit of prisma-engines) of the loaded wasm build. */
export async function engineVersion() {
  return (await loadWasm()).glue.version();
}
