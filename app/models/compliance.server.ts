// Compliance follow-up (uppföljning) per unit and calendar month: six measures, each a
// numerator over a denominator, and the patients behind every figure.
//
// Which units: a verksamhetschef (or enhetschef) follows up the unit they act for, the
// active unit — the unit they answer for (HSF 4 kap. 1 §) and the one the access log names
// (docs/decisions/003). An administrator works across the region's units (staff register,
// turnover, audit: SPEC §2) and holds a medarbetaruppdrag in each unit granted to them, so
// they see every unit where they hold the ADMINISTRATOR role; the lists behind the figures
// are logged with the unit and role the patients were seen under (`listAccessRef`).
//
// Two kinds of measure:
// - month-end snapshot: the state of the record at the last instant of the month (the current
//   month: now), as documented by then — omsorgskontakt, omprovning, samordning;
// - event: the things due in the month (a planned discharge, a SIP deadline) and whether they
//   were done in time — utskrivning, sip, inskrivningsmeddelande. A thing whose time has not
//   come yet is not counted.
//
// SQL: the measures that are plain conditions on rows (omsorgskontakt, omprovning, and
// inskrivningsmeddelande, whose lateness the executor records on the message) are one query
// each with the months as a VALUES table, grouped in SQL. The
// other three depend on rules in machines/rules.ts (lacksOverallCoordination,
// sipCallDeadline) or on the executor's deadline instant; to apply those rules instead of
// restating them in SQL, one query loads the rows of the whole window and the rule is
// applied to each row in memory — never a query per patient or month.
import type { Actor, ActorRef } from "~/auth/actor.server";
import { config } from "~/config.server";
import type { Db } from "~/db.server";
import { addMonths, dateTimeInStockholm, isoDateInStockholm, stockholmInstant } from "~/domain/dates";
import type { RoleCode } from "~/domain/permissions";
import { Prisma, type CareUnitKind } from "~/generated/prisma/client";
import type { DischargeReferralContext } from "../../machines/discharge-referral";
import {
  HEALTH_CARE_UNIT_KINDS,
  HOME_CARE_UNIT_KINDS,
  lacksOverallCoordination,
  REFERRAL_RECEIVER_KINDS,
  REFERRAL_SENDER_KINDS,
  sipCallDeadline,
} from "../../machines/rules";
import { complianceMonth, complianceMonths, isMonthKey, monthOfInstant, type ComplianceMonth } from "./compliance-months";
import { bySurname } from "./contact-view";

export type MeasureId = "omsorgskontakt" | "utskrivning" | "sip" | "omprovning" | "samordning" | "inskrivningsmeddelande";

export type MeasureDefinition = {
  id: MeasureId;
  kind: "snapshot" | "event";
  /** Whether a high share is the goal (coverage) or a problem (overdue reviews). */
  better: "higher" | "lower";
  /** The units the measure applies to. */
  unitKinds: readonly CareUnitKind[];
};

/** In the order the overview shows them. */
export const MEASURES: readonly MeasureDefinition[] = [
  { id: "omsorgskontakt", kind: "snapshot", better: "higher", unitKinds: HOME_CARE_UNIT_KINDS },
  { id: "utskrivning", kind: "event", better: "higher", unitKinds: REFERRAL_RECEIVER_KINDS },
  { id: "sip", kind: "event", better: "higher", unitKinds: REFERRAL_RECEIVER_KINDS },
  { id: "omprovning", kind: "snapshot", better: "lower", unitKinds: [...HEALTH_CARE_UNIT_KINDS, ...HOME_CARE_UNIT_KINDS] },
  { id: "samordning", kind: "snapshot", better: "lower", unitKinds: HEALTH_CARE_UNIT_KINDS },
  // The ward's duty (lag 2017:612): counted where the message is sent from.
  { id: "inskrivningsmeddelande", kind: "event", better: "lower", unitKinds: REFERRAL_SENDER_KINDS },
];

