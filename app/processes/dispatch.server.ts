// The executor: the only code that moves a case. One step = load the case, check who may
// send the event, restore the snapshot, load fresh facts and check the rules, compute the
// next state with XState's pure transition(), then write the snapshot, the rows the machine
// asked for and the audit trail in one transaction guarded by the case's revision.
import { randomUUID } from "node:crypto";
import { initialTransition, transition } from "xstate";
import { actorRef, type Actor } from "~/auth/actor.server";
import { recordAudit, type AuditEntry } from "~/audit.server";
import { config } from "~/config.server";
import { db as defaultDb, type Db, type Tx } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import type { Permission } from "~/domain/permissions";
import { implausibleDateErrors } from "~/forms/date-errors";
import { parseValues, type FieldErrors } from "~/forms/parse";
import { t } from "~/i18n";
import type { CaseContext } from "../../machines/common";
import { EFFECT_TYPES, type Effect, type EffectType } from "../../machines/effects";
import {
  acceptedEvents,
  isProcessCode,
  persist,
  PROCESSES,
  restoreSnapshot,
  sendingPermission,
  SnapshotVersionError,
  stateName,
  type AnySnapshot,
  type ProcessDefinition,
} from "../../machines/index";
import {
  careContactAtUnit,
  caseOpeningRules,
  medicallyResponsibleRules,
  hasCurrentCareRelation,
  notificationRules,
  referralReceiverRules,
  nextReviewDateRules,
  refusalPossible,
  reviewDateRequiredFor,
  requestClosingRules,
  reviewDateRules,
  type ContactKind,
  type Reason,
  type Verdict,
} from "../../machines/rules";
import { judgeAppointment, type AppointmentChoices } from "./appointment";
import { applyEffects, deadlineColumns, StaleRowError, type CaseDeadlines } from "./effects.server";
import { EVENT_INPUT, isEventType, type EventType } from "./event-input";
import {
  loadDateFacts,
  loadActiveAssignment,
  loadAppointmentSetting,
  loadCareGivers,
  loadMedicalStaffFacts,
  loadCareRelationFacts,
  loadPatientFacts,
  loadStaffFacts,
  loadUnitFacts,
  type SettingRequest,
} from "./facts.server";
import { stateLabel } from "./labels";
import { reasonText } from "./reasons";

/** Who moves the case: the signed-in user acting in one unit with one role. */
export type StepActor = Pick<Actor, "userId" | "requestId" | "grant">;

export type StepFailure =
  | { error: "notFound" }
  | { error: "forbidden" }
  | { error: "closed" }
  | { error: "notAccepted"; state: string }
  | { error: "conflict" }
  | { error: "version" }
  | { error: "invalid"; fieldErrors: FieldErrors }
  | { error: "rules"; reasons: Reason[] };

export type StepResult =
  | { ok: true; caseId: string; state: string; status: "OPEN" | "CLOSED"; revision: number; outcome: string | null }
  | ({ ok: false; message: string } & StepFailure);

/** Raw user input for an event, as posted by a form: the type and the fields. */
export type EventSubmission = { type: string } & Record<string, unknown>;

export type StepOptions = {
  db?: Db;
  /** When the step happens (default: now). */
  now?: Date;
  /** Ids for the case and the rows a step creates (default: random UUIDs); the seed makes them predictable. */
  newId?: () => string;
  /** The revision the user's page showed: a step computed from an older one is refused. */
  expectedRevision?: number;
};

class Refused extends Error {
  constructor(readonly failure: StepFailure) {
    super(failure.error);
  }
}
const refuse = (failure: StepFailure): never => {
  throw new Refused(failure);
};

function failureMessage(failure: StepFailure): string {
  switch (failure.error) {
    case "notFound":
      return t("case.notFound");
    case "forbidden":
      return t("case.forbidden");
    case "closed":
      return t("case.closed");
    case "notAccepted":
      return t("case.notAccepted", { state: stateLabel(failure.state) });
    case "conflict":
      return t("case.conflict");
    case "version":
      return t("case.version");
    case "invalid":
      return t("case.invalid");
    case "rules":
      return [t("case.rules"), ...failure.reasons.map(reasonText)].join(" ");
  }
}

