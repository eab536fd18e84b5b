// `npm run bench:turnover` (issue 5 §6): on a region-size database, reassign the 5,000 fasta
// vårdkontakter of one leaver the way the turnover page does — plan, draft, start — and time
// the run from the press of the button to the committed transaction. Then the same writes are
// replayed with better-sqlite3 in one transaction on a copy of the database as it was before
// the run: the physical limit of this machine. The last line is the result.
//
// Kept out of the test run: it builds a 300 MB database and takes about a minute.
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { captureWrites, copyDatabase, replayWrites, TURNOVER_TABLES } from "./raw-replay";
import { buildRegionDatabase } from "./region-db";

const dir = path.join(tmpdir(), "fasta-kontakter-bench");
const files = { region: path.join(dir, "region.db"), before: path.join(dir, "before.db"), replay: path.join(dir, "replay.db") };
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (from: number) => Math.round(performance.now() - from);

async function main() {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let start = performance.now();
  const region = buildRegionDatabase(files.region);
  log(`region: ${region.counts.patients} patients, ${region.counts.assignments} assignments, ${region.counts.staff} staff in ${ms(start)} ms`);

  // The app's modules read DATABASE_URL when they are first imported.
  process.env.DATABASE_URL = `file:${files.region}`;
  const { db } = await import("~/db.server");
  const { loadGrant } = await import("~/auth/actor.server");
  const { loadTurnover, planFor, saveDraft } = await import("~/turnover/turnover.server");
  const { startBatch } = await import("~/turnover/jobs.server");

  const now = new Date();
  const unit = await db.careUnit.findUniqueOrThrow({ where: { id: region.unitId }, select: { id: true, name: true, kind: true } });
  const actor = {
    userId: region.adminUserId,
    username: "bench-admin",
    displayName: "Bench",
    sessionId: "bench",
    requestId: "bench",
    unit,
    grant: await loadGrant(db, region.adminUserId, unit.id, "ADMINISTRATOR", now),
    choices: [{ careUnitId: unit.id, unitName: unit.name, unitKind: unit.kind, roleCode: "ADMINISTRATOR" as const }],
  };

  // What the administrator does before the button: open the page, spread the group over a team, preview.
  start = performance.now();
  const turnover = await loadTurnover(db, actor, region.leaverId, now);
  if (!turnover) throw new Error("the leaver is not in the administrator's units");
  const group = turnover.page.groups[0];
  log(`page: ${group.rows.length} rows judged against ${Object.keys(turnover.page.candidates).length} candidates in ${ms(start)} ms`);
  start = performance.now();
  const choices = { reason: "Slutar sin anställning", reviewDueDate: null, groups: { [group.key]: `team:${group.teams[0].id}` }, rows: {} };
  const plan = planFor(turnover, choices);
  const batchId = await saveDraft(db, actor, region.leaverId, choices, plan, now);
  const planned = plan.rows.filter((r) => r.outcome === "change").length;
  log(`preview: ${planned} of ${plan.rows.length} rows planned in ${ms(start)} ms`);

  // The button: claim the draft, run the job to its commit (on the same connection here).
  copyDatabase(files.region, files.before);
  start = performance.now();
  const started = await startBatch(db, actor, region.leaverId, batchId, new Date(), { jobDb: db });
  if (typeof started !== "object" || started === null) throw new Error("the draft did not start");
  await started.done;
  const turnoverMs = ms(start);
  const batch = await db.turnoverBatch.findUniqueOrThrow({ where: { id: batchId } });
  if (batch.status !== "SUCCEEDED") throw new Error(`the batch ended ${batch.status}: ${batch.failures}`);
  await db.$disconnect();

  const writes = captureWrites(files.before, files.region, [...TURNOVER_TABLES, "TurnoverBatch"]);
  copyDatabase(files.before, files.replay);
  const rawMs = Math.round(replayWrites(files.replay, writes));
  rmSync(dir, { recursive: true, force: true });
  console.log(`turnover: ${planned} assignments in ${turnoverMs} ms; raw SQL ${rawMs} ms; ratio ${(turnoverMs / rawMs).toFixed(1)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
