// Calendar arithmetic for the demo data (the functions live in app/domain/dates.ts).

export { addDays, addMonths, daysBetween, stockholmInstant } from "~/domain/dates";

/**
 * Ages that choose cohorts (who is a child, who gets hemtjänst …) are taken on this fixed
 * date, not on `today`: a second run on a later day then picks exactly the same patients for
 * the same deterministic ids, so it never collides with the rows of the first run. Only the
 * dates move with `today`.
 */
export const COHORT_REFERENCE_DATE = "2026-11-25";
