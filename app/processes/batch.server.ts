// The executor for many CHANGE cases at once: staff turnover (issue 5), where one leaver's
// contacts — dozens to thousands — are handed to others in one all-or-nothing step.
//
// Every row runs as its own CHANGE case through the same pieces as a case moved step by step
// (dispatch.server.ts): the case opens with REQUEST_CHANGE and takes APPOINT; each event is
// checked against the machine's policy in the unit it belongs to, the replacement is judged
// by judgeAppointment (the rules module) with the same facts, the machine's pure transition()
// decides, and its effects become the same rows and the same audit entries. What differs is
// only how the database is used: the facts are read with a few queries for all rows, and the
// rows are written with a few statements, all inside the caller's transaction. If any row
// fails, nothing is written and every failing row is named.
import { initialTransition } from "xstate";
import { actorRef, type ActorRef } from "~/auth/actor.server";
import { recordAudits, type AuditEntry } from "~/audit.server";
import type { Tx } from "~/db.server";
import { insertRows } from "~/db/insert-rows.server";
import { addDays, isoDateInStockholm, stockholmInstant } from "~/domain/dates";
import type { Grant } from "~/domain/permissions";
import type { Assignment } from "~/generated/prisma/client";
import { APPOINT_PERMISSION } from "../../machines/common";
import type { Effect } from "../../machines/effects";
import { PROCESSES, type AnySnapshot } from "../../machines/index";
import {
  APPOINTER_REASONS,
  appointerMayAppoint,
  medicallyResponsibleRules,
  reviewDateRequiredFor,
  reviewDateRules,
  type ActiveAssignmentFacts,
  type IsoDate,
  type Reason,
} from "../../machines/rules";
import { judgeAppointment } from "./appointment";
import { advanceCase, eventPermission, type StepActor } from "./dispatch.server";
import { endedAssignmentRow, newAssignmentRow, queuedNotificationRows, type EffectScope } from "./effects.server";
import {
  appointerOf,
  appointmentSetting,
  loadCareGivers,
  loadMedicalStaffFacts,
  loadPatientFactsById,
  loadStaffFactsById,
  loadUnitFacts,
  type MedicalStaffFacts,
} from "./facts.server";

const CHANGE = PROCESSES.CHANGE;

/**
 * One row of a turnover plan: this assignment, as the administrator saw it, goes to this
 * person; `medicallyResponsibleId` is the läkare chosen where the leaver (or someone no longer
 * eligible) was the medically responsible one.
 */
export type PlannedChange = {
  assignmentId: string;
  version: number;
  replacementId: string;
  teamId: string | null;
  medicallyResponsibleId?: string | null;
};

/** A contact someone else holds whose medically responsible läkare leaves: it gets this läkare (decision 018). */
export type PlannedMedicalChange = { assignmentId: string; version: number; medicallyResponsibleId: string };

export type BatchOrder = {
  /** The staff member who leaves: every planned assignment must be theirs. */
  leaverId: string;
  /** Why the contacts change (REQUEST_CHANGE's reason), the same for every row. */
  reason: string;
  /**
   * A review date for rows whose assignment has none: a replacement keeps the review date of
   * the contact it replaces, and a contact without one needs a new one (seed §3.3, reviewDateRules).
   */
  reviewDueDate: IsoDate | null;
  changes: readonly PlannedChange[];
  /** Contacts where the leaver is only the medically responsible läkare. */
  medical?: readonly PlannedMedicalChange[];
};

/** The administrator, with a grant for each unit they act in (the rows' units). */
export type BatchActor = { userId: string; requestId: string; grants: ReadonlyMap<string, Grant> };

/** Why one row cannot be changed; stored with a failed batch, shown in the user's language. */
export type RowFailure = {
  assignmentId: string;
  /** notAppointer: the user who runs the batch lacks the appointing right in the row's unit (decision 018). */
  code: "notFound" | "changed" | "caseOpen" | "forbidden" | "notAccepted" | "rules" | "notAppointer";
  reasons?: Reason[];
};