export { stateLabel };

/** Moves an open case one step. */
export async function dispatch(
  caseId: string,
  submission: EventSubmission,
  actor: StepActor,
  options: StepOptions = {},
): Promise<StepResult> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  return run(db, async (tx) => {
    const row = await tx.processCase.findUnique({ where: { id: caseId } });
    if (!row || !isProcessCode(row.processCode)) return refuse({ error: "notFound" });
    if (options.expectedRevision !== undefined && options.expectedRevision !== row.revision) return refuse({ error: "conflict" });
    const open = restoreOpenCase(row);
    if ("error" in open) return refuse(open);
    const ref = { id: row.id, revision: row.revision, deadlines: row, openedAt: row.openedAt };
    return step(tx, open.definition, open.snapshot, ref, submission, actor, now, options.newId);
  });
}

type StoredCase = { processCode: string; status: string; machineVersion: number; snapshot: string };

/** A stored open case as its process and live snapshot, or why it cannot move. */
export function restoreOpenCase(row: StoredCase): { definition: ProcessDefinition; snapshot: AnySnapshot } | StepFailure {
  if (!isProcessCode(row.processCode)) return { error: "notFound" };
  if (row.status === "CLOSED") return { error: "closed" };
  const definition = PROCESSES[row.processCode];
  try {
    return { definition, snapshot: restoreSnapshot(definition, row.machineVersion, row.snapshot) };
  } catch (error) {
    if (error instanceof SnapshotVersionError) return { error: "version" };
    throw error;
  }
}

/**
 * Whether the actor may send the event now: the current state accepts it, and the actor holds
 * one of the permissions it allows in the unit it belongs to. The permission used, or why not.
 */
export function eventPermission(
  definition: ProcessDefinition,
  snapshot: AnySnapshot,
  type: string,
  actor: StepActor,
): { permission: Permission; type: EventType } | StepFailure {
  const context = snapshot.context;
  const policy = definition.policy[type];
  if (!policy || !isEventType(type) || !acceptedEvents(snapshot).includes(type)) {
    return { error: "notAccepted", state: stateName(snapshot) };
  }
  // The same pure check the pages use to decide which forms to show (machines/index.ts).
  const permission = sendingPermission(definition, type, context, actor.grant);
  if (!permission) return { error: "forbidden" };
  return { permission, type };
}

export type CaseOpening = {
  process: string;
  patientId: string;
  /** The kind of contact; for CHANGE and ENDING it is the kind of the assignment. */
  contactKind?: ContactKind;
  /** CHANGE and ENDING: the assignment; HOME_CARE_CONTACT: the hemtjänst. */
  subjectId?: string;
};

/** Opens a case: the machine's initial state, then its opening event, as one step. */
export async function startCase(
  opening: CaseOpening,
  submission: EventSubmission,
  actor: StepActor,
  options: Omit<StepOptions, "expectedRevision"> = {},
): Promise<StepResult> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  return run(db, async (tx) => {
    if (!isProcessCode(opening.process)) return refuse({ error: "notFound" });
    const definition = PROCESSES[opening.process];
    if (!definition.openingEvents.includes(submission.type)) {
      return refuse({ error: "notAccepted", state: "new" });
    }
    const unitId = actor.grant.careUnitId;
    // The process must apply at the unit (e.g. a discharge case only at the slutenvård, lag
    // 2017:612): the rule, not only the start page, so no other way in opens one elsewhere.
    const unit = await loadUnitFacts(tx, unitId);
    if (!unit) return refuse({ error: "notFound" });
    const opens = caseOpeningRules(definition.code, unit);
    if (!opens.eligible) return refuse({ error: "rules", reasons: opens.reasons });
    // Inre sekretess (PDL 4 kap. 1 §): only a patient the unit has a current care relation with,
    // judged now, inside the transaction; any other is "not found", like one that does not exist.
    const relation = await loadCareRelationFacts(tx, opening.patientId, unitId);
    if (!relation || !hasCurrentCareRelation(relation, now)) return refuse({ error: "notFound" });
    const patient = { id: opening.patientId };
    const subject = await openingSubject(tx, definition, opening, unitId, isoDateInStockholm(now));
    const input = {
      patientId: patient.id,
      unitId,
      contactKind: subject.contactKind,
      assignmentId: definition.subject === "assignment" ? subject.id : null,
      homeCareServiceId: definition.subject === "homeCareService" ? subject.id : null,
    };
    const [initial] = initialTransition(definition.machine, input);
    const newId = options.newId ?? randomUUID;
    return step(tx, definition, initial as AnySnapshot, { id: newId(), revision: null, subjectId: subject.id }, submission, actor, now, newId);
  });
}

