// `npm run audit:verify` as a child process on a given database file (contract: exit 0 when
// both chains hold, 1 otherwise, naming the first broken row as `AuditEvent <id>` or
// `AccessLog <id>`).
import { spawnSync } from "node:child_process";

export function auditVerify(file: string): { status: number | null; output: string } {
  const run = spawnSync("npm", ["run", "audit:verify"], {
    env: { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? String(run.error) : ""}` };
}