export type BatchResult =
  | { ok: true; effectiveAt: Date; cases: number; medical: number }
  | { ok: false; failures: RowFailure[]; problem?: "noLastDay" };

export type BatchOptions = {
  /** When the batch is carried out (the audit's time). */
  now: Date;
  newId: () => string;
  /** Told after each checked row; may await (the job yields to other requests there). */
  onProgress?: (checked: number, total: number) => void | Promise<void>;
};

/**
 * When the change takes effect: the day after the last day of employment, at the start of that
 * day in Stockholm — or now, if that has passed (issue 5 §4). Both ends meet at this instant.
 */
export function effectiveInstant(lastDay: IsoDate, now: Date): Date {
  const dayAfter = stockholmInstant(addDays(lastDay, 1));
  return dayAfter > now ? dayAfter : now;
}

/** Runs the order inside `tx`. Writes nothing unless every row passes. */
export async function reassignInBatch(tx: Tx, order: BatchOrder, actor: BatchActor, options: BatchOptions): Promise<BatchResult> {
  const { now, newId } = options;
  const leaver = await tx.staffMember.findUnique({ where: { id: order.leaverId }, select: { employmentEndDate: true } });
  if (!leaver?.employmentEndDate) return { ok: false, failures: [], problem: "noLastDay" };
  const effectiveAt = effectiveInstant(leaver.employmentEndDate, now);
  const date = isoDateInStockholm(effectiveAt);

  const facts = await loadBatchFacts(tx, order);
  const failures: RowFailure[] = [];
  const writes = emptyWrites();
  const changes = order.changes;
  for (let i = 0; i < changes.length; i++) {
    const planned = changes[i];
    const outcome = changeOne(planned, order, actor, facts, { now, newId, effectiveAt, date });
    if ("code" in outcome) failures.push({ assignmentId: planned.assignmentId, ...outcome });
    else if (failures.length === 0) addWrites(writes, outcome);
    await options.onProgress?.(i + 1, changes.length);
  }
  for (const planned of order.medical ?? []) {
    const outcome = changeMedical(planned, order, actor, facts, { now, newId, effectiveAt, date });
    if ("code" in outcome) failures.push({ assignmentId: planned.assignmentId, ...outcome });
    else if (failures.length === 0) writes.medical.push(outcome);
  }
  if (failures.length > 0) return { ok: false, failures };

  await write(tx, writes, now);
  return { ok: true, effectiveAt, cases: writes.cases.length, medical: writes.medical.length };
}

type BatchFacts = Awaited<ReturnType<typeof loadBatchFacts>>;

/** Everything the rows are judged against, in a handful of queries for the whole batch. */
async function loadBatchFacts(tx: Tx, order: BatchOrder) {
  const changeIds = order.changes.map((c) => c.assignmentId);
  const ids = [...changeIds, ...(order.medical ?? []).map((c) => c.assignmentId)];
  const [rows, openCases, relatives, staff] = await Promise.all([
    tx.assignment.findMany({ where: { id: { in: ids } } }),
    tx.processCase.findMany({ where: { processCode: CHANGE.code, status: "OPEN", subjectId: { in: changeIds } }, select: { subjectId: true } }),
    // Relatives are told of the change where they were told of the appointment (issue 5 §4:
    // "and relatives where the case required it").
    tx.notification.findMany({ where: { assignmentId: { in: changeIds }, recipient: "RELATIVE" }, select: { assignmentId: true } }),
    loadStaffFactsById(tx, [...new Set(order.changes.map((c) => c.replacementId))]),
  ]);
  const unitIds = [...new Set(rows.map((r) => r.careUnitId))];
  const teamIds = [...new Set(order.changes.flatMap((c) => (c.teamId ? [c.teamId] : [])))];
  // The medically responsible läkare: those chosen, and those a replacement would keep.
  const medicalIds = [
    ...order.changes.flatMap((c) => (c.medicallyResponsibleId ? [c.medicallyResponsibleId] : [])),
    ...(order.medical ?? []).map((c) => c.medicallyResponsibleId),
    ...rows.flatMap((r) => (r.medicallyResponsibleStaffId ? [r.medicallyResponsibleStaffId] : [])),
  ];
  const [patients, units, teams, medical, careGivers] = await Promise.all([
    loadPatientFactsById(tx, [...new Set(rows.map((r) => r.patientId))]),
    Promise.all(unitIds.map((id) => loadUnitFacts(tx, id))),
    tx.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, careUnitId: true } }),
    loadMedicalStaffFacts(tx, [...new Set(medicalIds)]),
    loadCareGivers(tx, unitIds),
  ]);
  return {
    assignments: new Map(rows.map((r) => [r.id, r])),
    openCase: new Set(openCases.map((c) => c.subjectId)),
    relatives: new Set(relatives.map((n) => n.assignmentId)),
    staff,
    patients,
    units: new Map(units.flatMap((u) => (u ? [[u.id, u] as const] : []))),
    teamUnit: new Map(teams.map((t) => [t.id, t.careUnitId])),
    medical,
    careGivers,
  };
}

