// A seeded copy of the migrated base database and the production server on it: the shared one
// that every browser test uses (global-setup.ts), and private ones for a story whose writes
// the other files must not see (the staff turnover story empties a leaver the worklist tests
// count on). Plain Node: global setup imports this, outside any test.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const tmp = path.resolve("tests/.tmp");

/** Where a database named `name` lives (tests/.tmp/<name>.db). */
export const databaseFile = (name: string) => path.join(tmp, `${name}.db`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

export type SeededServer = {
  baseUrl: string;
  /** The database file the server writes. */
  file: string;
  /** Stops the server; prints its output when E2E_SERVER_LOG is set. */
  stop: () => Promise<void>;
};

/** Copies the base database to tests/.tmp/<name>.db, seeds the demo region and serves the build on a free port. */
export async function startSeededServer(name: string): Promise<SeededServer> {
  if (!existsSync("build/server/index.js")) throw new Error("Run `npm run build` before the browser tests (npm test does).");
  const file = databaseFile(name);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  copyFileSync(path.join(tmp, "base.db"), file);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "development" };
  execFileSync("node_modules/.bin/vite-node", ["seed.ts"], { env, stdio: "pipe" });

  const port = await freePort();
  let log = "";
  const server = spawn("node", ["server/index.mjs"], {
    env: { ...env, NODE_ENV: "production", PORT: String(port), SESSION_SECRET: "e2e-secret" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, server, () => log);
  } catch (error) {
    server.kill("SIGTERM");
    throw error;
  }
  return {
    baseUrl,
    file,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once("exit", r));
        server.kill("SIGTERM");
        await exited;
      }
      if (process.env.E2E_SERVER_LOG) console.log(log);
    },
  };
}
