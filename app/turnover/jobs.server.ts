// A turnover batch runs as a job (issue 5 §5): the request that starts it does not wait for
// thousands of rows, the page follows the job's progress, and a draft starts exactly once
// however many times its button is pressed. The job has its own database connection, so the
// pages keep reading (SQLite in WAL mode) while its one transaction writes.
import { randomUUID } from "node:crypto";
import { actorRef, type Actor, type ActorRef } from "~/auth/actor.server";
import { recordAudit } from "~/audit.server";
import { createPrismaClient, type Db } from "~/db.server";
import {
  BatchStaleError,
  reassignInBatch,
  type BatchActor,
  type BatchResult,
  type PlannedChange,
  type PlannedMedicalChange,
} from "~/processes/batch.server";
import { turnoverActor, type BatchFailures, type StoredBatch } from "./turnover.server";
import type { Plan } from "./plan";

export type Progress = { checked: number; total: number; writing: boolean };

type Job = { progress: Progress; done: Promise<void> };

declare global {
  // eslint-disable-next-line no-var
  var __turnoverJobs: Map<string, Job> | undefined;
  // eslint-disable-next-line no-var
  var __turnoverDb: Db | undefined;
}

/** Jobs running in this process, by batch id (kept on globalThis across dev-server reloads). */
const jobs: Map<string, Job> = (globalThis.__turnoverJobs ??= new Map());

const jobDb = (): Db => (globalThis.__turnoverDb ??= createPrismaClient());

/** Let other requests in every this many rows while the batch checks its rows. */
const YIELD_EVERY = 200;

/** The largest batch may take minutes on a slow machine; Prisma's default is 5 seconds. */
const TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 } as const;

export function changesOf(plan: Plan): PlannedChange[] {
  return plan.rows.flatMap((r) =>
    r.outcome === "change"
      ? [{ assignmentId: r.assignmentId, version: r.version, replacementId: r.replacementId, teamId: r.teamId, medicallyResponsibleId: r.medicallyResponsibleId ?? null }]
      : [],
  );
}

/** The plan's contacts that only get a new medically responsible läkare (decision 018). */
export function medicalChangesOf(plan: Plan): PlannedMedicalChange[] {
  return plan.rows.flatMap((r) =>
    r.outcome === "medical" ? [{ assignmentId: r.assignmentId, version: r.version, medicallyResponsibleId: r.medicallyResponsibleId }] : [],
  );
}

/**
 * Starts the actor's draft: DRAFT becomes QUEUED in one guarded update, so a second press (or
 * a second tab) finds nothing to start. Returns the running job when this call started it,
 * "already" when it had been started before, null when there is no such draft.
 */
export async function startBatch(
  db: Db,
  actor: Actor,
  staffMemberId: string,
  batchId: string,
  now: Date,
  options: JobOptions & { jobDb?: Db } = {},
): Promise<{ done: Promise<void> } | "already" | null> {
  const claimed = await db.$transaction(async (tx) => {
    const { count } = await tx.turnoverBatch.updateMany({
      where: { id: batchId, staffMemberId, createdByUserId: actor.userId, status: "DRAFT" },
      data: { status: "QUEUED" },
    });
    if (count === 1) await recordAudit(tx, actorRef(actor), now, { action: "turnover.start", entityType: "TurnoverBatch", entityId: batchId });
    return count === 1;
  });
  if (!claimed) {
    const exists = await db.turnoverBatch.count({ where: { id: batchId, staffMemberId, createdByUserId: actor.userId } });
    return exists ? "already" : null;
  }
  const batchActor = await turnoverActor(db, actor, now);
  return { done: runBatch(options.jobDb ?? jobDb(), batchId, batchActor, actorRef(actor), options) };
}

/** Ids and the clock can be injected (tests); by default random UUIDs and the time the job runs. */
export type JobOptions = { newId?: () => string; now?: () => Date };

/** Carries out a QUEUED batch: every row or none, then the outcome on the batch row. */
export function runBatch(db: Db, batchId: string, actor: BatchActor, who: ActorRef, options: JobOptions = {}): Promise<void> {
  const progress: Progress = { checked: 0, total: 0, writing: false };
  const clock = { newId: options.newId ?? randomUUID, now: options.now ?? (() => new Date()) };
  const done = run(db, batchId, actor, who, progress, clock).finally(() => jobs.delete(batchId));
  jobs.set(batchId, { progress, done });
  return done;
}

class Refused extends Error {
  constructor(readonly result: Extract<BatchResult, { ok: false }>) {
    super("turnover batch refused");
  }
}

