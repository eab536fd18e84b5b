// The start page: what the signed-in user's unit must do next, in the sections the user's
// permissions let them act on, the most urgent first. It composes the worklist queries
// (worklist.server.ts) — one query per section kind, run together, never one per row — and
// logs every patient it shows in one access-log call (HSLF-FS 2016:40 4 kap. 9 §).
import { actorRef, type Actor } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import type { Db } from "~/db.server";
import { addDays, dateTimeInStockholm, daysBetween, isoDateInStockholm, stockholmInstant } from "~/domain/dates";
import { can, type Grant, type Permission } from "~/domain/permissions";
import { t, type MessageKey } from "~/i18n";
import { eventLabel, labelOf, processLabel, stateLabel } from "~/processes/labels";
import { APPOINT_PERMISSION, type CaseContext } from "../../machines/common";
import { LEAVING_SOON_DAYS } from "~/models/staff-view";
import { acceptedEvents, isProcessCode, PROCESS_CODES, PROCESSES, restoreSnapshot, type ProcessCode, type ProcessDefinition } from "../../machines/index";
import { HOME_CARE_UNIT_KINDS } from "../../machines/rules";
import { fullName, patientRef, type PatientRef } from "./contact-view";
import { homeCareWithoutContact, leaversWithAssignments, notificationsDue, openCases, overdueCases, reviewsDue } from "./worklist.server";

/** Reviews show this many days ahead, so that they can be planned before they fall due. */
export const REVIEW_HORIZON_DAYS = 14;

/** The sections in the order they appear; the ids are the values of the section filter. */
export const SECTION_IDS = ["utse", "arenden", "lakare", "meddela", "omprovning", "hemtjanst", "slutar", "forsenat"] as const;
export type SectionId = (typeof SECTION_IDS)[number];

const isSectionId = (value: string): value is SectionId => (SECTION_IDS as readonly string[]).includes(value);

/** The steps that appoint a contact or take in the request for one (a received inskrivningsmeddelande). */
const APPOINTMENT_STEPS = ["APPOINT", "RECEIVE_REFERRAL", "CONFIRM_EXISTING_CONTACT"];
/** Closing a case without its main step: offered on the case page, never listed as work. */
const CLOSING_STEPS = ["CANCEL", "CLOSE_REQUEST"];
/** Ways out of the main path: offered as the next action only when nothing else is. */
const SIDE_STEPS = ["PATIENT_DECLINED", "CONFIRM_EXISTING_CONTACT", "UPDATE_DISCHARGE_DATE"];

/** Who the worklist is for: the acting user in their active unit and role (an Actor). */
export type WorklistViewer = Pick<Actor, "userId" | "requestId" | "grant" | "unit" | "choices">;

/**
 * The sections a user sees: those whose next steps their permissions allow, in the active
 * unit. Decided by permission, not by role name, so a delegation or a changed role table
 * moves the sections with it.
 */
export function sectionsFor(viewer: Pick<Actor, "grant" | "unit">): SectionId[] {
  const g = viewer.grant;
  const anyOf = (permissions: readonly Permission[]) => permissions.some((p) => can(g, p));
  const shown: Record<SectionId, boolean> = {
    utse: anyOf([...Object.values(APPOINT_PERMISSION), "referral:receive"]),
    arenden: can(g, "case:document"),
    // A läkare sees the cases that need one: life-threatening conditions and fast läkarkontakt.
    lakare: can(g, "assess:life-threatening"),
    meddela: can(g, "notification:record"),
    // Whoever may end an assignment decides its review (ENDING: END needs assignment:end).
    omprovning: can(g, "assignment:end"),
    // SoL 4 kap. 2 b §: offered by the home-care unit (OFFER_CONTACT needs case:start).
    hemtjanst: can(g, "case:start") && (HOME_CARE_UNIT_KINDS as readonly string[]).includes(viewer.unit.kind),
    slutar: anyOf(["turnover:reassign", "assignment:end"]),
    forsenat: can(g, "compliance:read"),
  };
  return SECTION_IDS.filter((id) => shown[id]);
}

