// What a unit must do next, for the worklists: open cases by deadline, reviews due, hemtjänst
// recipients without a fast omsorgskontakt, queued notifications, and staff who are leaving.
// Every query is scoped to units the caller passes in; the page that shows the rows logs
// the access (HSLF-FS 2016:40 4 kap. 9 §). Indexes: see the migration
// 20261125000300_worklist_deadlines.
import type { Db } from "~/db.server";
import { LEAVING_SOON_DAYS } from "~/models/staff-view";
import { addDays } from "~/domain/dates";
import { HOME_CARE_UNIT_KINDS, reviewDateRequiredFor, type ContactKind } from "../../machines/rules";

const patientSummary = {
  select: { id: true, identifier: true, identifierKind: true, firstName: true, middleName: true, lastName: true, protectedIdentity: true },
} as const;

/**
 * Open cases of the unit, the most urgent first: overdue, then by deadline, then the oldest.
 * The stored snapshot comes along so that a worklist can tell, without another query, which
 * events the case accepts now and who may send them.
 */
export async function openCases(db: Db, unitId: string, now: Date) {
  const rows = await db.processCase.findMany({
    where: { careUnitId: unitId, status: "OPEN" },
    select: {
      id: true,
      processCode: true,
      machineVersion: true,
      snapshot: true,
      state: true,
      contactKind: true,
      deadlineAt: true,
      deadlineKind: true,
      openedAt: true,
      revision: true,
      patient: patientSummary,
    },
    orderBy: [{ deadlineAt: { sort: "asc", nulls: "last" } }, { openedAt: "asc" }],
  });
  return rows.map((c) => ({ ...c, overdue: c.deadlineAt !== null && c.deadlineAt < now }));
}

/** Cases whose deadline has passed, in every unit given (an administrator's or a chief's overview). */
export async function overdueCases(db: Db, unitIds: readonly string[], now: Date) {
  return db.processCase.findMany({
    where: { careUnitId: { in: [...unitIds] }, status: "OPEN", deadlineAt: { lt: now } },
    select: {
      id: true,
      processCode: true,
      state: true,
      contactKind: true,
      careUnitId: true,
      deadlineAt: true,
      deadlineKind: true,
      openedAt: true,
      patient: patientSummary,
    },
    orderBy: { deadlineAt: "asc" },
  });
}

/** The kinds of contact whose need is reviewed on a date (rules.reviewDateRequiredFor). */
const REVIEWED_KINDS = (["FAST_VARDKONTAKT", "FAST_LAKARKONTAKT", "FAST_OMSORGSKONTAKT", "ANNAN_FAST_KONTAKT"] satisfies ContactKind[]).filter(reviewDateRequiredFor);

/**
 * Active assignments of the unit(s) whose review date is today or earlier, or within `days`.
 * Not a fast läkarkontakt: the patient's own choice carries no review duty (seed §3.3,
 * rules.reviewDateRequiredFor), even where an older row still has a date.
 */
export async function reviewsDue(db: Db, units: string | readonly string[], today: string, days = 0) {
  const unitIds = typeof units === "string" ? [units] : [...units];
  const rows = await db.assignment.findMany({
    where: { careUnitId: { in: unitIds }, endedAt: null, kind: { in: REVIEWED_KINDS }, reviewDueDate: { lte: addDays(today, days) } },
    select: {
      id: true,
      kind: true,
      careUnitId: true,
      reviewDueDate: true,
      staffMember: { select: { id: true, firstName: true, middleName: true, lastName: true } },
      patient: patientSummary,
    },
    orderBy: { reviewDueDate: "asc" },
  });
  return rows.map((a) => ({ ...a, overdue: a.reviewDueDate! < today }));
}

/**
 * SoL 4 kap. 2 b §: every hemtjänst recipient of the unit has a fast omsorgskontakt, a
 * documented refusal or a recorded "obviously unnecessary". These have none of the three;
 * `withoutOpenCase` also leaves out those with an open HOME_CARE_CONTACT case at the unit.
 */
export async function homeCareWithoutContact(db: Db, unitId: string, today: string, options: { withoutOpenCase?: boolean } = {}) {
  return db.homeCareService.findMany({
    where: {
      careUnitId: unitId,
      careUnit: { kind: { in: [...HOME_CARE_UNIT_KINDS] } },
      from: { lte: today },
      OR: [{ to: null }, { to: { gte: today } }],
      contactNotNeededReason: null,
      patient: {
        assignments: { none: { kind: "FAST_OMSORGSKONTAKT", careUnitId: unitId, endedAt: null } },
        refusals: { none: { kind: "FAST_OMSORGSKONTAKT", careUnitId: unitId } },
        // A worklist leaves out those whose offer is already under way in an open case.
        ...(options.withoutOpenCase ? { cases: { none: { processCode: "HOME_CARE_CONTACT", status: "OPEN", careUnitId: unitId } } } : {}),
      },
    },
    select: { id: true, from: true, patient: patientSummary },
    orderBy: { from: "asc" },
  });
}

/**
 * Who must still be told of an appointment, change or ending decided in the unit: through
 * the unit's cases, or — for a notice queued without a case — through the assignment's unit.
 */
export async function notificationsDue(db: Db, unitId: string) {
  return db.notification.findMany({
    where: {
      status: "QUEUED",
      OR: [{ case: { careUnitId: unitId } }, { caseId: null, assignment: { careUnitId: unitId } }],
    },
    select: {
      id: true,
      recipient: true,
      createdAt: true,
      caseId: true,
      case: { select: { processCode: true } },
      patient: patientSummary,
    },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Staff whose last day is within `days` from today — or already past — and who still hold
 * assignments in the units: until every contact is reassigned they stay on the list.
 */
export async function leaversWithAssignments(db: Db, unitIds: readonly string[], today: string, days = LEAVING_SOON_DAYS) {
  const staff = await db.staffMember.findMany({
    where: {
      employmentEndDate: { lte: addDays(today, days) },
      assignments: { some: { endedAt: null, careUnitId: { in: [...unitIds] } } },
    },
    select: {
      id: true,
      firstName: true,
      middleName: true,
      lastName: true,
      employmentEndDate: true,
      _count: { select: { assignments: { where: { endedAt: null, careUnitId: { in: [...unitIds] } } } } },
    },
    orderBy: { employmentEndDate: "asc" },
  });
  return staff.map(({ _count, ...s }) => ({ ...s, activeAssignments: _count.assignments }));
}