export function findMeasure(id: string): MeasureDefinition | undefined {
  return MEASURES.find((m) => m.id === id);
}

export type ComplianceUnit = { id: string; name: string; kind: CareUnitKind; roleCode: RoleCode };

/** The units the actor follows up (see the header comment for why an administrator sees several). */
export function complianceUnits(actor: Actor): ComplianceUnit[] {
  if (actor.grant.roleCode === "ADMINISTRATOR") {
    // Permissions belong to the role (reference data), and the actor holds compliance:read as
    // ADMINISTRATOR in the active unit: so in every unit where they are ADMINISTRATOR.
    return actor.choices
      .filter((c) => c.roleCode === "ADMINISTRATOR")
      .map((c) => ({ id: c.careUnitId, name: c.unitName, kind: c.unitKind as CareUnitKind, roleCode: c.roleCode }));
  }
  return [{ id: actor.unit.id, name: actor.unit.name, kind: actor.unit.kind as CareUnitKind, roleCode: actor.grant.roleCode }];
}

export function measureApplies(measure: MeasureDefinition, unit: Pick<ComplianceUnit, "kind">): boolean {
  return measure.unitKinds.includes(unit.kind);
}

/** The access-log identity for a list of a unit: the user, under the role they hold there. */
export function listAccessRef(actor: Actor, unit: ComplianceUnit): ActorRef {
  return { userId: actor.userId, roleCode: unit.roleCode, careUnitId: unit.id, requestId: actor.requestId };
}

// ───────────────────────────── Items and cells ─────────────────────────────────────

export type ItemStatus =
  | "contact"
  | "refused"
  | "notNeeded"
  | "uncovered"
  | "appointedInTime"
  | "existingContact"
  | "appointedLate"
  | "notAppointed"
  | "calledInTime"
  | "calledLate"
  | "notCalled"
  | "reviewOverdue"
  | "reviewInTime"
  | "noReviewDate"
  | "lacksCoordination"
  | "coordinationOk"
  | "referralInTime"
  | "referralLate"
  | "referralNotSent";

/** One patient (or case, or assignment) counted in a unit's month. */
export type ComplianceItem = {
  /** What was counted: the hemtjänst, assignment or case (the patient, for samordning). */
  id: string;
  month: string;
  unitId: string;
  patientId: string;
  /** In the numerator; every item is in the denominator. */
  counted: boolean;
  status: ItemStatus;
  /** The date that decided the status ("YYYY-MM-DD"), where there is one. */
  date: string | null;
  /** The deadline or due date the item was measured against, where there is one. */
  dueDate: string | null;
  /** Fasta vårdkontakter the patient had (samordning). */
  contacts: number | null;
  caseId: string | null;
};

export type Cell = { numerator: number; denominator: number };
export type UnitSeries = { unitId: string; cells: Record<string, Cell> };

/** ISO text as the SQLite adapter stores DateTime ("…T09:00:00.000+00:00"): it compares as text. */
const sqlInstant = (d: Date) => d.toISOString().replace("Z", "+00:00");

const monthsTable = (months: readonly ComplianceMonth[]) =>
  Prisma.sql`m(month, refAt, refDate) AS (VALUES ${Prisma.join(
    months.map((m) => Prisma.sql`(${m.key}, ${sqlInstant(m.refAt)}, ${m.refDate})`),
  )})`;

const dateOf = (value: string | Date | null) => (value === null ? null : isoDateInStockholm(new Date(value)));

// ───────────────────────────── omsorgskontakt (snapshot) ───────────────────────────
//
// SoL 4 kap. 2 b § (seed §4.1, §4.3; SPEC §5 process 7: "every hemtjänst recipient has either
// a fast omsorgskontakt, a documented refusal, or a recorded 'obviously unnecessary'").
// Denominator: the unit's hemtjänst (HomeCareService rows) running on the snapshot day
// (from ≤ day ≤ to). Numerator: those where, by the snapshot instant, the patient had an
// active FAST_OMSORGSKONTAKT at the unit, or a refusal of one at the unit was recorded, or
// "uppenbart obehövligt" was recorded on the hemtjänst. This is the worklist's
// homeCareWithoutContact (app/models/worklist.server.ts) taken at a past instant; at "now"
// the two agree (tests/integration/compliance.test.ts checks it).