/** What the case is about, checked: active, this patient's, at the actor's unit, not already in an open case. */
async function openingSubject(
  tx: Tx,
  definition: ProcessDefinition,
  opening: CaseOpening,
  unitId: string,
  today: string,
): Promise<{ id: string | null; contactKind: ContactKind }> {
  let subject: { id: string | null; contactKind: ContactKind | undefined } = { id: null, contactKind: opening.contactKind };
  if (definition.subject === "assignment") {
    const assignment = await tx.assignment.findFirst({
      where: { id: opening.subjectId ?? "", patientId: opening.patientId, careUnitId: unitId, endedAt: null },
      select: { id: true, kind: true },
    });
    if (!assignment) return refuse({ error: "rules", reasons: [{ code: "replacedNotActive" }] });
    subject = { id: assignment.id, contactKind: assignment.kind };
  } else if (definition.subject === "homeCareService") {
    const service = await tx.homeCareService.findFirst({
      where: { id: opening.subjectId ?? "", patientId: opening.patientId, careUnitId: unitId, OR: [{ to: null }, { to: { gte: today } }] },
      select: { id: true },
    });
    if (!service) return refuse({ error: "rules", reasons: [{ code: "noHomeCareAtUnit" }] });
    subject = { id: service.id, contactKind: "FAST_OMSORGSKONTAKT" };
  }
  const kind = subject.contactKind;
  if (!kind || !definition.contactKinds.includes(kind)) {
    return refuse({ error: "invalid", fieldErrors: { contactKind: t("case.contactKindRequired") } });
  }
  const duplicate = await tx.processCase.findFirst({
    where: {
      processCode: definition.code,
      status: "OPEN",
      patientId: opening.patientId,
      ...(subject.id ? { subjectId: subject.id } : { careUnitId: unitId, contactKind: kind }),
    },
    select: { id: true },
  });
  if (duplicate) return refuse({ error: "rules", reasons: [{ code: "caseAlreadyOpen" }] });
  return { id: subject.id, contactKind: kind };
}

/** An event as the machine receives it: the type, the user's input, and the facts added. */
type MachineEvent = { type: string } & Record<string, unknown>;

export type CaseRef = {
  id: string;
  /** null while the case is being opened. */
  revision: number | null;
  subjectId?: string | null;
  deadlines?: CaseDeadlines;
  /** When the case was opened; absent while it is being opened. */
  openedAt?: Date | null;
};

