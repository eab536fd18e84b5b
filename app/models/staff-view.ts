// How a staff member's employment and qualifications read on the staff pages: pure code on
// rows already loaded, with "today" passed in (YYYY-MM-DD, Europe/Stockholm).
import { daysBetween } from "~/domain/dates";
import { LEGITIMATIONS, SPECIALTIES } from "~/domain/codes";
import { t } from "~/i18n";
import { reasonText } from "~/processes/reasons";
import { underskoterskaQualified, UNDERSKOTERSKA_TITLE_FROM, UNDERSKOTERSKA_TRANSITION_LAST_DAY } from "../../machines/rules";

/**
 * A leaver shows up on the unit's worklist this many days before the last day (issue 4 §1:
 * "staff leaving within 30 days who still hold assignments"); the staff pages use the same
 * window to say "slutar om N dagar" so the two never disagree.
 */
export const LEAVING_SOON_DAYS = 30;

export type EmploymentStatus =
  | { kind: "employed" }
  | { kind: "leaving"; lastDay: string; daysLeft: number; soon: boolean }
  | { kind: "left"; lastDay: string };

/** Employed until further notice, leaving on a known last day (soon or not), or already gone. */
export function employmentStatus(employmentEndDate: string | null, today: string): EmploymentStatus {
  if (employmentEndDate === null) return { kind: "employed" };
  if (employmentEndDate < today) return { kind: "left", lastDay: employmentEndDate };
  const daysLeft = daysBetween(today, employmentEndDate);
  return { kind: "leaving", lastDay: employmentEndDate, daysLeft, soon: daysLeft <= LEAVING_SOON_DAYS };
}

/** The status in words, so that colour is never the only signal (WCAG 1.4.1). */
export function employmentStatusText(status: EmploymentStatus): { text: string; warning: string | null } | null {
  if (status.kind === "employed") return null;
  if (status.kind === "left") return { text: t("staff.status.left", { date: status.lastDay }), warning: null };
  const warning = !status.soon
    ? null
    : status.daysLeft === 0
      ? t("staff.status.lastDayToday")
      : status.daysLeft === 1
        ? t("staff.status.leavingTomorrow")
        : t("staff.status.leavingInDays", { days: status.daysLeft });
  return { text: t("staff.status.leaving", { date: status.lastDay }), warning };
}

/** The latest first day among the employments: a last day of employment may not precede it. */
export function latestEmploymentStart(employments: readonly { from: string }[]): string | null {
  return employments.reduce<string | null>((latest, e) => (latest === null || e.from > latest ? e.from : latest), null);
}

type QualificationRow = {
  legitimations: string;
  underskoterskaBevis: boolean;
  permanentUnderskoterskaFrom: string | null;
  permanentUnderskoterskaOnTitleDay: boolean | null;
  employmentEndDate: string | null;
  specialties: { specialty: string; status: "SPECIALIST" | "IN_TRAINING" }[];
  employments: { careUnitId: string; from: string }[];
};

const label = (codes: Record<string, string>, code: string) => codes[code] ?? code;

export const legitimationCodes = (legitimations: string) =>
  legitimations
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean);

/**
 * Qualifications spelled out for the detail page, including whether the person may be a
 * fast omsorgskontakt under the undersköterska rule — asked of the rules module, never
 * re-derived here (SoL 3 kap. 3 d § and its transitional rule).
 */
export function qualificationDetails(staff: QualificationRow & { id: string }, today: string) {
  const legitimations = legitimationCodes(staff.legitimations);
  const underskoterskaReasons = underskoterskaQualified({ ...staff, legitimations }, today);
  const recorded = staff.permanentUnderskoterskaOnTitleDay !== null || staff.permanentUnderskoterskaFrom !== null;
  const underskoterska = staff.underskoterskaBevis
    ? t("staff.underskoterska.bevis")
    : !recorded
      ? null
      : underskoterskaReasons.length === 0
        ? t("staff.underskoterska.transition", { titleDay: UNDERSKOTERSKA_TITLE_FROM, lastDay: UNDERSKOTERSKA_TRANSITION_LAST_DAY })
        : [
            staff.permanentUnderskoterskaFrom ? t("staff.underskoterska.permanentFrom", { from: staff.permanentUnderskoterskaFrom }) : null,
            ...underskoterskaReasons.map(reasonText),
          ]
            .filter((part): part is string => part !== null)
            .join(" ");
  return {
    legitimations: legitimations.map((code) => label(LEGITIMATIONS, code)),
    specialist: staff.specialties.filter((s) => s.status === "SPECIALIST").map((s) => label(SPECIALTIES, s.specialty)),
    inTraining: staff.specialties.filter((s) => s.status === "IN_TRAINING").map((s) => label(SPECIALTIES, s.specialty)),
    underskoterska,
  };
}