type RowWrites = {
  caseRow: Record<string, unknown>;
  ended: { id: string; version: number; endedAt: Date; endReason: string };
  assignment: ReturnType<typeof newAssignmentRow>;
  notifications: ReturnType<typeof queuedNotificationRows>;
  audit: { actor: ActorRef; entry: AuditEntry }[];
};

type Clock = { now: Date; newId: () => string; effectiveAt: Date; date: IsoDate };

/** A planned row as the batch's facts hold it, with the runner's grant in its unit and the unit; null when any is missing. */
function plannedRow(planned: { assignmentId: string }, actor: BatchActor, facts: BatchFacts) {
  const row = facts.assignments.get(planned.assignmentId);
  const grant = row ? actor.grants.get(row.careUnitId) : undefined;
  const unit = row ? facts.units.get(row.careUnitId) : undefined;
  return row && grant && unit ? { row, grant, unit } : null;
}

/** Someone ended or changed the row after the plan was made: the plan is stale. */
const isStale = (row: { endedAt: Date | null; version: number }, planned: { version: number }) =>
  row.endedAt !== null || row.version !== planned.version;

/** One row as a CHANGE case: its two steps, judged and computed, or why it cannot run. */
function changeOne(
  planned: PlannedChange,
  order: BatchOrder,
  actor: BatchActor,
  facts: BatchFacts,
  clock: Clock,
): RowWrites | Omit<RowFailure, "assignmentId"> {
  const found = plannedRow(planned, actor, facts);
  const patient = found ? facts.patients.get(found.row.patientId) : undefined;
  if (!found || found.row.staffMemberId !== order.leaverId || !patient) return { code: "notFound" };
  const { row, grant, unit } = found;
  if (isStale(row, planned)) return { code: "changed" };
  if (facts.openCase.has(row.id)) return { code: "caseOpen" };
  const stepActor: StepActor = { userId: actor.userId, requestId: actor.requestId, grant };
  const at = clock.effectiveAt.toISOString();
  const caseId = clock.newId();

  // Step 1, as startCase: the initial state and the opening event.
  const initial = initialTransition(CHANGE.machine, {
    patientId: row.patientId,
    unitId: row.careUnitId,
    contactKind: row.kind,
    assignmentId: row.id,
  })[0] as AnySnapshot;
  const opening = eventPermission(CHANGE, initial, "REQUEST_CHANGE", stepActor);
  if ("error" in opening) return { code: opening.error === "forbidden" ? "forbidden" : "notAccepted" };
  const requestInput = { reason: order.reason, informRelatives: facts.relatives.has(row.id) };
  const current = activeFacts(row);
  const requested = advanceCase(
    CHANGE,
    initial,
    { type: "REQUEST_CHANGE", at, newId: clock.newId(), ...requestInput, current },
    { id: caseId, revision: null, subjectId: row.id },
    requestInput,
    actor.userId,
    clock.now,
  );
  if (!requested || !requested.opening) return { code: "notAccepted" };

  // Step 2: APPOINT the replacement, judged as the executor judges it — the appointing right
  // of the user who runs the batch (role or delegation) first, by the rules (decision 018).
  const staff = facts.staff.get(planned.replacementId);
  if (!staff) return { code: "rules", reasons: [{ code: "notEmployedAtUnit" }] };
  if (planned.teamId && facts.teamUnit.get(planned.teamId) !== row.careUnitId) return { code: "notFound" };
  const context = requested.next.context;
  const setting = appointmentSetting(
    { process: CHANGE.code, kind: row.kind, unitId: row.careUnitId, patientId: row.patientId, lifeThreatening: context.lifeThreatening, assignmentId: row.id },
    { unit, patient, replaced: { facts: current, coordinationConsentAt: row.coordinationConsentAt, reviewDueDate: row.reviewDueDate } },
    grant,
    clock.date,
  );
  const medical = medicallyResponsibleOf(row, planned.medicallyResponsibleId ?? null, order.leaverId, facts, clock.date);
  const appointInput = { ...replacementInput(row, planned, order), medicallyResponsibleStaffId: medical.id };
  const { facts: appointmentFacts, coordination, verdict } = judgeAppointment(setting, staff, appointInput);
  const reasons = [
    ...(verdict.eligible ? [] : verdict.reasons),
    ...reviewDateRules(appointInput.reviewDueDate, row.reviewDueDate, clock.date, reviewDateRequiredFor(row.kind)),
    ...medical.reasons,
  ];
  if (reasons.some((r) => APPOINTER_REASONS.includes(r.code))) {
    return { code: "notAppointer", reasons: reasons.filter((r) => APPOINTER_REASONS.includes(r.code)) };
  }
  if (reasons.length > 0) return { code: "rules", reasons };
  const appointing = eventPermission(CHANGE, requested.next, "APPOINT", stepActor);
  if ("error" in appointing) return { code: appointing.error === "forbidden" ? "forbidden" : "notAccepted" };
  const newAssignmentId = clock.newId();
  const appointed = advanceCase(
    CHANGE,
    requested.next,
    {
      type: "APPOINT",
      at,
      newId: newAssignmentId,
      ...appointInput,
      ...coordination,
      reviewDueDate: appointInput.reviewDueDate ?? row.reviewDueDate,
      facts: appointmentFacts,
      replaced: setting.replaced,
    },
    { id: caseId, revision: 1, deadlines: requested.columns },
    appointInput,
    actor.userId,
    clock.now,
  );
  if (!appointed) return { code: "notAccepted" };

  const scope: EffectScope = { caseId, patientId: row.patientId, userId: actor.userId, at: clock.now };
  const who = actorRef(stepActor, grant.delegationIds[appointing.permission]);
  const rows = effectRows(scope, [...requested.effects, ...appointed.effects], row, clock.newId);
  const audit = [requested.stepEntry, appointed.stepEntry, ...rows.audit].map((entry) => ({
    actor: who,
    entry: { ...entry, delegationId: who.delegationId },
  }));
  return { caseRow: { ...requested.opening, ...appointed.columns }, ...rows, audit };
}