function homeCareItemsSql(months: readonly ComplianceMonth[], unitIds: readonly string[]) {
  return Prisma.sql`
    WITH ${monthsTable(months)}
    SELECT m.month AS month, h.careUnitId AS unitId, h.patientId AS patientId, h.id AS homeCareServiceId,
      (SELECT a.startedAt FROM Assignment a
        WHERE a.patientId = h.patientId AND a.careUnitId = h.careUnitId AND a.kind = 'FAST_OMSORGSKONTAKT'
          AND a.startedAt <= m.refAt AND (a.endedAt IS NULL OR a.endedAt > m.refAt)
        ORDER BY a.startedAt LIMIT 1) AS contactSince,
      (SELECT a.caseId FROM Assignment a
        WHERE a.patientId = h.patientId AND a.careUnitId = h.careUnitId AND a.kind = 'FAST_OMSORGSKONTAKT'
          AND a.startedAt <= m.refAt AND (a.endedAt IS NULL OR a.endedAt > m.refAt)
        ORDER BY a.startedAt LIMIT 1) AS contactCaseId,
      (SELECT r.declinedOn FROM Refusal r
        WHERE r.patientId = h.patientId AND r.careUnitId = h.careUnitId AND r.kind = 'FAST_OMSORGSKONTAKT' AND r.recordedAt <= m.refAt
        ORDER BY r.recordedAt DESC LIMIT 1) AS refusedOn,
      (SELECT r.caseId FROM Refusal r
        WHERE r.patientId = h.patientId AND r.careUnitId = h.careUnitId AND r.kind = 'FAST_OMSORGSKONTAKT' AND r.recordedAt <= m.refAt
        ORDER BY r.recordedAt DESC LIMIT 1) AS refusalCaseId,
      CASE WHEN h.contactNotNeededReason IS NOT NULL AND h.contactNotNeededAt <= m.refAt THEN h.contactNotNeededAt END AS notNeededAt,
      (SELECT c.id FROM ProcessCase c
        WHERE c.processCode = 'HOME_CARE_CONTACT' AND c.subjectId = h.id AND c.openedAt <= m.refAt
        ORDER BY c.openedAt DESC LIMIT 1) AS lastCaseId
    FROM m JOIN HomeCareService h ON h."from" <= m.refDate AND (h."to" IS NULL OR h."to" >= m.refDate)
    WHERE h.careUnitId IN (${Prisma.join(unitIds)})`;
}

type HomeCareRow = {
  homeCareServiceId: string;
  month: string;
  unitId: string;
  patientId: string;
  contactSince: string | null;
  contactCaseId: string | null;
  refusedOn: string | null;
  refusalCaseId: string | null;
  notNeededAt: string | null;
  lastCaseId: string | null;
};

async function homeCareCells(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[]) {
  return db.$queryRaw<GroupedRow[]>`
    SELECT month, unitId, COUNT(*) AS denominator,
      SUM(CASE WHEN contactSince IS NOT NULL OR refusedOn IS NOT NULL OR notNeededAt IS NOT NULL THEN 1 ELSE 0 END) AS numerator
    FROM (${homeCareItemsSql(months, unitIds)}) GROUP BY month, unitId`;
}

async function homeCareItems(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[]): Promise<ComplianceItem[]> {
  const rows = await db.$queryRaw<HomeCareRow[]>(homeCareItemsSql(months, unitIds));
  return rows.map((r) => {
    const base = { id: r.homeCareServiceId, month: r.month, unitId: r.unitId, patientId: r.patientId, dueDate: null, contacts: null };
    if (r.contactSince !== null) return { ...base, counted: true, status: "contact", date: dateOf(r.contactSince), caseId: r.contactCaseId };
    if (r.refusedOn !== null) return { ...base, counted: true, status: "refused", date: r.refusedOn, caseId: r.refusalCaseId };
    if (r.notNeededAt !== null) return { ...base, counted: true, status: "notNeeded", date: dateOf(r.notNeededAt), caseId: r.lastCaseId };
    return { ...base, counted: false, status: "uncovered", date: null, caseId: r.lastCaseId };
  });
}

