// Dates that can be true: one table of plausibility rules for every date a user enters
// (the issue "The law, round two": "Dates that cannot be true"; docs/decisions/021).
//
// A date is one of three kinds:
// - happened: something that has taken place (received, visited, informed, sent, called,
//   accepted …) — not in the future, not before the patient was born, not before the case
//   was opened (where it belongs to a case that is already open);
// - planned: something ahead (an expected discharge, a SIP meeting, a review) — from today
//   (or tomorrow) up to a horizon that makes sense for it;
// - employment: a staff member's employment dates — within a working life.
// Ordered pairs of fields keep their order (admission ≤ expected discharge, call ≤ SIP
// meeting, start ≤ end of employment; consent ≤ the appointment, which is made today).
//
// Pure: "today" (the Swedish local date), "now" (the instant), the patient's birth date and
// the case's opening day are passed in. The executor applies it with fresh facts before a
// machine sees an event (app/processes/dispatch.server.ts); the staff and turnover forms apply
// it too. A new date field is registered with one line in DATE_FIELDS.
import { addDays, stockholmInstant } from "~/domain/dates";
import type { IsoDate, Reason } from "./rules";

export type DateReasonCode =
  | "dateInFuture"
  | "timeInFuture"
  | "dateBeforeBirth"
  | "dateBeforeCaseOpened"
  | "dateBeforeToday"
  | "dateNotAfterToday"
  | "dateBeyondHorizon"
  | "dateBeforeWorkingLife"
  | "dateBeyondWorkingLife"
  | "dischargeBeforeAdmission"
  | "sipBeforeCall"
  | "endBeforeStart";

/** What the rules know besides the entered values. */
export type DateFacts = {
  /** The Swedish local date of the step ("YYYY-MM-DD", Europe/Stockholm). */
  today: IsoDate;
  /** The instant of the step (ISO 8601): an instant entered (admission, readiness) is judged against it. */
  now: string;
  /** The patient's birth date, where the form is about a patient. */
  birthDate: IsoDate | null;
  /** The Swedish local day the case was opened; null while the case is being opened. */
  caseOpenedOn: IsoDate | null;
};

// ───────────────────────────── Horizons ────────────────────────────────────────────
// Chosen where the seed is silent; the reasons are in docs/decisions/021.

/**
 * An expected discharge date: at most a year ahead. Lag (2017:612) plans for the discharge
 * of a somatic or psychiatric inpatient; a stay beyond a year is not something a ward
 * "expects" a date for, and a typo in the year (2062 for 2026) is caught.
 */
export const EXPECTED_DISCHARGE_HORIZON_DAYS = 365;
/**
 * A SIP meeting: at most 90 days ahead. Lag (2017:612) 4 kap. 3 § asks the fast vårdkontakt
 * to call to the meeting within three days of the readiness notice so that it is held soon;
 * a meeting a quarter away is already the far end of "soon".
 */
export const SIP_HORIZON_DAYS = 90;
/**
 * A review date: at most three years ahead. Seed §3.3: the need "bör omprövas regelbundet";
 * the region's routine reviews yearly (the demo uses 12–24 months); three years leaves room
 * for a stable long-term contact and catches a mistyped year.
 */
export const REVIEW_HORIZON_DAYS = 3 * 365;
/**
 * A working life: an employment date lies at most 55 years back (from age 16, the end of
 * compulsory school, to 71: LAS 32 a § lets an employee stay until 69, and some stay longer on
 * new terms) and at most a year ahead (a hire or a last day planned ahead, e.g. notice periods
 * of up to 12 months, LAS 11 §).
 */
export const WORKING_LIFE_YEARS = 55;
export const EMPLOYMENT_PLANNED_HORIZON_DAYS = 366;

// ───────────────────────────── The table ───────────────────────────────────────────

export type DateKind =
  | { kind: "happened"; sinceCaseOpened: boolean }
  | { kind: "planned"; earliest: "today" | "tomorrow"; horizonDays: number; tooEarly?: "reviewDateNotAhead" }
  | { kind: "employment" };

/** Happened during the case: bounded by the case's opening day (when the case is already open). */
const HAPPENED: DateKind = { kind: "happened", sinceCaseOpened: true };
const planned = (horizonDays: number, earliest: "today" | "tomorrow" = "today"): DateKind => ({ kind: "planned", earliest, horizonDays });
/** A review date: from tomorrow (rules.reviewDateRules), with the review rule's own message. */
const REVIEW_DATE: DateKind = { kind: "planned", earliest: "tomorrow", horizonDays: REVIEW_HORIZON_DAYS, tooEarly: "reviewDateNotAhead" };
const EMPLOYMENT: DateKind = { kind: "employment" };

/**
 * Every user-entered date, by the name of its form field. The same name means the same kind
 * in every form (expectedDischargeDate is planned wherever it is entered).
 */
export const DATE_FIELDS: Readonly<Record<string, DateKind>> = {
  // Events of the processes (app/processes/event-input.ts)
  receivedOn: HAPPENED,
  visitDate: HAPPENED,
  informedOn: HAPPENED,
  declinedOn: HAPPENED,
  acceptedOn: HAPPENED,
  offeredOn: HAPPENED,
  patientNotifiedOn: HAPPENED,
  relativeNotifiedOn: HAPPENED,
  calledOn: HAPPENED,
  admittedAt: HAPPENED,
  readyAt: HAPPENED,
  // Consent may have been given before this case was opened (at an earlier visit).
  coordinationConsentDate: { kind: "happened", sinceCaseOpened: false },
  expectedDischargeDate: planned(EXPECTED_DISCHARGE_HORIZON_DAYS),
  sipDate: planned(SIP_HORIZON_DAYS),
  // A review date lies ahead (seed §3.3, rules.reviewDateRules): from tomorrow.
  reviewDueDate: REVIEW_DATE,
  nextReviewDate: REVIEW_DATE,
  // The staff register (app/forms/staff.ts)
  employmentFrom: EMPLOYMENT,
  employmentEndDate: EMPLOYMENT,
  permanentUnderskoterskaFrom: EMPLOYMENT,
};