/**
 * The medically responsible läkare a row ends up with, and the rule's reasons against it
 * (seed §3.3; medicallyResponsibleRules): the one chosen in the plan; else the current one,
 * unless it is the leaver — then one must be chosen, it is never blanked silently.
 */
function medicallyResponsibleOf(
  row: Assignment,
  chosenId: string | null,
  leaverId: string,
  facts: Pick<BatchFacts, "medical" | "careGivers">,
  date: IsoDate,
): { id: string | null; reasons: Reason[] } {
  const careGiverId = facts.careGivers.get(row.careUnitId) ?? "";
  const judge = (id: string): Reason[] => {
    const person: MedicalStaffFacts | undefined = facts.medical.get(id);
    return person ? medicallyResponsibleRules(person.person, person.workplaces, careGiverId, date) : [{ code: "medicallyResponsibleOutsideCareGiver" }];
  };
  if (chosenId) return { id: chosenId, reasons: judge(chosenId) };
  const current = row.medicallyResponsibleStaffId;
  if (!current) return { id: null, reasons: [] };
  if (current === leaverId) return { id: null, reasons: [{ code: "medicallyResponsibleRequired" }] };
  return { id: current, reasons: judge(current) };
}

/**
 * A contact someone else holds, whose medically responsible läkare is the leaver: the new
 * läkare is written on the assignment (its version guards it), judged by the same rule, by a
 * user with the appointing right in the unit (the rules module), audited with the delegation.
 */