async function step(
  tx: Tx,
  definition: ProcessDefinition,
  snapshot: AnySnapshot,
  ref: CaseRef,
  submission: EventSubmission,
  actor: StepActor,
  now: Date,
  newId: () => string = randomUUID,
): Promise<StepResult> {
  const context = snapshot.context;
  // Who: a permission the event allows, held in the unit the event belongs to.
  const allowed = eventPermission(definition, snapshot, submission.type, actor);
  if ("error" in allowed) return refuse(allowed);
  const { permission, type } = allowed;

  // What: the user's input, validated by the same schema as the form.
  // An empty field and a missing one are the same to a form; null counts as missing too.
  const fields = Object.fromEntries(Object.entries(submission).filter(([key, value]) => key !== "type" && value != null));
  const parsed = parseValues(fields, EVENT_INPUT[type]);
  if (!parsed.ok) return refuse({ error: "invalid", fieldErrors: parsed.errors });
  // When: every date entered can be true (machines/date-plausibility.ts), judged on fresh facts.
  const dateErrors = await implausibleDates(tx, fields, context.patientId, ref.openedAt ?? null, now);
  if (dateErrors) return refuse({ error: "invalid", fieldErrors: dateErrors });

  // The rules, with facts read now, inside the transaction.
  const at = now.toISOString();
  const base = { type, at, newId: newId(), ...(parsed.data as object) };
  const { event, verdict } = await withFacts(tx, definition, context, base, actor, isoDateInStockholm(now));
  if (!verdict.eligible) return refuse({ error: "rules", reasons: verdict.reasons });

  const advanced = advanceCase(definition, snapshot, event, ref, parsed.data, actor.userId, now);
  if (!advanced) return refuse({ error: "notAccepted", state: stateName(snapshot) });
  const { columns, effects, stepEntry } = advanced;

  // The case row first: a new case must exist before rows point at it.
  if (advanced.opening) {
    await tx.processCase.create({ data: { ...advanced.opening, ...columns } });
  } else {
    const moved = await tx.processCase.updateMany({ where: { id: ref.id, revision: ref.revision ?? 0 }, data: columns });
    if (moved.count !== 1) return refuse({ error: "conflict" });
  }

  const scope = { caseId: ref.id, patientId: context.patientId, userId: actor.userId, at: now };
  const audit = await applyEffects(tx, scope, effects);

  const who = actorRef(actor, actor.grant.delegationIds[permission]);
  for (const entry of [stepEntry, ...audit]) await recordAudit(tx, who, now, { ...entry, delegationId: who.delegationId });

  const { state, status, revision, outcome } = columns;
  return { ok: true, caseId: ref.id, state, status, revision, outcome };
}

/**
 * What an accepted event does to a case, computed with XState's pure transition(): the case
 * row's new columns (and, for a case being opened, the columns it is created with), the
 * effects the machine declared, and the audit entry of the step. Null when the machine does
 * not move. Shared by the one-step executor and the turnover batch (./batch.server.ts).
 */
export function advanceCase(
  definition: ProcessDefinition,
  snapshot: AnySnapshot,
  event: MachineEvent,
  ref: CaseRef,
  input: unknown,
  userId: string,
  now: Date,
) {
  const [next, actions] = transition(definition.machine, snapshot, event as never) as [AnySnapshot, { type: string; params: unknown }[]];
  if (next === snapshot) return null;
  const context = snapshot.context;
  const effects = actions.filter((a): a is Effect => EFFECT_TYPES.includes(a.type as EffectType));
  const status = next.status === "done" ? ("CLOSED" as const) : ("OPEN" as const);
  const state = stateName(next);
  const revision = (ref.revision ?? 0) + 1;
  const outcome = next.context.outcome;
  const columns = {
    snapshot: persist(definition, next),
    state,
    status,
    careUnitId: next.context.unitId,
    closedAt: status === "CLOSED" ? now : null,
    outcome,
    revision,
    ...deadlineColumns(ref.deadlines, effects, status === "OPEN"),
  };
  const opening =
    ref.revision === null
      ? {
          id: ref.id,
          processCode: definition.code,
          machineVersion: definition.version,
          contactKind: context.contactKind,
          subjectId: ref.subjectId ?? null,
          patientId: context.patientId,
          openedAt: now,
          openedByUserId: userId,
        }
      : null;
  const stepEntry: AuditEntry = {
    action: opening ? "case.start" : "case.step",
    entityType: "ProcessCase",
    entityId: ref.id,
    patientId: context.patientId,
    before: opening ? null : { state: stateName(snapshot), revision: ref.revision },
    // `from` with `state` and `event` is one edge of the path the case took (the statechart on the case page).
    after: { process: definition.code, event: event.type, input, from: stateName(snapshot), state, status, revision, outcome },
  };
  return { next, columns, opening, effects, stepEntry };
}