export type WorklistFilter = { section: SectionId | null; process: ProcessCode | null; overdueOnly: boolean };

/** The GET form's fields; anything unknown means "no filter" rather than an error page. */
export function parseWorklistFilter(params: URLSearchParams): WorklistFilter {
  const section = params.get("avsnitt") ?? "";
  const process = params.get("process") ?? "";
  return {
    section: isSectionId(section) ? section : null,
    process: isProcessCode(process) ? process : null,
    overdueOnly: params.get("forsenade") === "1",
  };
}

export type { PatientRef } from "./contact-view";

/** A deadline as shown: what it is for, when, and how near or late in words. */
export type Due = { label: string | null; when: string | null; text: string; overdue: boolean };

export type CaseRow = {
  kind: "case";
  id: string;
  patient: PatientRef;
  process: string;
  step: string;
  nextAction: string | null;
  /** The next action is someone else's (another role or unit): shown, not offered. */
  othersStep: boolean;
  due: Due;
  unit: string | null;
  /** In the active unit: the patient and case pages open only there (PDL 4 kap. 1 §). */
  ownUnit: boolean;
};
export type NotificationRow = {
  kind: "notification";
  id: string;
  patient: PatientRef;
  process: string | null;
  caseId: string | null;
  recipient: string;
  since: string;
};
export type ReviewRow = {
  kind: "review";
  id: string;
  patient: PatientRef;
  contact: string;
  staff: { id: string; name: string };
  due: Due;
  unit: string | null;
  ownUnit: boolean;
};
export type HomeCareRow = { kind: "homeCare"; id: string; patient: PatientRef; since: string; waiting: string };
export type LeaverRow = { kind: "leaver"; id: string; name: string; lastDay: string; due: Due; activeAssignments: number };
export type WorklistRow = CaseRow | NotificationRow | ReviewRow | HomeCareRow | LeaverRow;

export type WorklistSection = {
  id: SectionId;
  title: string;
  intro: string;
  count: number;
  overdue: number;
  /** Several units in one list (an administrator's overview): each row names its unit. */
  showUnit: boolean;
  rows: WorklistRow[];
};

export type WorklistPage = {
  /** The sections shown, after the filter; each with its rows, most urgent first. */
  sections: WorklistSection[];
  /** Every section the user can act on, with counts under the process and overdue filters. */
  summary: { id: SectionId; title: string; count: number; overdue: number }[];
  total: number;
  overdueTotal: number;
  filter: WorklistFilter;
  filtered: boolean;
  processOptions: { value: ProcessCode; label: string }[];
  /** Names of the units the overview sections cover, when there are several. */
  overviewUnits: string[] | null;
};

