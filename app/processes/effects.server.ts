// Carries out the effects a machine declared (machines/effects.ts) as rows, inside the
// executor's transaction, and describes each change for the audit trail.
import type { AuditEntry } from "~/audit.server";
import type { Tx } from "~/db.server";
import { fullName, patientAddress } from "~/models/contact-view";
import { isoDateInStockholm, stockholmInstant } from "~/domain/dates";
import type { CreateAssignment, DeadlineKind, Effect, EndAssignment, QueueNotification } from "../../machines/effects";

export type EffectScope = { caseId: string; patientId: string; userId: string; at: Date };

/** A date or an instant as an instant: a bare date means the start of that day in Stockholm. */
const instantOf = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? stockholmInstant(value) : new Date(value));

/** When a date the user entered happened: now if it is today, else the start of that day. */
const dayInstant = (date: string, at: Date) => (date === isoDateInStockholm(at) ? at : stockholmInstant(date));

const DEADLINE_COLUMNS = {
  SEND_REFERRAL: "referralDueAt",
  APPOINT_BEFORE_DISCHARGE: "appointmentDueAt",
  CALL_SIP: "sipCallDueAt",
} as const satisfies Record<DeadlineKind, string>;

export type CaseDeadlines = Record<(typeof DEADLINE_COLUMNS)[DeadlineKind], Date | null>;

/**
 * The case's deadline columns after the setDeadline/clearDeadline effects, and the earliest
 * one still open in deadlineAt/deadlineKind, by which worklists sort.
 */