/** Adds the facts an event needs (fresh from the database) and the verdict of the rules. */
async function withFacts(
  tx: Tx,
  definition: ProcessDefinition,
  context: CaseContext,
  base: { type: EventType; at: string; newId: string } & Record<string, unknown>,
  actor: StepActor,
  today: string,
): Promise<{ event: MachineEvent; verdict: Verdict }> {
  const ok: Verdict = { eligible: true };
  switch (base.type) {
    case "APPOINT":
      return appointmentFacts(tx, definition, context, base, actor, today);
    case "SEND_REFERRAL": {
      const toUnit = await loadUnitFacts(tx, String(base.toUnitId));
      if (!toUnit) return refuse({ error: "invalid", fieldErrors: { toUnitId: t("event.unitRequired") } });
      const wardUnitId = (context as CaseContext & { wardUnitId: string }).wardUnitId;
      return { event: { ...base, toUnit }, verdict: referralReceiverRules(wardUnitId, toUnit) };
    }
    case "CONFIRM_EXISTING_CONTACT": {
      const patient = await loadPatientFacts(tx, context.patientId);
      // Only a fast vårdkontakt is answered by the one the patient has (a request for another kind is not).
      const existing = context.contactKind === "FAST_VARDKONTAKT" ? careContactAtUnit(patient?.activeAssignments ?? [], context.unitId) : null;
      return { event: { ...base, existing }, verdict: existing ? ok : { eligible: false, reasons: [{ code: "noContactAtUnit" }] } };
    }
    case "MARK_READY_FOR_DISCHARGE":
      return { event: { ...base, sipCallDays: config.sipCallDays }, verdict: ok };
    case "REQUEST_CHANGE":
    case "REVIEW": {
      if (base.type === "REVIEW") {
        // Seed §3.3: a review that keeps the contact sets the next review, after the review day.
        const [problem] = nextReviewDateRules(context.contactKind, Boolean(base.needRemains), (base.nextReviewDate as string | null) ?? null, today);
        if (problem) return refuse({ error: "invalid", fieldErrors: { nextReviewDate: reasonText(problem) } });
      }
      const current = await loadActiveAssignment(tx, context.assignmentId);
      return { event: { ...base, current }, verdict: current ? ok : { eligible: false, reasons: [{ code: "replacedNotActive" }] } };
    }
    case "NOTIFY":
      return { event: base, verdict: notificationRules(context.notice, base.entries as never, (base.patientNotInformed as never) ?? null) };
    case "CLOSE_REQUEST":
      return { event: base, verdict: requestClosingRules(context.process, String(base.closingReason)) };
    case "PATIENT_DECLINED":
      return { event: base, verdict: refusalPossible(context.process) };
    default:
      return { event: base, verdict: ok };
  }
}