// ───────────────────────────── omprovning (snapshot) ───────────────────────────────
//
// Seed §3.3 ("behovet bör omprövas regelbundet"); SPEC §3: every assignment has a review date
// and overdue reviews appear on worklists. Denominator: the unit's assignments active at the
// snapshot instant, except fasta läkarkontakter (no review duty, rules.reviewDateRequiredFor). Numerator: those whose review date, as it stood then, lay
// before the snapshot day — the worklist's "overdue" (reviewsDue: reviewDueDate < today).
// A review moves the date (effect setReviewDate) and writes an "assignment.review" audit row
// with the date before; the date as it stood at an earlier instant is the "before" of the
// first such row after it, else the current date.

type ReviewRow = { assignmentId: string; month: string; unitId: string; patientId: string; caseId: string | null; reviewDueDate: string | null; overdue: number | bigint };

// SQLite has no LATERAL: the review date as it stood is computed in a second level.
function reviewRowsSql(months: readonly ComplianceMonth[], unitIds: readonly string[]) {
  return Prisma.sql`
    WITH ${monthsTable(months)}, snapshot AS (
      SELECT a.id AS assignmentId, m.month AS month, m.refDate AS refDate, a.careUnitId AS unitId, a.patientId AS patientId, a.caseId AS caseId,
        a.reviewDueDate AS currentReviewDueDate,
        (SELECT e.before FROM AuditEvent e
          WHERE e.entityType = 'Assignment' AND e.entityId = a.id AND e.action = 'assignment.review' AND e.at > m.refAt
          ORDER BY e.at, e.id LIMIT 1) AS laterReviewBefore
      FROM m JOIN Assignment a ON a.startedAt <= m.refAt AND (a.endedAt IS NULL OR a.endedAt > m.refAt)
      -- A fast läkarkontakt carries no review duty (seed §3.3, rules.reviewDateRequiredFor).
      WHERE a.careUnitId IN (${Prisma.join(unitIds)}) AND a.kind <> 'FAST_LAKARKONTAKT'
    ), dated AS (
      SELECT assignmentId, month, refDate, unitId, patientId, caseId,
        CASE WHEN laterReviewBefore IS NULL THEN currentReviewDueDate
             ELSE json_extract(laterReviewBefore, '$.reviewDueDate') END AS reviewDueDate
      FROM snapshot
    )
    SELECT assignmentId, month, unitId, patientId, caseId, reviewDueDate,
      CASE WHEN reviewDueDate IS NOT NULL AND reviewDueDate < refDate THEN 1 ELSE 0 END AS overdue
    FROM dated`;
}

async function reviewCells(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[]) {
  return db.$queryRaw<GroupedRow[]>`
    SELECT month, unitId, COUNT(*) AS denominator, SUM(overdue) AS numerator
    FROM (${reviewRowsSql(months, unitIds)}) GROUP BY month, unitId`;
}

async function reviewItems(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[]): Promise<ComplianceItem[]> {
  const rows = await db.$queryRaw<ReviewRow[]>(reviewRowsSql(months, unitIds));
  return rows.map((r) => {
    const overdue = Number(r.overdue) === 1;
    return {
      id: r.assignmentId,
      month: r.month,
      unitId: r.unitId,
      patientId: r.patientId,
      counted: overdue,
      status: overdue ? "reviewOverdue" : r.reviewDueDate === null ? "noReviewDate" : "reviewInTime",
      date: null,
      dueDate: r.reviewDueDate,
      contacts: null,
      caseId: r.caseId,
    };
  });
}

