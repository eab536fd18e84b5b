// The audit trail and the access log (SPEC §6). Both tables are append-only in the
// database (triggers in migration 20261125000100_integrity_rules).
import type { ActorRef } from "~/auth/actor.server";
import type { Db, Tx } from "~/db.server";
import { insertRows } from "~/db/insert-rows.server";

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
  await tx.auditEvent.create({ data: auditRow(actor, at, entry) });
}

/** Writes many AuditEvents with few statements (the turnover batch), each with its own actor. */
export async function recordAudits(tx: Tx, at: Date, entries: readonly { actor: ActorRef; entry: AuditEntry }[]): Promise<void> {
  await insertRows(
    tx,
    "AuditEvent",
    entries.map(({ actor, entry }) => auditRow(actor, at, entry)),
  );
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
    for (const entry of audit) await recordAudit(tx, actor, at, entry);
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
  await db.accessLog.createMany({
    data: patientIds.map((patientId) => ({
      at,
      ...who(actor),
      consumerSystem: actor.consumerSystem ?? null,
      patientId,
      action,
      reason: reason ?? null,
    })),
  });
}

/**
 * Opening a patient with skyddade personuppgifter: the reason is logged first, and the
 * returned row id then unlocks the page for a short while (see findUnlockReason).
 */
export async function recordUnlock(db: Db, actor: ActorRef, at: Date, patientId: string, reason: string) {
  const row = await db.accessLog.create({
    data: {
      at,
      ...who(actor),
      patientId,
      action: "patient.unlock",
      reason,
    },
    select: { id: true },
  });
  return row.id;
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