async function appointmentFacts(
  tx: Tx,
  definition: ProcessDefinition,
  context: CaseContext,
  base: MachineEvent & { newId: string },
  actor: StepActor,
  today: string,
): Promise<{ event: MachineEvent; verdict: Verdict }> {
  const input = base as unknown as AppointmentChoices & {
    staffMemberId: string;
    reviewDueDate: string | null;
    teamId: string | null;
    medicallyResponsibleStaffId: string | null;
  };
  const [staff, setting] = await Promise.all([
    loadStaffFacts(tx, input.staffMemberId),
    loadAppointmentSetting(tx, settingRequest(definition, context), actor.grant, today),
  ]);
  if (!staff) return refuse({ error: "invalid", fieldErrors: { staffMemberId: t("event.staffUnknown") } });
  if (!setting) return refuse({ error: "notFound" });
  await checkReferences(tx, context.unitId, input, today);

  // The same judgement the staff pickers show (./appointment.ts); in CHANGE the replacement
  // keeps the coordination with its consent, and the review date unless a new one is given.
  const { facts, coordination, verdict } = judgeAppointment(setting, staff, input);
  const keptReviewDate = setting.kept?.reviewDueDate ?? null;
  const [reviewProblem] = reviewDateRules(input.reviewDueDate, keptReviewDate, today, reviewDateRequiredFor(context.contactKind));
  if (reviewProblem) return refuse({ error: "invalid", fieldErrors: { reviewDueDate: reasonText(reviewProblem) } });
  const reviewDueDate = input.reviewDueDate ?? keptReviewDate;
  return { event: { ...base, ...coordination, reviewDueDate, facts, replaced: setting.replaced }, verdict };
}

/** What the case's APPOINT is judged against, as a request for the facts loader. */
export function settingRequest(definition: ProcessDefinition, context: CaseContext): SettingRequest {
  return {
    process: definition.code,
    kind: context.contactKind,
    unitId: context.unitId,
    patientId: context.patientId,
    lifeThreatening: context.lifeThreatening,
    assignmentId: context.assignmentId,
  };
}

/**
 * The team must be the unit's; the medically responsible person must be a legitimerad läkare
 * in the care giver's health care on the day (machines/rules.ts medicallyResponsibleRules).
 */
async function checkReferences(
  tx: Tx,
  unitId: string,
  input: { teamId: string | null; medicallyResponsibleStaffId: string | null },
  today: string,
) {
  const fieldErrors: FieldErrors = {};
  if (input.teamId && !(await tx.team.findFirst({ where: { id: input.teamId, careUnitId: unitId }, select: { id: true } }))) {
    fieldErrors.teamId = t("event.teamUnknown");
  }
  if (input.medicallyResponsibleStaffId) {
    const [medical, careGivers] = await Promise.all([
      loadMedicalStaffFacts(tx, [input.medicallyResponsibleStaffId]),
      loadCareGivers(tx, [unitId]),
    ]);
    const facts = medical.get(input.medicallyResponsibleStaffId);
    const reasons = facts ? medicallyResponsibleRules(facts.person, facts.workplaces, careGivers.get(unitId) ?? "", today) : null;
    if (!reasons) fieldErrors.medicallyResponsibleStaffId = t("event.staffUnknown");
    else if (reasons.length > 0) fieldErrors.medicallyResponsibleStaffId = reasons.map(reasonText).join(" ");
  }
  if (Object.keys(fieldErrors).length > 0) refuse({ error: "invalid", fieldErrors });
}

/**
 * The dates among the submitted fields that cannot be true, as one message per field (the
 * first reason), or null when all can. Facts are read inside the step's transaction: today
 * and now on Swedish clocks, the patient's birth date, the day the case was opened.
 */
async function implausibleDates(
  tx: Tx,
  fields: Record<string, unknown>,
  patientId: string,
  openedAt: Date | null,
  now: Date,
): Promise<FieldErrors | null> {
  const errors = implausibleDateErrors(fields, await loadDateFacts(tx, patientId, openedAt, now));
  return Object.keys(errors).length > 0 ? errors : null;
}

/** Runs a step in one transaction; a refusal or a stale row rolls everything back. */
async function run(db: Db, work: (tx: Tx) => Promise<StepResult>): Promise<StepResult> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    const failure: StepFailure | null =
      error instanceof Refused
        ? error.failure
        : error instanceof StaleRowError || isRecordNotFound(error)
          ? { error: "conflict" }
          : null;
    if (!failure) throw error;
    return { ok: false, message: failureMessage(failure), ...failure };
  }
}

/** Prisma's P2025: an update found no row matching its where (a version guard lost). */
const isRecordNotFound = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "P2025";