// ───────────────────────────── utskrivning (event) ─────────────────────────────────
//
// Lag (2017:612) 2 kap. 5 § (seed §3.1, §3.3: "Den fasta vårdkontakten ska utses innan
// patienten skrivs ut"; Bilaga 1.3). Counted per inskrivningsmeddelande received by the unit
// (DischargeReferral.toUnitId), in the month of the planned discharge (its
// expectedDischargeDate, the last date the ward passed on): the tool records no actual
// discharge, and the planned one is what the executor's deadline is set from. Only discharges
// whose day has come (≤ today) count. The deadline is the instant the executor stores as
// ProcessCase.appointmentDueAt: the start of that day on Stockholm clocks (effects.server.ts
// `instantOf`); the column is cleared once met, so it is derived here again from the date.
// Numerator: a fast vårdkontakt appointed by the case at or before the deadline (as the
// worklist calls a deadline overdue only once it has passed), or the patient already had one
// at the unit (outcome EXISTING_CONTACT). Left out: cases cancelled with nothing appointed
// before the deadline (the discharge was called off).

async function dischargeItems(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[]): Promise<ComplianceItem[]> {
  const last = months[months.length - 1];
  const referrals = await db.dischargeReferral.findMany({
    where: { toUnitId: { in: [...unitIds] }, caseId: { not: null }, expectedDischargeDate: { gte: months[0].first, lte: last.refDate } },
    select: {
      toUnitId: true,
      patientId: true,
      expectedDischargeDate: true,
      case: {
        select: {
          id: true,
          outcome: true,
          closedAt: true,
          assignments: { where: { kind: "FAST_VARDKONTAKT" }, select: { startedAt: true }, orderBy: { startedAt: "asc" }, take: 1 },
        },
      },
    },
  });
  const items: ComplianceItem[] = [];
  for (const r of referrals) {
    const month = months.find((m) => m.key === r.expectedDischargeDate.slice(0, 7) && r.expectedDischargeDate <= m.refDate);
    if (!month || !r.case) continue;
    const deadline = stockholmInstant(r.expectedDischargeDate);
    const appointedAt = r.case.assignments[0]?.startedAt ?? null;
    const existing = r.case.outcome === "EXISTING_CONTACT";
    const inTime = existing || (appointedAt !== null && appointedAt <= deadline);
    const calledOff = !inTime && r.case.outcome === "CANCELLED" && r.case.closedAt !== null && r.case.closedAt <= deadline;
    if (calledOff) continue;
    items.push({
      id: r.case.id,
      month: month.key,
      unitId: r.toUnitId,
      patientId: r.patientId,
      counted: inTime,
      status: existing ? "existingContact" : inTime ? "appointedInTime" : appointedAt ? "appointedLate" : "notAppointed",
      date: appointedAt ? dateOf(appointedAt) : null,
      dueDate: r.expectedDischargeDate,
      contacts: null,
      caseId: r.case.id,
    });
  }
  return items;
}

// ───────────────────────────── sip (event) ─────────────────────────────────────────
//
// Lag (2017:612) 4 kap. 1, 3 §§ (seed §3.1): the fast vårdkontakt calls to SIP "senast tre
// dagar efter" the notice that the patient is ready for discharge. Counted per discharge
// case received by the unit where the ward recorded that SIP is needed, in the month its
// deadline falls in. The deadline is ProcessCase.sipCallDueAt while the case waits, and
// otherwise (the column is cleared once met) sipCallDeadline(readyForDischargeAt, the
// configured days) — the rule the machine set it with. The call (CALL_SIP: calledOn) is
// documented as a date, and the law counts days, so a call dated on the deadline's day is in
// time. Left out: deadlines not yet passed without a call, and cases closed without a call
// before the deadline (the discharge was called off). sipRequired and sipCall exist only in
// the machine's context, so they are read from the case snapshot.

type SipContext = Partial<Pick<DischargeReferralContext, "sipRequired" | "sipCall">>;

const sipContext = (snapshot: string): SipContext => (JSON.parse(snapshot) as { context?: SipContext }).context ?? {};