/** Pairs that keep their order: `later` is not before `earlier`. Reported on the later field. */
export type OrderedPair = { earlier: string; later: string; code: DateReasonCode };

/**
 * Consent before the appointment (seed §3.3.2) needs no pair: the appointment is made on the
 * day of the step, and the consent is a happened date, so it is never after that day.
 */
export const ORDERED_PAIRS: readonly OrderedPair[] = [
  { earlier: "admittedAt", later: "expectedDischargeDate", code: "dischargeBeforeAdmission" },
  { earlier: "calledOn", later: "sipDate", code: "sipBeforeCall" },
  { earlier: "employmentFrom", later: "employmentEndDate", code: "endBeforeStart" },
];

// ───────────────────────────── The rules ───────────────────────────────────────────

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** A form value as a day (and, for "YYYY-MM-DDTHH:MM" in Stockholm time, an instant); null if it is neither. */
function readValue(value: unknown): { date: IsoDate; instant: number | null } | null {
  if (typeof value !== "string") return null;
  const v = value.trim();
  if (DATE.test(v)) return { date: v, instant: null };
  const m = LOCAL_INSTANT.exec(v);
  if (m) return { date: m[1], instant: stockholmInstant(m[1], m[2]).getTime() };
  return null;
}

/** The same day `years` years earlier; 29 February becomes the 28th when that year has none. */
const yearsBack = (date: IsoDate, years: number): IsoDate => `${String(Number(date.slice(0, 4)) - years).padStart(4, "0")}${date.slice(4)}`.replace(/-02-29$/, "-02-28");

/** The first day a planned date may fall on, and the last. */
export function plannedWindow(kind: Extract<DateKind, { kind: "planned" }>, today: IsoDate): { first: IsoDate; last: IsoDate } {
  return { first: kind.earliest === "today" ? today : addDays(today, 1), last: addDays(today, kind.horizonDays) };
}

/** The first and last day of a working life as seen today. */
export function workingLifeWindow(today: IsoDate): { first: IsoDate; last: IsoDate } {
  return { first: yearsBack(today, WORKING_LIFE_YEARS), last: addDays(today, EMPLOYMENT_PLANNED_HORIZON_DAYS) };
}

/** The reasons one date of one kind cannot be true, given the facts. */
export function dateRules(kind: DateKind, value: { date: IsoDate; instant: number | null }, facts: DateFacts): Reason[] {
  const { date, instant } = value;
  switch (kind.kind) {
    case "happened": {
      if (instant !== null ? instant > Date.parse(facts.now) : date > facts.today) {
        return [{ code: instant !== null ? "timeInFuture" : "dateInFuture" }];
      }
      if (facts.birthDate !== null && date < facts.birthDate) return [{ code: "dateBeforeBirth", params: { date: facts.birthDate } }];
      if (kind.sinceCaseOpened && facts.caseOpenedOn !== null && date < facts.caseOpenedOn) {
        return [{ code: "dateBeforeCaseOpened", params: { date: facts.caseOpenedOn } }];
      }
      return [];
    }
    case "planned": {
      const { first, last } = plannedWindow(kind, facts.today);
      if (date < first) return [{ code: kind.tooEarly ?? (kind.earliest === "today" ? "dateBeforeToday" : "dateNotAfterToday") }];
      if (date > last) return [{ code: "dateBeyondHorizon", params: { date: last } }];
      return [];
    }
    case "employment": {
      const { first, last } = workingLifeWindow(facts.today);
      if (date < first) return [{ code: "dateBeforeWorkingLife", params: { date: first } }];
      if (date > last) return [{ code: "dateBeyondWorkingLife", params: { date: last } }];
      return [];
    }
  }
}

/** Field name → the reasons its date cannot be true. Only fields with a reason are present. */
export type DateProblems = Record<string, Reason[]>;

/**
 * Judges every registered date among `values` (form values by field name: "YYYY-MM-DD", or
 * "YYYY-MM-DDTHH:MM" in Stockholm time; empty and unknown fields are skipped — the form's own
 * schema says whether they are required and well formed), then the ordered pairs. A pair is
 * reported on its later field, and only where that field has no other problem.
 */
export function datePlausibility(
  values: Readonly<Record<string, unknown>>,
  facts: DateFacts,
  fields: Readonly<Record<string, DateKind>> = DATE_FIELDS,
  pairs: readonly OrderedPair[] = ORDERED_PAIRS,
): DateProblems {
  const problems: DateProblems = {};
  const read = new Map<string, { date: IsoDate; instant: number | null }>();
  for (const [name, kind] of Object.entries(fields)) {
    const value = readValue(values[name]);
    if (!value) continue;
    read.set(name, value);
    const reasons = dateRules(kind, value, facts);
    if (reasons.length > 0) problems[name] = reasons;
  }
  for (const pair of pairs) {
    const earlier = read.get(pair.earlier);
    const later = read.get(pair.later);
    if (!earlier || !later || problems[pair.later]) continue;
    if (later.date < earlier.date) problems[pair.later] = [{ code: pair.code, params: { date: earlier.date } }];
  }
  return problems;
}