function changeMedical(
  planned: PlannedMedicalChange,
  order: BatchOrder,
  actor: BatchActor,
  facts: BatchFacts,
  clock: Clock,
): MedicalWrite | Omit<RowFailure, "assignmentId"> {
  const found = plannedRow(planned, actor, facts);
  if (!found || found.row.medicallyResponsibleStaffId !== order.leaverId) return { code: "notFound" };
  const { row, grant, unit } = found;
  if (isStale(row, planned)) return { code: "changed" };
  const appointer = appointerMayAppoint({ kind: row.kind, unit, appointer: appointerOf(grant, row.kind), process: "CHANGE" });
  if (appointer.length > 0) return { code: "notAppointer", reasons: appointer };
  const medical = medicallyResponsibleOf(row, planned.medicallyResponsibleId, order.leaverId, facts, clock.date);
  if (medical.reasons.length > 0) return { code: "rules", reasons: medical.reasons };
  const who = actorRef({ userId: actor.userId, requestId: actor.requestId, grant }, grant.delegationIds[APPOINT_PERMISSION[row.kind]]);
  const before = { medicallyResponsibleStaffId: row.medicallyResponsibleStaffId, version: row.version };
  const after = { medicallyResponsibleStaffId: medical.id, version: row.version + 1, reason: order.reason };
  return {
    id: row.id,
    version: row.version,
    medicallyResponsibleStaffId: medical.id ?? "",
    audit: {
      actor: who,
      entry: { action: "assignment.update", entityType: "Assignment", entityId: row.id, patientId: row.patientId, before, after, delegationId: who.delegationId },
    },
  };
}

type MedicalWrite = { id: string; version: number; medicallyResponsibleStaffId: string; audit: { actor: ActorRef; entry: AuditEntry } };

/**
 * What the replacement's APPOINT carries over from the contact it replaces: the medically
 * responsible läkare unless it is the leaver (then the plan's choice, medicallyResponsibleOf), the role and what to contact about (other fixed
 * contacts), and the notes; the team is the plan's. The direct phone is not shown to the
 * patient until the new contact agrees, and a written justification of competence is the new
 * person's own, so neither is carried (docs/decisions/011).
 */
function replacementInput(row: Assignment, planned: PlannedChange, order: BatchOrder) {
  return {
    staffMemberId: planned.replacementId,
    teamId: planned.teamId,
    reviewDueDate: row.reviewDueDate ? null : order.reviewDueDate,
    directPhoneVisibleToPatient: false,
    overallCoordination: row.overallCoordination,
    coordinationConsentDate: null,
    medicallyResponsibleStaffId: row.medicallyResponsibleStaffId === order.leaverId ? null : row.medicallyResponsibleStaffId,
    roleTitle: row.roleTitle,
    contactAbout: row.contactAbout,
    competenceJustification: null,
    externalNote: row.externalNote,
    internalNote: row.internalNote,
  };
}

const activeFacts = (row: Assignment): ActiveAssignmentFacts => ({
  id: row.id,
  kind: row.kind,
  careUnitId: row.careUnitId,
  staffMemberId: row.staffMemberId,
  overallCoordination: row.overallCoordination,
  lifeThreatening: row.lifeThreatening,
});