async function sipItems(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[], now: Date): Promise<ComplianceItem[]> {
  // A deadline in the window was set by a notice at most the configured days (and a DST hour) before it.
  const earliestNotice = new Date(months[0].start.getTime() - (config.sipCallDays + 1) * 86_400_000);
  const referrals = await db.dischargeReferral.findMany({
    where: { toUnitId: { in: [...unitIds] }, caseId: { not: null }, readyForDischargeAt: { gte: earliestNotice, lte: now } },
    select: {
      toUnitId: true,
      patientId: true,
      readyForDischargeAt: true,
      case: { select: { id: true, status: true, closedAt: true, sipCallDueAt: true, snapshot: true } },
    },
  });
  const items: ComplianceItem[] = [];
  for (const r of referrals) {
    if (!r.case || !r.readyForDischargeAt) continue;
    const context = sipContext(r.case.snapshot);
    if (context.sipRequired !== true) continue;
    const deadline = r.case.sipCallDueAt ?? new Date(sipCallDeadline(r.readyForDischargeAt.toISOString(), config.sipCallDays));
    const month = monthOfInstant(months, deadline);
    if (!month) continue;
    const dueDate = isoDateInStockholm(deadline);
    const calledOn = context.sipCall?.calledOn ?? null;
    if (calledOn === null) {
      if (deadline > now) continue;
      if (r.case.status === "CLOSED" && r.case.closedAt !== null && r.case.closedAt <= deadline) continue;
    }
    const inTime = calledOn !== null && calledOn <= dueDate;
    items.push({
      id: r.case.id,
      month: month.key,
      unitId: r.toUnitId,
      patientId: r.patientId,
      counted: inTime,
      status: inTime ? "calledInTime" : calledOn ? "calledLate" : "notCalled",
      date: calledOn,
      dueDate,
      contacts: null,
      caseId: r.case.id,
    });
  }
  return items;
}

// ───────────────────────────── inskrivningsmeddelande (event) ──────────────────────
//
// Lag (2017:612) (domain-facts §4): the ward sends the inskrivningsmeddelande within 24 hours
// of the admission, or of an assessment made 24 hours or more after it (rules.ts
// referralDeadline); "inskrivningsmeddelanden skickade för sent". Counted per message or
// awaiting case of the ward, in the month its deadline falls in (Stockholm calendar), like the
// other event measures. Numerator: messages sent after the deadline — the executor records
// this on the message when it is sent (DischargeReferral.sentLate, rule referralSentLate; 24 h
// 0 min is in time) — and cases whose deadline has passed with nothing sent yet (the case is
// open and its referralDueAt still set; the executor clears it when the message is sent or the
// case closes). Denominator: those and the messages sent in time. A message sent is counted at
// once, its outcome being known; an unsent case only once its deadline has passed. Left out:
// cases closed without a message (no need, declined, cancelled). Both sources are plain
// columns with an index on (unit, deadline), so it is grouped in SQL like omsorgskontakt.

type ReferralLatenessRow = {
  month: string;
  unitId: string;
  patientId: string;
  caseId: string;
  dueAt: string;
  sentAt: string | null;
  late: number | bigint;
};

function referralLatenessSql(months: readonly ComplianceMonth[], unitIds: readonly string[], now: Date) {
  const window = Prisma.sql`w(month, startAt, endAt) AS (VALUES ${Prisma.join(
    months.map((m) => Prisma.sql`(${m.key}, ${sqlInstant(m.start)}, ${sqlInstant(stockholmInstant(addMonths(m.first, 1)))})`),
  )})`;
  return Prisma.sql`
    WITH ${window}
    SELECT w.month AS month, r.fromUnitId AS unitId, r.patientId AS patientId, r.caseId AS caseId,
      r.dueAt AS dueAt, r.sentAt AS sentAt, CASE WHEN r.sentLate THEN 1 ELSE 0 END AS late
    FROM w JOIN DischargeReferral r ON r.dueAt >= w.startAt AND r.dueAt < w.endAt
    WHERE r.fromUnitId IN (${Prisma.join(unitIds)}) AND r.caseId IS NOT NULL
    UNION ALL
    SELECT w.month, c.careUnitId, c.patientId, c.id, c.referralDueAt, NULL, 1
    FROM w JOIN ProcessCase c ON c.referralDueAt >= w.startAt AND c.referralDueAt < w.endAt
    WHERE c.careUnitId IN (${Prisma.join(unitIds)}) AND c.processCode = 'DISCHARGE_REFERRAL' AND c.status = 'OPEN'
      AND c.referralDueAt < ${sqlInstant(now)}`;
}

