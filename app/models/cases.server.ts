// Cases (ärenden) as the case page, the start page and the patient page show them. A case is
// seen from every unit its process lets act on it now — the unit that acts next (careUnitId,
// as on the worklist) and, for instance, the ward that sent an inskrivningsmeddelande and still
// reports the discharge date — and from no other: PDL 4 kap. 1 §, a foreign id finds nothing.
import { initialTransition } from "xstate";
import type { Actor } from "~/auth/actor.server";
import type { Db } from "~/db.server";
import { formatPatientIdentifier, isoDateInStockholm } from "~/domain/identifiers";
import { t } from "~/i18n";
import { outcomeLabel, stateLabel } from "~/processes/labels";
import { isEventType, type EventType } from "~/processes/event-input";
import type { CaseInput } from "../../machines/common";
import {
  actingUnits,
  isProcessCode,
  PROCESS_CODES,
  PROCESSES,
  restoreSnapshot,
  sendableEvents,
  sendingPermission,
  SnapshotVersionError,
  type AnySnapshot,
  type ProcessCode,
  type ProcessDefinition,
} from "../../machines/index";
import { processAppliesAt, type CareUnitKind, type ContactKind, type NotificationRequirement } from "../../machines/rules";
import { dateTimeInStockholm } from "~/domain/dates";
import { caseHistory } from "./case-timeline.server";
import { fullName } from "./contact-view";

/** Who looks: the signed-in user in the active unit with the active role. */
export type CaseViewer = Pick<Actor, "userId" | "requestId" | "grant"> & { unit: Pick<Actor["unit"], "id"> };

const patientSelect = {
  select: { id: true, identifier: true, firstName: true, middleName: true, lastName: true, protectedIdentity: true },
} as const;

type StoredCase = { processCode: string; machineVersion: number; snapshot: string; careUnitId: string };

/** The process and live snapshot of a stored case; the snapshot is null when its version cannot be read. */
function restore(row: StoredCase): { definition: ProcessDefinition; snapshot: AnySnapshot | null } | null {
  if (!isProcessCode(row.processCode)) return null;
  const definition = PROCESSES[row.processCode];
  try {
    return { definition, snapshot: restoreSnapshot(definition, row.machineVersion, row.snapshot) };
  } catch (error) {
    if (error instanceof SnapshotVersionError) return { definition, snapshot: null };
    throw error;
  }
}

/** Whether the unit may see the case: it acts next, or the process lets it act on the case now. */
function visibleAt(row: StoredCase, restored: NonNullable<ReturnType<typeof restore>>, unitId: string): boolean {
  if (row.careUnitId === unitId) return true;
  return restored.snapshot !== null && actingUnits(restored.definition, restored.snapshot.context).includes(unitId);
}

/** Whether the case exists and is seen from the viewer's unit (the action checks before it moves it). */
export async function isCaseVisible(db: Db, viewer: CaseViewer, caseId: string): Promise<boolean> {
  const row = await db.processCase.findUnique({
    where: { id: caseId },
    select: { processCode: true, machineVersion: true, snapshot: true, careUnitId: true },
  });
  const restored = row ? restore(row) : null;
  return row !== null && restored !== null && visibleAt(row, restored, viewer.unit.id);
}

/** The initial state of a process ("new" in every machine today). */
const initialStateOf = (definition: ProcessDefinition) => String(definition.machine.config.initial ?? "new");