/** A row with what it is sorted by: the deadline (null: none), then how long it has waited. */
type Ranked = { row: WorklistRow; section: SectionId; processCode: string | null; overdue: boolean; deadline: number | null; since: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const plural = (n: number, one: MessageKey, many: MessageKey) => (n === 1 ? t(one) : t(many, { count: n }));


/** A deadline at an instant (lag 2017:612's hours and days): late or near in days, or in hours within a day. */
function dueAt(at: Date | null, kind: string | null, now: Date): Due {
  if (!at) return { label: null, when: null, text: t("worklist.deadline.none"), overdue: false };
  const when = dateTimeInStockholm(at);
  // A column of its own, so shorter names than the case page's (worklist catalog).
  const kindLabel = kind ? labelOf(`worklist.deadline.${kind}`, kind) : null;
  const diff = at.getTime() - now.getTime();
  if (diff <= 0) {
    const late = -diff;
    const text =
      late >= DAY_MS
        ? plural(Math.floor(late / DAY_MS), "worklist.due.overdueDay", "worklist.due.overdueDays")
        : plural(Math.max(1, Math.floor(late / HOUR_MS)), "worklist.due.overdueHour", "worklist.due.overdueHours");
    return { label: kindLabel, when, text, overdue: true };
  }
  const text =
    diff >= DAY_MS
      ? plural(Math.floor(diff / DAY_MS), "worklist.due.inDay", "worklist.due.inDays")
      : diff < HOUR_MS
        ? t("worklist.due.inHour")
        : t("worklist.due.inHours", { count: Math.floor(diff / HOUR_MS) });
  return { label: kindLabel, when, text, overdue: false };
}

/** A date that falls due on its calendar day and is overdue from the next, in the words `past` and `today` give. */
function dateDue(date: string, today: string, past: [one: MessageKey, many: MessageKey], todayKey: MessageKey): Due {
  const days = daysBetween(today, date);
  const text = days < 0 ? plural(-days, ...past) : days === 0 ? t(todayKey) : plural(days, "worklist.due.inDay", "worklist.due.inDays");
  return { label: null, when: date, text, overdue: days < 0 };
}

/** A review date: due on that calendar day, overdue from the next. */
const reviewDue = (date: string, today: string) => dateDue(date, today, ["worklist.due.overdueDay", "worklist.due.overdueDays"], "worklist.due.today");

/** A last day of employment: overdue once it has passed with contacts still held. */
const lastDayDue = (date: string, today: string) => dateDue(date, today, ["worklist.due.leftDay", "worklist.due.leftDays"], "worklist.due.lastDayToday");

/** End of a calendar day in Stockholm: when a date deadline becomes overdue, for sorting. */
const endOfDay = (date: string) => stockholmInstant(addDays(date, 1)).getTime();

/**
 * The events a case accepts now (cancelling aside: never the next thing to do) and those of
 * them this user may send — the same permission-and-unit check the executor makes.
 */
function nextSteps(c: { processCode: string; machineVersion: number; snapshot: string }, grant: Grant) {
  if (!isProcessCode(c.processCode)) return { accepted: [], mine: [] };
  const definition = PROCESSES[c.processCode];
  let context: CaseContext;
  let accepted: string[];
  try {
    const snapshot = restoreSnapshot(definition, c.machineVersion, c.snapshot);
    context = snapshot.context;
    accepted = acceptedEvents(snapshot)
      // Ways to close a case without its main step are not work waiting for anyone.
      .filter((type) => !CLOSING_STEPS.includes(type))
      .sort((a, b) => Number(SIDE_STEPS.includes(a)) - Number(SIDE_STEPS.includes(b)));
  } catch {
    // A snapshot of a version this code cannot read: listed without a next step (the case page explains).
    return { accepted: [], mine: [] };
  }
  return { accepted, mine: accepted.filter((type) => maySend(definition, context, type, grant)) };
}

function maySend(definition: ProcessDefinition, context: CaseContext, type: string, grant: Grant): boolean {
  const policy = definition.policy[type];
  if (!policy) return false;
  const unitId = policy.unit?.(context) ?? context.unitId;
  return unitId === grant.careUnitId && policy.permissions(context).some((p) => can(grant, p));
}

/** The units of the overview sections: every unit where the user holds the active role. */
function overviewUnits(viewer: WorklistViewer) {
  const same = viewer.choices.filter((c) => c.roleCode === viewer.grant.roleCode);
  const units = same.length > 0 ? same.map((c) => ({ id: c.careUnitId, name: c.unitName })) : [{ id: viewer.unit.id, name: viewer.unit.name }];
  return units;
}

/**
 * The worklist of the user's active unit: the sections they may act on, filtered and sorted,
 * with counts; every patient on it is access-logged as "worklist.view".
 */
export async function loadWorklist(db: Db, actor: WorklistViewer, filter: WorklistFilter, now: Date): Promise<WorklistPage> {
  const today = isoDateInStockholm(now);
  const visible = sectionsFor(actor);
  const shown = new Set<SectionId>(visible);
  const units = overviewUnits(actor);
  const unitIds = units.map((u) => u.id);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const several = units.length > 1;
  const unitId = actor.unit.id;

  const none = Promise.resolve([] as never[]);
  const [cases, notifications, reviews, homeCare, leavers, overdue] = await Promise.all([
    shown.has("utse") || shown.has("arenden") || shown.has("lakare") ? openCases(db, unitId, now) : none,
    shown.has("meddela") ? notificationsDue(db, unitId) : none,
    shown.has("omprovning") || shown.has("forsenat")
      ? reviewsDue(db, shown.has("forsenat") ? unitIds : [unitId], today, shown.has("omprovning") ? REVIEW_HORIZON_DAYS : 0)
      : none,
    shown.has("hemtjanst") ? homeCareWithoutContact(db, unitId, today, { withoutOpenCase: true }) : none,
    shown.has("slutar") ? leaversWithAssignments(db, unitIds, today, LEAVING_SOON_DAYS) : none,
    shown.has("forsenat") ? overdueCases(db, unitIds, now) : none,
  ]);

  const ranked: Ranked[] = [];
  // Cases the user already finds in a section of their own: the overview leaves them out.
  const listedCases = new Set<string>();
  const notifiedCases = new Set(notifications.map((n) => n.caseId).filter((id): id is string => id !== null));

  for (const c of cases) {
    const steps = nextSteps(c, actor.grant);
    let section: SectionId | null = null;
    if (shown.has("utse") && steps.mine.some((type) => APPOINTMENT_STEPS.includes(type))) section = "utse";
    else if (steps.accepted.includes("NOTIFY") && notifiedCases.has(c.id)) {
      // Its queued notices stand for it in "meddela", one row per person to be told.
      listedCases.add(c.id);
      continue;
    } else if (shown.has("arenden") && steps.mine.length > 0) section = "arenden";
    else if (shown.has("lakare") && (c.processCode === "LIFE_THREATENING" || c.contactKind === "FAST_LAKARKONTAKT")) section = "lakare";
    if (!section) continue;
    listedCases.add(c.id);
    const next = steps.mine[0] ?? steps.accepted[0] ?? null;
    const othersStep = next !== null && steps.mine.length === 0;
    const due = dueAt(c.deadlineAt, c.deadlineKind, now);
    ranked.push({
      section,
      processCode: c.processCode,
      overdue: due.overdue,
      deadline: c.deadlineAt?.getTime() ?? null,
      since: c.openedAt.getTime(),
      row: {
        kind: "case",
        id: c.id,
        patient: patientRef(c.patient),
        process: processLabel(c.processCode),
        step: stateLabel(c.state),
        nextAction: next ? eventLabel(next) : null,
        othersStep,
        due,
        unit: null,
        ownUnit: true,
      },
    });
  }

  for (const n of notifications) {
    ranked.push({
      section: "meddela",
      processCode: n.case?.processCode ?? null,
      overdue: false,
      deadline: null,
      since: n.createdAt.getTime(),
      row: {
        kind: "notification",
        id: n.id,
        patient: patientRef(n.patient),
        process: n.case ? processLabel(n.case.processCode) : null,
        caseId: n.caseId,
        recipient: t(`worklist.recipient.${n.recipient}`),
        since: isoDateInStockholm(n.createdAt),
      },
    });
  }

  for (const r of reviews) {
    const due = reviewDue(r.reviewDueDate!, today);
    const own = r.careUnitId === unitId && shown.has("omprovning");
    // Other units' reviews, and the unit's own when the user cannot review, count only once overdue.
    if (!own && !(shown.has("forsenat") && due.overdue)) continue;
    const contactKind = t(`contactKind.${r.kind}`);
    ranked.push({
      section: own ? "omprovning" : "forsenat",
      processCode: "ENDING",
      overdue: due.overdue,
      deadline: endOfDay(r.reviewDueDate!),
      since: endOfDay(r.reviewDueDate!),
      row: {
        kind: "review",
        id: r.id,
        patient: patientRef(r.patient),
        contact: own ? contactKind : t("worklist.review.what", { kind: contactKind }),
        staff: { id: r.staffMember.id, name: fullName(r.staffMember) },
        due,
        unit: several ? (unitName.get(r.careUnitId) ?? null) : null,
        ownUnit: r.careUnitId === unitId,
      },
    });
  }

  for (const c of overdue) {
    if (listedCases.has(c.id)) continue;
    const due = dueAt(c.deadlineAt, c.deadlineKind, now);
    ranked.push({
      section: "forsenat",
      processCode: c.processCode,
      overdue: true,
      deadline: c.deadlineAt?.getTime() ?? null,
      since: c.openedAt.getTime(),
      row: {
        kind: "case",
        id: c.id,
        patient: patientRef(c.patient),
        process: processLabel(c.processCode),
        step: stateLabel(c.state),
        nextAction: null,
        othersStep: true,
        due,
        unit: several ? (unitName.get(c.careUnitId) ?? null) : null,
        ownUnit: c.careUnitId === unitId,
      },
    });
  }

  for (const h of homeCare) {
    const waited = daysBetween(h.from, today);
    ranked.push({
      section: "hemtjanst",
      processCode: "HOME_CARE_CONTACT",
      overdue: false,
      deadline: null,
      since: Date.parse(`${h.from}T00:00:00Z`),
      row: {
        kind: "homeCare",
        id: h.id,
        patient: patientRef(h.patient),
        since: h.from,
        waiting: waited <= 0 ? t("worklist.homeCare.waitingToday") : plural(waited, "worklist.homeCare.waitingOne", "worklist.homeCare.waiting"),
      },
    });
  }

  for (const s of leavers) {
    const due = lastDayDue(s.employmentEndDate!, today);
    ranked.push({
      section: "slutar",
      // Their contacts move to someone else through a change (PL 6 kap. 2 §).
      processCode: "CHANGE",
      overdue: due.overdue,
      deadline: endOfDay(s.employmentEndDate!),
      since: 0,
      row: { kind: "leaver", id: s.id, name: fullName(s), lastDay: s.employmentEndDate!, due, activeAssignments: s.activeAssignments },
    });
  }

  // Overdue first (the earliest deadline is the most late), then the nearest deadline, then
  // those without one, the longest waiting first.
  ranked.sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || a.since - b.since);

  const matches = (r: Ranked) => (!filter.process || r.processCode === filter.process) && (!filter.overdueOnly || r.overdue);
  const kept = ranked.filter(matches);
  const sectionOf = (id: SectionId) => {
    const rows = kept.filter((r) => r.section === id);
    return { id, title: t(`worklist.section.${id}`), count: rows.length, overdue: rows.filter((r) => r.overdue).length, rows };
  };
  const summary = visible.map(sectionOf);
  const section = filter.section && shown.has(filter.section) ? filter.section : null;
  const sections = summary
    .filter((s) => !section || s.id === section)
    .map(({ rows, ...s }) => ({
      ...s,
      intro: t(`worklist.section.${s.id}.intro`, { days: s.id === "slutar" ? LEAVING_SOON_DAYS : REVIEW_HORIZON_DAYS }),
      showUnit: several && s.id === "forsenat",
      rows: rows.map((r) => r.row),
    }));

  const patientIds = new Set<string>();
  for (const s of sections) for (const row of s.rows) if ("patient" in row) patientIds.add(row.patient.id);
  await logAccess(db, actorRef(actor), now, [...patientIds], "worklist.view");

  return {
    sections,
    summary: summary.map(({ rows: _rows, ...s }) => s),
    total: summary.reduce((n, s) => n + s.count, 0),
    overdueTotal: summary.reduce((n, s) => n + s.overdue, 0),
    filter: { ...filter, section },
    filtered: Boolean(section || filter.process || filter.overdueOnly),
    processOptions: PROCESS_CODES.map((code) => ({ value: code, label: t(`process.${code}`) })),
    overviewUnits: several && (shown.has("slutar") || shown.has("forsenat")) ? units.map((u) => u.name) : null,
  };
}