async function referralLatenessCells(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[], now: Date) {
  return db.$queryRaw<GroupedRow[]>`
    SELECT month, unitId, COUNT(*) AS denominator, SUM(late) AS numerator
    FROM (${referralLatenessSql(months, unitIds, now)}) GROUP BY month, unitId`;
}

async function referralLatenessItems(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[], now: Date): Promise<ComplianceItem[]> {
  const rows = await db.$queryRaw<ReferralLatenessRow[]>(referralLatenessSql(months, unitIds, now));
  return rows.map((r) => {
    const late = Number(r.late) === 1;
    return {
      id: r.caseId,
      month: r.month,
      unitId: r.unitId,
      patientId: r.patientId,
      counted: late,
      status: r.sentAt === null ? "referralNotSent" : late ? "referralLate" : "referralInTime",
      // A deadline in hours: the time of day matters, so both carry it.
      date: r.sentAt === null ? null : dateTimeInStockholm(new Date(r.sentAt)),
      dueDate: dateTimeInStockholm(new Date(r.dueAt)),
      contacts: null,
      caseId: r.caseId,
    };
  });
}

// ───────────────────────────── samordning (snapshot) ───────────────────────────────
//
// Seed §3.3.2 ("När flera fasta vårdkontakter är involverade runt en patient bör en fast
// vårdkontakt med övergripande samordningsansvar utses"); SPEC §3. Denominator: patients with
// an active fast vårdkontakt at the unit at the snapshot instant. Numerator: those for whom
// the rule lacksOverallCoordination, applied to all their fasta vårdkontakter active then (at
// any unit), holds — two or more and none with the responsibility. A patient with contacts
// at two units counts at both: each verksamhetschef shares the duty to agree on one.

async function coordinationItems(db: Db, months: readonly ComplianceMonth[], unitIds: readonly string[]): Promise<ComplianceItem[]> {
  const first = months[0];
  const last = months[months.length - 1];
  const assignments = await db.assignment.findMany({
    where: {
      kind: "FAST_VARDKONTAKT",
      startedAt: { lte: last.refAt },
      OR: [{ endedAt: null }, { endedAt: { gt: first.refAt } }],
      patient: { assignments: { some: { kind: "FAST_VARDKONTAKT", careUnitId: { in: [...unitIds] } } } },
    },
    select: { patientId: true, careUnitId: true, kind: true, overallCoordination: true, startedAt: true, endedAt: true },
  });
  const byPatient = new Map<string, typeof assignments>();
  for (const a of assignments) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), a]);
  const items: ComplianceItem[] = [];
  for (const month of months) {
    for (const [patientId, all] of byPatient) {
      const active = all.filter((a) => a.startedAt <= month.refAt && (a.endedAt === null || a.endedAt > month.refAt));
      const lacking = lacksOverallCoordination(active);
      for (const unitId of new Set(active.map((a) => a.careUnitId))) {
        if (!unitIds.includes(unitId)) continue;
        items.push({
          id: patientId,
          month: month.key,
          unitId,
          patientId,
          counted: lacking > 0,
          status: lacking > 0 ? "lacksCoordination" : "coordinationOk",
          date: null,
          dueDate: null,
          contacts: active.length,
          caseId: null,
        });
      }
    }
  }
  return items;
}