/** Never rejects: whatever happens ends up on the batch row, or in the log if even that fails. */
async function run(db: Db, batchId: string, actor: BatchActor, who: ActorRef, progress: Progress, clock: Required<JobOptions>) {
  let changes: PlannedChange[] = [];
  try {
    const batch = await db.turnoverBatch.findUniqueOrThrow({ where: { id: batchId } });
    const plan = JSON.parse(batch.plan) as Plan;
    changes = changesOf(plan);
    const medical = medicalChangesOf(plan);
    progress.total = changes.length;
    await db.$transaction(async (tx) => {
      // The clock is read once the transaction has begun, not before waiting for it: the
      // audit chain refuses rows older than its newest by more than a minute (decision 014).
      const now = clock.now();
      // Writing first takes SQLite's write lock before anything is read: no one can change a
      // row between the batch's checks and its writes.
      await tx.turnoverBatch.update({ where: { id: batchId, status: "QUEUED" }, data: { status: "RUNNING", startedAt: now } });
      const order = { leaverId: batch.staffMemberId, reason: batch.reason, reviewDueDate: batch.reviewDueDate, changes, medical };
      const result = await reassignInBatch(tx, order, actor, {
        now,
        newId: clock.newId,
        onProgress: async (checked) => {
          progress.checked = checked;
          progress.writing = checked === changes.length;
          if (checked % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        },
      });
      if (!result.ok) throw new Refused(result);
      await tx.turnoverBatch.update({
        where: { id: batchId },
        data: { status: "SUCCEEDED", finishedAt: clock.now(), effectiveAt: result.effectiveAt },
      });
      await recordAudit(tx, who, now, {
        action: "turnover.complete",
        entityType: "TurnoverBatch",
        entityId: batchId,
        after: { cases: result.cases, medical: result.medical, effectiveAt: result.effectiveAt },
      });
    }, TRANSACTION);
  } catch (error) {
    await recordFailure(db, batchId, failuresOf(error, who), who, clock.now()).catch((failure: unknown) => {
      console.error(`[request ${who.requestId}] turnover batch ${batchId}: the failure could not be recorded`, failure);
    });
  }
}

async function recordFailure(db: Db, batchId: string, failures: BatchFailures, who: ActorRef, at: Date) {
  await db.$transaction(async (tx) => {
    await tx.turnoverBatch.update({ where: { id: batchId }, data: { status: "FAILED", finishedAt: at, failures: JSON.stringify(failures) } });
    await recordAudit(tx, who, at, { action: "turnover.fail", entityType: "TurnoverBatch", entityId: batchId, after: failures });
  });
}

function failuresOf(error: unknown, who: ActorRef): BatchFailures {
  if (error instanceof Refused) return { rows: error.result.failures, ...(error.result.problem ? { problem: error.result.problem } : {}) };
  if (error instanceof BatchStaleError) {
    // The ids written stale, of a contact that changed holder or of one that only got a new medically responsible läkare.
    return { rows: error.assignmentIds.map((assignmentId) => ({ assignmentId, code: "changed" as const })) };
  }
  // Unexpected: logged with the request id that started the batch, as entry.server.tsx logs errors.
  console.error(`[request ${who.requestId}] turnover batch failed`, error);
  return { rows: [], problem: "error", requestId: who.requestId ?? undefined };
}

/**
 * The batch as stored, with the progress of its job when it runs in this process. A batch left
 * QUEUED or RUNNING with no job here was cut off by a restart: its transaction never
 * committed, so it is marked INTERRUPTED (nothing was written) and can be planned again.
 */
export async function withProgress(db: Db, batch: StoredBatch, who: ActorRef, now: Date) {
  const job = jobs.get(batch.id);
  if (job) return { batch, progress: { ...job.progress } };
  if (batch.status !== "QUEUED" && batch.status !== "RUNNING") return { batch, progress: null };
  const failures: BatchFailures = { rows: [], problem: "interrupted" };
  await db.$transaction(async (tx) => {
    const { count } = await tx.turnoverBatch.updateMany({
      where: { id: batch.id, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "INTERRUPTED", finishedAt: now, failures: JSON.stringify(failures) },
    });
    if (count === 1) await recordAudit(tx, who, now, { action: "turnover.interrupted", entityType: "TurnoverBatch", entityId: batch.id });
  });
  return { batch: { ...batch, status: "INTERRUPTED" as const, failures }, progress: null };
}

/** Waits for the job at most `ms`: a small batch is done before its page is first shown. */
export async function settled(job: { done: Promise<void> }, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const finished = await Promise.race([job.done.then(() => true as const, () => true as const), timeout]);
  clearTimeout(timer);
  return finished;
}
