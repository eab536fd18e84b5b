// The audit trail and the access log (SPEC §6). Both tables are append-only in the
// database (triggers in migration 20261125000100_integrity_rules) and hash chains
// (20261204000100_audit_chain, app/audit/chain.ts, docs/decisions/014): every row is written
// here, inside a transaction that first takes SQLite's write lock, reads the chain's last row
// and links the new rows to it.
import { extendChain, EMPTY_HEAD, type ChainHead, type ChainTable } from "~/audit/chain";
import type { ActorRef } from "~/auth/actor.server";
import type { Db, Tx } from "~/db.server";
import { insertRows } from "~/db/insert-rows.server";

/**
 * The chain's last row, read under the write lock. The no-op UPDATE takes the lock first: a
 * transaction that only read would fail with SQLITE_BUSY_SNAPSHOT if another connection (the
 * turnover job's, a script's) committed between this read and the insert.
 */
async function chainHead(tx: Tx, table: ChainTable): Promise<ChainHead> {
  await tx.$executeRawUnsafe(`UPDATE "${table}" SET "id" = "id" WHERE 0`);
  const select = { id: true, hash: true } as const;
  const last =
    table === "AuditEvent"
      ? await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select })
      : await tx.accessLog.findFirst({ orderBy: { id: "desc" }, select });
  if (!last) return EMPTY_HEAD;
  if (last.hash === null) throw new Error(`${table} holds rows written before the hash chain: run \`npm run db:migrate\` to seal them`);
  return { id: last.id, hash: last.hash };
}

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  patientId?: string | null;
  before?: unknown;
  after?: unknown;
  /** The delegation under which the actor acted (HSF 4 kap. 2 §): the row names both. */
  delegationId?: string | null;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Who did it, as both log tables record it. */
const who = (actor: ActorRef) => ({
  userId: actor.userId,
  roleCode: actor.roleCode,
  careUnitId: actor.careUnitId,
  requestId: actor.requestId,
});

const auditRow = (actor: ActorRef, at: Date, entry: AuditEntry) => ({
  at,
  ...who(actor),
  delegationId: entry.delegationId ?? null,
  action: entry.action,
  entityType: entry.entityType,
  entityId: entry.entityId,
  patientId: entry.patientId ?? null,
  before: json(entry.before),
  after: json(entry.after),
});

/** Writes one AuditEvent; takes a transaction client so it can only ride along a change. */
export async function recordAudit(tx: Tx, actor: ActorRef, at: Date, entry: AuditEntry): Promise<void> {
  const { rows } = extendChain("AuditEvent", await chainHead(tx, "AuditEvent"), [auditRow(actor, at, entry)]);
  await tx.auditEvent.create({ data: rows[0] });
}

/**
 * Writes many AuditEvents with few statements (the turnover batch), each with its own actor:
 * one read of the chain's head, every row hashed in one pass.
 */
export async function recordAudits(tx: Tx, at: Date, entries: readonly { actor: ActorRef; entry: AuditEntry }[]): Promise<void> {
  if (entries.length === 0) return;
  const { rows } = extendChain(
    "AuditEvent",
    await chainHead(tx, "AuditEvent"),
    entries.map(({ actor, entry }) => auditRow(actor, at, entry)),
  );
  await insertRows(tx, "AuditEvent", rows);
}

/**
 * Runs a change and its audit rows in one database transaction: either both are written
 * or neither is. The work returns its result and the entries that describe it.
 */
export async function auditedWrite<T>(
  db: Db,
  actor: ActorRef,
  at: Date,
  work: (tx: Tx) => Promise<{ result: T; audit: AuditEntry[] }>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    const { result, audit } = await work(tx);
    if (audit.length === 0) throw new Error("auditedWrite: a change must describe itself in at least one audit entry");
    await recordAudits(tx, at, audit.map((entry) => ({ actor, entry })));
    return result;
  });
}

export type AccessAction =
  | "patient.view"
  | "patient.list"
  | "patient.search"
  | "patient.unlock"
  // The audit pages: opening or downloading a patient's log extract, and a patient named
  // in a user's log, are themselves accesses to that patient's data.
  | "audit.extract"
  | "audit.export"
  | "audit.user-log"
  // The patients behind a compliance figure (app/routes/_app.uppfoljning.$measure.tsx).
  | "compliance.list"
  // The patients on the start page's worklist (app/models/worklist-page.server.ts).
  | "worklist.view"
  // Patients named next to a staff member's current assignments (staff register).
  | "staff.assignments"
  // A leaver's patients on the turnover page and its batch results (app/turnover).
  | "turnover.view"
  // Staff opening "Så ser patienten det på 1177" (app/routes/_app.patienter.$patientId_.1177.tsx).
  | "patient.citizen-view"
  // Consumer systems reading a patient's fixed contacts (app/api): the row names the system.
  | "api.get-care-managers"
  | "api.fhir-care-team";

type AccessRow = {
  at: Date;
  userId: string | null;
  roleCode: string | null;
  careUnitId: string | null;
  requestId: string | null;
  consumerSystem: string | null;
  patientId: string;
  action: AccessAction;
  reason: string | null;
};

/** Appends access rows to the chain; its own transaction unless the caller is in one. */
async function appendAccess(db: Db | Tx, rows: AccessRow[]): Promise<number> {
  const append = async (tx: Tx) => {
    const chained = extendChain("AccessLog", await chainHead(tx, "AccessLog"), rows);
    await tx.accessLog.createMany({ data: chained.rows });
    return chained.head.id;
  };
  // A transaction client has no $transaction of its own: then the caller's transaction is used.
  const client = db as Partial<Db>;
  return typeof client.$transaction === "function" ? (db as Db).$transaction(append) : append(db as Tx);
}

/** One AccessLog row per patient whose data was shown (HSLF-FS 2016:40 4 kap. 9 §). */
export async function logAccess(
  db: Db | Tx,
  actor: ActorRef & { consumerSystem?: string | null },
  at: Date,
  patientIds: readonly string[],
  action: AccessAction,
  reason?: string | null,
): Promise<void> {
  if (patientIds.length === 0) return;
  await appendAccess(
    db,
    patientIds.map((patientId) => ({
      at,
      ...who(actor),
      consumerSystem: actor.consumerSystem ?? null,
      patientId,
      action,
      reason: reason ?? null,
    })),
  );
}

/**
 * Opening a patient with skyddade personuppgifter: the reason is logged first, and the
 * returned row id then unlocks the page for a short while (see findUnlockReason).
 */
export async function recordUnlock(db: Db, actor: ActorRef, at: Date, patientId: string, reason: string) {
  return appendAccess(db, [{ at, ...who(actor), consumerSystem: null, patientId, action: "patient.unlock", reason }]);
}

/** A reason this user gave for this patient within the last `minutes`, found by its row id. */
export async function findUnlockReason(
  db: Db,
  actor: ActorRef,
  patientId: string,
  unlockId: string | null,
  now: Date,
  minutes: number,
): Promise<string | null> {
  if (!unlockId || !/^\d{1,15}$/.test(unlockId) || !actor.userId) return null;
  const row = await db.accessLog.findFirst({
    where: {
      id: Number(unlockId),
      patientId,
      userId: actor.userId,
      action: "patient.unlock",
      at: { gt: new Date(now.getTime() - minutes * 60_000) },
    },
    select: { reason: true },
  });
  return row?.reason ?? null;
}