// ───────────────────────────── Overview and lists ──────────────────────────────────

type GroupedRow = { month: string; unitId: string; numerator: number | bigint | null; denominator: number | bigint };

function itemsOf(db: Db, measure: MeasureId, months: readonly ComplianceMonth[], unitIds: readonly string[], now: Date) {
  switch (measure) {
    case "omsorgskontakt":
      return homeCareItems(db, months, unitIds);
    case "omprovning":
      return reviewItems(db, months, unitIds);
    case "utskrivning":
      return dischargeItems(db, months, unitIds);
    case "sip":
      return sipItems(db, months, unitIds, now);
    case "samordning":
      return coordinationItems(db, months, unitIds);
    case "inskrivningsmeddelande":
      return referralLatenessItems(db, months, unitIds, now);
  }
}

async function groupedCells(db: Db, measure: MeasureId, months: readonly ComplianceMonth[], unitIds: readonly string[], now: Date): Promise<GroupedRow[]> {
  if (measure === "omsorgskontakt") return homeCareCells(db, months, unitIds);
  if (measure === "omprovning") return reviewCells(db, months, unitIds);
  if (measure === "inskrivningsmeddelande") return referralLatenessCells(db, months, unitIds, now);
  const counts = new Map<string, GroupedRow>();
  for (const item of await itemsOf(db, measure, months, unitIds, now)) {
    const key = `${item.month}|${item.unitId}`;
    const row = counts.get(key) ?? { month: item.month, unitId: item.unitId, numerator: 0, denominator: 0 };
    row.denominator = Number(row.denominator) + 1;
    row.numerator = Number(row.numerator) + (item.counted ? 1 : 0);
    counts.set(key, row);
  }
  return [...counts.values()];
}

export type MeasureOverview = MeasureDefinition & { series: UnitSeries[] };

/** Every measure that applies to any of the units, per unit and month (0/0 where nothing was due). */
export async function complianceOverview(db: Db, units: readonly ComplianceUnit[], now: Date) {
  const months = complianceMonths(now);
  const measures: MeasureOverview[] = [];
  for (const measure of MEASURES) {
    const unitIds = units.filter((u) => measureApplies(measure, u)).map((u) => u.id);
    if (unitIds.length === 0) {
      measures.push({ ...measure, series: [] });
      continue;
    }
    const rows = await groupedCells(db, measure.id, months, unitIds, now);
    const series = unitIds.map((unitId) => ({
      unitId,
      cells: Object.fromEntries(
        months.map((m) => {
          const row = rows.find((r) => r.unitId === unitId && r.month === m.key);
          return [m.key, { numerator: Number(row?.numerator ?? 0), denominator: Number(row?.denominator ?? 0) }];
        }),
      ),
    }));
    measures.push({ ...measure, series });
  }
  return { months, measures };
}

/** A month of the window named "YYYY-MM", or undefined for anything else. */
export function windowMonth(key: string, now: Date): ComplianceMonth | undefined {
  if (!isMonthKey(key)) return undefined;
  return complianceMonths(now).some((m) => m.key === key) ? complianceMonth(key, now) : undefined;
}

const patientSummary = { id: true, identifier: true, firstName: true, middleName: true, lastName: true, protectedIdentity: true } as const;

/** The patients behind one figure: the numerator first, then the rest of the denominator. */
export async function complianceList(db: Db, measure: MeasureId, unitId: string, month: ComplianceMonth, now: Date) {
  const items = await itemsOf(db, measure, [month], [unitId], now);
  const patients = await db.patient.findMany({ where: { id: { in: [...new Set(items.map((i) => i.patientId))] } }, select: patientSummary });
  const byId = new Map(patients.map((p) => [p.id, p]));
  const rows = items
    .map((item) => ({ ...item, patient: byId.get(item.patientId)! }))
    .sort((a, b) => Number(b.counted) - Number(a.counted) || bySurname(a.patient, b.patient));
  return { numerator: rows.filter((r) => r.counted).length, denominator: rows.length, rows };
}