/** The case page: header, path, timeline and the events this user may send now. Null: not found here. */
export async function getCasePage(db: Db, viewer: CaseViewer, caseId: string, now: Date) {
  const row = await db.processCase.findUnique({
    where: { id: caseId },
    include: {
      patient: patientSelect,
      careUnit: { select: { id: true, name: true } },
      // Lag (2017:612): the inskrivningsmeddelande and whether it was sent late (a fact recorded when sent).
      referrals: { select: { sentAt: true, dueAt: true, sentLate: true }, orderBy: { sentAt: "asc" }, take: 1 },
    },
  });
  if (!row) return null;
  const restored = restore(row);
  if (!restored || !visibleAt(row, restored, viewer.unit.id)) return null;
  const { definition, snapshot } = restored;
  const { timeline, path } = await caseHistory(db, row.id, row.patientId, initialStateOf(definition));
  const open = row.status === "OPEN";
  const forms: EventType[] = open && snapshot ? sendableEvents(definition, snapshot, viewer.grant).filter(isEventType) : [];
  return {
    id: row.id,
    process: definition.code,
    contactKind: row.contactKind,
    status: row.status,
    state: row.state,
    stateLabel: stateLabel(row.state),
    revision: row.revision,
    outcome: row.outcome ? outcomeLabel(row.outcome) : null,
    openedAt: dateTimeInStockholm(row.openedAt),
    closedAt: row.closedAt ? dateTimeInStockholm(row.closedAt) : null,
    deadline:
      open && row.deadlineAt
        ? { at: dateTimeInStockholm(row.deadlineAt), kind: row.deadlineKind, overdue: row.deadlineAt < now }
        : null,
    patient: {
      id: row.patient.id,
      name: fullName(row.patient),
      identifier: formatPatientIdentifier(row.patient.identifier),
    },
    unit: row.careUnit,
    referral: referralFact(row.referrals[0] ?? null),
    /** Why no form is shown when there is none. */
    blocked: !open ? ("closed" as const) : snapshot === null ? ("version" as const) : null,
    forms,
    /** How the patient must be told (machines/rules.ts notificationRules), shown before NOTIFY. */
    notice: forms.includes("NOTIFY") && snapshot ? (snapshot.context.notice satisfies NotificationRequirement) : null,
    path,
    timeline,
  };
}

export type CasePage = NonNullable<Awaited<ReturnType<typeof getCasePage>>>;

/** The inskrivningsmeddelande as the case page shows it: when sent, by when it was due, and whether late. */
function referralFact(referral: { sentAt: Date; dueAt: Date | null; sentLate: boolean } | null) {
  if (!referral) return null;
  return {
    sentAt: dateTimeInStockholm(referral.sentAt),
    dueAt: referral.dueAt ? dateTimeInStockholm(referral.dueAt) : null,
    late: referral.sentLate,
  };
}

/** The open case of the same kind that keeps a new one from starting (rule.caseAlreadyOpen), if visible here. */
export async function findOpenCaseLike(
  db: Db,
  viewer: CaseViewer,
  opening: { process: ProcessCode; patientId: string; contactKind: ContactKind | null; subjectId: string | null },
) {
  const rows = await db.processCase.findMany({
    where: {
      processCode: opening.process,
      status: "OPEN",
      patientId: opening.patientId,
      ...(opening.subjectId ? { subjectId: opening.subjectId } : { contactKind: opening.contactKind ?? undefined }),
    },
    select: { id: true, processCode: true, machineVersion: true, snapshot: true, careUnitId: true },
  });
  return rows.find((r) => {
    const restored = restore(r);
    return restored !== null && visibleAt(r, restored, viewer.unit.id);
  })?.id ?? null;
}

/** A fresh context for the process, as the executor would open it here: policies read it. */
function openingContext(definition: ProcessDefinition, input: CaseInput) {
  const [initial] = initialTransition(definition.machine, input);
  return (initial as AnySnapshot).context;
}

/** The opening events of a process this user may send here (the opening event's policy). */
function openingEventsFor(definition: ProcessDefinition, viewer: CaseViewer, input: CaseInput): EventType[] {
  const context = openingContext(definition, input);
  return definition.openingEvents.filter(
    (type): type is EventType => isEventType(type) && sendingPermission(definition, type, context, viewer.grant) !== null,
  );
}

export type StartOption = { process: ProcessCode; subjectId: string | null; label: string };

type UnitFacts = { id: string; kind: CareUnitKind; regionallyFinanced: boolean };

async function unitFacts(db: Db, unitId: string): Promise<UnitFacts | null> {
  return db.careUnit.findUnique({ where: { id: unitId }, select: { id: true, kind: true, regionallyFinanced: true } });
}