/** The rows the CHANGE machine's effects ask for, and their audit entries, as applyEffects makes them. */
function effectRows(scope: EffectScope, effects: readonly Effect[], replaced: Assignment, newId: () => string) {
  const patientId = scope.patientId;
  const audit: AuditEntry[] = [];
  let ended: RowWrites["ended"] | null = null;
  let assignment: RowWrites["assignment"] | null = null;
  const notifications: RowWrites["notifications"] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case "endAssignment": {
        if (effect.params.assignmentId !== replaced.id) throw new Error("CHANGE ended another assignment than its own");
        const after = endedAssignmentRow(replaced, effect.params);
        ended = { id: after.id, version: replaced.version, endedAt: after.endedAt, endReason: after.endReason };
        audit.push({ action: "assignment.end", entityType: "Assignment", entityId: replaced.id, patientId, before: replaced, after });
        break;
      }
      case "createAssignment":
        assignment = newAssignmentRow(effect.params, scope);
        audit.push({ action: "assignment.create", entityType: "Assignment", entityId: assignment.id, patientId, after: assignment });
        break;
      case "queueNotification":
        for (const row of queuedNotificationRows(effect.params, scope, newId)) {
          notifications.push(row);
          audit.push({ action: "notification.queue", entityType: "Notification", entityId: row.id ?? "", patientId, after: row });
        }
        break;
      case "setDeadline":
      case "clearDeadline":
        break;
      default:
        // The batch writes what CHANGE declares; a new effect in that machine must be taught here.
        throw new Error(`The turnover batch does not write ${effect.type}`);
    }
  }
  if (!ended || !assignment) throw new Error("CHANGE did not end and start an assignment");
  return { ended, assignment, notifications, audit };
}

type Writes = {
  medical: MedicalWrite[];
  cases: Record<string, unknown>[];
  ended: RowWrites["ended"][];
  assignments: RowWrites["assignment"][];
  notifications: RowWrites["notifications"];
  audit: RowWrites["audit"];
};

const emptyWrites = (): Writes => ({ medical: [], cases: [], ended: [], assignments: [], notifications: [], audit: [] });

function addWrites(writes: Writes, row: RowWrites) {
  writes.cases.push(row.caseRow);
  writes.ended.push(row.ended);
  writes.assignments.push(row.assignment);
  writes.notifications.push(...row.notifications);
  writes.audit.push(...row.audit);
}

/** A row that was active and unchanged when read is no longer so when written. */
export class BatchStaleError extends Error {
  constructor(readonly assignmentIds: string[]) {
    super(`Assignments changed meanwhile: ${assignmentIds.join(", ")}`);
  }
}

/** Every row of the batch in a few statements, in the order their references need. */
async function write(tx: Tx, writes: Writes, now: Date) {
  await insertRows(tx, "ProcessCase", writes.cases);
  // One UPDATE per (version, end, reason): each still guarded by the version the row had.
  const groups = new Map<string, RowWrites["ended"][]>();
  for (const e of writes.ended) {
    const key = `${e.version}|${e.endedAt.toISOString()}|${e.endReason}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  for (const group of groups.values()) {
    const { version, endedAt, endReason } = group[0];
    const ids = group.map((e) => e.id);
    const done = await tx.assignment.updateMany({
      where: { id: { in: ids }, version, endedAt: null },
      data: { endedAt, endReason, version: version + 1 },
    });
    if (done.count !== ids.length) throw new BatchStaleError(ids);
  }
  await insertRows(tx, "Assignment", writes.assignments);
  await insertRows(tx, "Notification", writes.notifications);
  for (const m of writes.medical) {
    const done = await tx.assignment.updateMany({
      where: { id: m.id, version: m.version, endedAt: null },
      data: { medicallyResponsibleStaffId: m.medicallyResponsibleStaffId, version: m.version + 1 },
    });
    if (done.count !== 1) throw new BatchStaleError([m.id]);
  }
  await recordAudits(tx, now, [...writes.audit, ...writes.medical.map((m) => m.audit)]);
}