export function deadlineColumns(current: CaseDeadlines | undefined, effects: readonly Effect[], open: boolean) {
  const columns: CaseDeadlines = {
    referralDueAt: current?.referralDueAt ?? null,
    appointmentDueAt: current?.appointmentDueAt ?? null,
    sipCallDueAt: current?.sipCallDueAt ?? null,
  };
  for (const effect of effects) {
    if (effect.type === "setDeadline") columns[DEADLINE_COLUMNS[effect.params.kind]] = instantOf(effect.params.at);
    if (effect.type === "clearDeadline") columns[DEADLINE_COLUMNS[effect.params.kind]] = null;
  }
  const [next] = (Object.keys(DEADLINE_COLUMNS) as DeadlineKind[])
    .map((kind) => ({ kind, at: columns[DEADLINE_COLUMNS[kind]] }))
    .filter((d): d is { kind: DeadlineKind; at: Date } => open && d.at !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return { ...columns, deadlineAt: next?.at ?? null, deadlineKind: next?.kind ?? null };
}

// The rows the effects that create or end contacts ask for, every column spelled out: the
// executor writes them one step at a time, the turnover batch (./batch.server.ts) many at once, and
// both record the same rows in the audit trail.

/** The assignment a createAssignment effect starts, as it is stored. */
export function newAssignmentRow(params: CreateAssignment, scope: EffectScope) {
  const { coordinationConsentDate, ...p } = params;
  return {
    ...p,
    startedAt: new Date(p.startedAt),
    endedAt: null,
    endReason: null,
    coordinationConsentAt: p.overallCoordination && coordinationConsentDate ? stockholmInstant(coordinationConsentDate) : null,
    appointedByUserId: scope.userId,
    caseId: scope.caseId,
    version: 0,
    createdAt: scope.at,
  };
}

/** An active assignment after an endAssignment effect: ended, with its reason, one version on. */
export function endedAssignmentRow<A extends { id: string; version: number }>(before: A, params: EndAssignment) {
  return { ...before, endedAt: new Date(params.endedAt), endReason: params.reason, version: before.version + 1 };
}

/** The notifications a queueNotification effect leaves for someone to carry out, one per recipient. */
export function queuedNotificationRows(params: QueueNotification, scope: EffectScope, newId?: () => string) {
  return params.recipients.map((recipient) => ({
    ...(newId ? { id: newId() } : {}),
    patientId: params.patientId,
    assignmentId: params.assignmentId,
    caseId: scope.caseId,
    recipient,
    channel: null,
    status: "QUEUED" as const,
    message: null,
    notifiedAt: null,
    recordedByUserId: null,
    createdAt: scope.at,
  }));
}

/**
 * Writes the rows the effects ask for, in the order declared, and returns the audit entry of
 * each change. Deadlines live on the case row itself (deadlineColumns).
 */
export async function applyEffects(tx: Tx, scope: EffectScope, effects: readonly Effect[]): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  const patientId = scope.patientId;
  for (const effect of effects) {
    switch (effect.type) {
      case "createAssignment": {
        const row = await tx.assignment.create({ data: newAssignmentRow(effect.params, scope) });
        audit.push({ action: "assignment.create", entityType: "Assignment", entityId: row.id, patientId, after: row });
        break;
      }
      case "endAssignment": {
        const { assignmentId } = effect.params;
        // Only an active row may end: if someone ended it meanwhile, the whole step fails.
        const before = await tx.assignment.findFirst({ where: { id: assignmentId, endedAt: null } });
        if (!before) throw new StaleRowError("Assignment", assignmentId);
        const { endedAt, endReason, version } = endedAssignmentRow(before, effect.params);
        const after = await tx.assignment.update({ where: { id: assignmentId, version: before.version }, data: { endedAt, endReason, version } });
        audit.push({ action: "assignment.end", entityType: "Assignment", entityId: assignmentId, patientId, before, after });
        break;
      }
      case "setReviewDate": {
        const { assignmentId, reviewDueDate } = effect.params;
        const before = await tx.assignment.findFirst({ where: { id: assignmentId, endedAt: null } });
        if (!before) throw new StaleRowError("Assignment", assignmentId);
        await tx.assignment.update({
          where: { id: assignmentId, version: before.version },
          data: { reviewDueDate, version: { increment: 1 } },
        });
        audit.push({
          action: "assignment.review",
          entityType: "Assignment",
          entityId: assignmentId,
          patientId,
          before: { reviewDueDate: before.reviewDueDate },
          after: { reviewDueDate },
        });
        break;
      }
      case "recordRefusal": {
        const row = await tx.refusal.create({
          data: { ...effect.params, recordedAt: scope.at, recordedByUserId: scope.userId, caseId: scope.caseId },
        });
        audit.push({ action: "refusal.create", entityType: "Refusal", entityId: row.id, patientId, after: row });
        break;
      }
      case "queueNotification": {
        for (const data of queuedNotificationRows(effect.params, scope)) {
          const row = await tx.notification.create({ data });
          audit.push({ action: "notification.queue", entityType: "Notification", entityId: row.id, patientId, after: row });
        }
        break;
      }
      case "recordNotification": {
        const { assignmentId, entries, message, patientNotInformed } = effect.params;
        if (patientNotInformed) {
          // The patient could not be told: the patient's notice is closed with why, not left queued.
          const notPossible = { status: "NOT_POSSIBLE" as const, notPossibleReason: patientNotInformed.reason, recordedByUserId: scope.userId };
          const queued = await tx.notification.findFirst({ where: { caseId: scope.caseId, recipient: "PATIENT", status: "QUEUED" } });
          const row = queued
            ? await tx.notification.update({ where: { id: queued.id }, data: notPossible })
            : await tx.notification.create({
                data: { ...notPossible, patientId, assignmentId, caseId: scope.caseId, recipient: "PATIENT", createdAt: scope.at },
              });
          audit.push({ action: "notification.notPossible", entityType: "Notification", entityId: row.id, patientId, before: queued, after: row });
        }
        for (const entry of entries) {
          const done = {
            channel: entry.channel,
            status: "DONE" as const,
            message,
            notifiedAt: dayInstant(entry.notifiedOn, scope.at),
            recordedByUserId: scope.userId,
            ...(entry.who ? { toldWhom: entry.who } : {}),
          };
          const queued = await tx.notification.findFirst({
            where: { caseId: scope.caseId, recipient: entry.recipient, status: "QUEUED" },
          });
          const row = queued
            ? await tx.notification.update({ where: { id: queued.id }, data: done })
            : await tx.notification.create({
                data: { ...done, patientId, assignmentId, caseId: scope.caseId, recipient: entry.recipient, createdAt: scope.at },
              });
          audit.push({ action: "notification.record", entityType: "Notification", entityId: row.id, patientId, before: queued, after: row });
        }
        break;
      }
      case "createDischargeReferral": {
        const p = effect.params;
        // Lag (2017:612): the message carries name, personnummer and address as they are now.
        const patient = await tx.patient.findUniqueOrThrow({ where: { id: p.patientId } });
        const row = await tx.dischargeReferral.create({
          data: {
            id: p.id,
            patientId: p.patientId,
            fromUnitId: p.fromUnitId,
            toUnitId: p.toUnitId,
            caseId: scope.caseId,
            patientName: fullName(patient),
            patientIdentifier: patient.identifier,
            patientAddress: patientAddress(patient),
            admittedAt: new Date(p.admittedAt),
            expectedDischargeDate: p.expectedDischargeDate,
            sentAt: new Date(p.sentAt),
            dueAt: new Date(p.dueAt),
            sentLate: p.sentLate,
            sentByUserId: scope.userId,
          },
        });
        audit.push({ action: "referral.send", entityType: "DischargeReferral", entityId: row.id, patientId, after: row });
        break;
      }
      case "updateDischargeReferral": {
        const { referralId, expectedDischargeDate, receivedAt, readyForDischargeAt } = effect.params;
        const before = await tx.dischargeReferral.findUniqueOrThrow({ where: { id: referralId } });
        const after = await tx.dischargeReferral.update({
          where: { id: referralId },
          data: {
            ...(expectedDischargeDate ? { expectedDischargeDate } : {}),
            ...(receivedAt ? { receivedAt: new Date(receivedAt), receivedByUserId: scope.userId } : {}),
            ...(readyForDischargeAt ? { readyForDischargeAt: new Date(readyForDischargeAt) } : {}),
          },
        });
        audit.push({ action: "referral.update", entityType: "DischargeReferral", entityId: referralId, patientId, before, after });
        break;
      }
      case "markContactNotNeeded": {
        const { homeCareServiceId, reason, at } = effect.params;
        const before = await tx.homeCareService.findUniqueOrThrow({ where: { id: homeCareServiceId } });
        const after = await tx.homeCareService.update({
          where: { id: homeCareServiceId },
          data: { contactNotNeededReason: reason, contactNotNeededAt: new Date(at), contactNotNeededByUserId: scope.userId },
        });
        audit.push({ action: "home-care.not-needed", entityType: "HomeCareService", entityId: homeCareServiceId, patientId, before, after });
        break;
      }
      case "setDeadline":
      case "clearDeadline":
        break;
    }
  }
  return audit;
}

/** A row the step needs has changed since the case was read: the whole step is refused. */
export class StaleRowError extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
  ) {
    super(`${entityType} ${entityId} changed meanwhile`);
  }
}