/**
 * The processes this user may start for the patient here: those that apply at the unit
 * (machines/rules.ts processAppliesAt) and whose opening event the user may send. Hemtjänst
 * cases start per ongoing hemtjänst at the unit; CHANGE and ENDING per active assignment here.
 */
export async function startOptions(db: Db, viewer: CaseViewer, patientId: string, today: string) {
  const unit = await unitFacts(db, viewer.unit.id);
  if (!unit) return { processes: [] as StartOption[], perAssignment: {} as Record<string, StartOption[]> };
  const processes: StartOption[] = [];
  for (const code of PROCESS_CODES) {
    const definition = PROCESSES[code];
    if (definition.subject !== "patient" && definition.subject !== "homeCareService") continue;
    if (!processAppliesAt(code, unit)) continue;
    const input = { patientId, unitId: unit.id, contactKind: definition.contactKinds[0] };
    if (openingEventsFor(definition, viewer, input).length === 0) continue;
    if (definition.subject === "homeCareService") {
      const services = await activeHomeCare(db, patientId, unit.id, today);
      for (const s of services) processes.push({ process: code, subjectId: s.id, label: t(`process.${code}`) });
    } else {
      processes.push({ process: code, subjectId: null, label: t(`process.${code}`) });
    }
  }
  const assignments = await db.assignment.findMany({
    where: { patientId, careUnitId: unit.id, endedAt: null },
    select: { id: true, kind: true },
  });
  const perAssignment: Record<string, StartOption[]> = {};
  for (const a of assignments) {
    perAssignment[a.id] = (["CHANGE", "ENDING"] as const)
      .filter((code) => openingEventsFor(PROCESSES[code], viewer, { patientId, unitId: unit.id, contactKind: a.kind, assignmentId: a.id }).length > 0)
      .map((code) => ({ process: code, subjectId: a.id, label: t(`process.${code}`) }));
  }
  return { processes, perAssignment };
}

/** Hemtjänst the unit carries out for the patient, ongoing today (as the executor checks it). */
function activeHomeCare(db: Db, patientId: string, unitId: string, today: string) {
  return db.homeCareService.findMany({
    where: { patientId, careUnitId: unitId, OR: [{ to: null }, { to: { gte: today } }] },
    select: { id: true, from: true },
    orderBy: { from: "asc" },
  });
}

/**
 * The start page of a process for a patient: the opening events this user may send, the
 * contact kinds to choose from, and what the case is about (the assignment or hemtjänst).
 * Null when the process, the patient or the subject is not found here.
 */
export async function getStartPage(db: Db, viewer: CaseViewer, patientId: string, process: string, subjectId: string | null, today: string) {
  if (!isProcessCode(process)) return null;
  const definition = PROCESSES[process];
  const unit = await unitFacts(db, viewer.unit.id);
  if (!unit || !processAppliesAt(process, unit)) return null;
  let subject: { id: string; label: string; contactKind: ContactKind } | null = null;
  if (definition.subject === "assignment") {
    const a = await db.assignment.findFirst({
      where: { id: subjectId ?? "", patientId, careUnitId: unit.id, endedAt: null },
      select: { id: true, kind: true, staffMember: { select: { firstName: true, middleName: true, lastName: true } } },
    });
    if (!a) return null;
    subject = { id: a.id, label: `${t(`contactKind.${a.kind}`)}: ${fullName(a.staffMember)}`, contactKind: a.kind };
  } else if (definition.subject === "homeCareService") {
    const service = (await activeHomeCare(db, patientId, unit.id, today)).find((s) => s.id === subjectId);
    if (!service) return null;
    subject = { id: service.id, label: `${t("contactKind.FAST_OMSORGSKONTAKT")} (${service.from})`, contactKind: "FAST_OMSORGSKONTAKT" };
  }
  const kinds = subject ? [subject.contactKind] : [...definition.contactKinds];
  const events = openingEventsFor(definition, viewer, {
    patientId,
    unitId: unit.id,
    contactKind: kinds[0],
    assignmentId: definition.subject === "assignment" ? (subject?.id ?? null) : null,
  });
  return { process, subject, contactKinds: kinds, events };
}

/** Outcome of a closed case, or the step of an open one, in words. */
const caseSummary = (c: { status: string; state: string; outcome: string | null }) =>
  c.status === "CLOSED" ? (c.outcome ? outcomeLabel(c.outcome) : t("cases.status.CLOSED")) : stateLabel(c.state);

/**
 * The patient page's case lists and history: open and closed cases seen from this unit,
 * ended assignments, refusals and hemtjänst where a fast omsorgskontakt is "uppenbart obehövlig".
 */
export async function getPatientCaseHistory(db: Db, viewer: CaseViewer, patientId: string, now: Date) {
  const [cases, ended, refusals, notNeeded] = await Promise.all([
    db.processCase.findMany({
      where: { patientId },
      select: {
        id: true,
        processCode: true,
        machineVersion: true,
        snapshot: true,
        careUnitId: true,
        status: true,
        state: true,
        outcome: true,
        contactKind: true,
        openedAt: true,
        closedAt: true,
        deadlineAt: true,
        careUnit: { select: { name: true } },
      },
      orderBy: { openedAt: "desc" },
    }),
    db.assignment.findMany({
      where: { patientId, endedAt: { not: null } },
      select: {
        id: true,
        kind: true,
        startedAt: true,
        endedAt: true,
        endReason: true,
        roleTitle: true,
        staffMember: { select: { firstName: true, middleName: true, lastName: true } },
        careUnit: { select: { name: true } },
      },
      orderBy: { endedAt: "desc" },
    }),
    db.refusal.findMany({
      where: { patientId },
      select: { id: true, kind: true, declinedOn: true, comment: true, careUnit: { select: { name: true } } },
      orderBy: { declinedOn: "desc" },
    }),
    db.homeCareService.findMany({
      where: { patientId, contactNotNeededReason: { not: null } },
      select: { id: true, contactNotNeededReason: true, contactNotNeededAt: true, careUnit: { select: { name: true } } },
    }),
  ]);
  const visible = cases.filter((c) => {
    const restored = restore(c);
    return restored !== null && visibleAt(c, restored, viewer.unit.id);
  });
  const caseView = (c: (typeof visible)[number]) => ({
    id: c.id,
    process: t(`process.${c.processCode as ProcessCode}`),
    contactKind: c.contactKind ? t(`contactKind.${c.contactKind}`) : null,
    unit: c.careUnit.name,
    summary: caseSummary(c),
    openedOn: isoDateInStockholm(c.openedAt),
    closedOn: c.closedAt ? isoDateInStockholm(c.closedAt) : null,
    deadline: c.deadlineAt ? dateTimeInStockholm(c.deadlineAt) : null,
    overdue: c.deadlineAt !== null && c.deadlineAt < now,
  });
  return {
    openCases: visible.filter((c) => c.status === "OPEN").map(caseView),
    closedCases: visible.filter((c) => c.status === "CLOSED").map(caseView),
    endedAssignments: ended.map((a) => ({
      id: a.id,
      kind: a.kind === "ANNAN_FAST_KONTAKT" && a.roleTitle ? a.roleTitle : t(`contactKind.${a.kind}`),
      person: fullName(a.staffMember),
      unit: a.careUnit.name,
      since: isoDateInStockholm(a.startedAt),
      endedOn: a.endedAt ? isoDateInStockholm(a.endedAt) : "",
      reason: a.endReason,
    })),
    refusals: refusals.map((r) => ({
      id: r.id,
      kind: t(`contactKind.${r.kind}`),
      unit: r.careUnit.name,
      declinedOn: r.declinedOn,
      comment: r.comment,
    })),
    notNeeded: notNeeded.map((h) => ({
      id: h.id,
      unit: h.careUnit.name,
      on: h.contactNotNeededAt ? isoDateInStockholm(h.contactNotNeededAt) : "",
      reason: h.contactNotNeededReason ?? "",
    })),
  };
}
