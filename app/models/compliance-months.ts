// The calendar months the compliance overview covers: the current month so far and the twelve
// before it, as Europe/Stockholm months (schema convention, docs/decisions/002-data-model.md).
// Pure: "now" comes in, so tests can stand on a month edge.
import { addDays, addMonths, isoDateInStockholm, stockholmInstant } from "~/domain/dates";

/** A month "YYYY-MM" and the instants and dates its measures are taken at. */
export type ComplianceMonth = {
  key: string;
  /** First day of the month, "YYYY-MM-01". */
  first: string;
  /** The day a month-end snapshot is taken on: the month's last day, or today for the current month. */
  refDate: string;
  /** The first instant of the month on Stockholm clocks. */
  start: Date;
  /**
   * The instant a month-end snapshot is taken at: the last millisecond of the month on
   * Stockholm clocks (so a contact ended at 00:00 on the 1st was still active), or now.
   */
  refAt: Date;
  /** The current month: its figures are "so far". */
  current: boolean;
};

export const MONTHS_BACK = 12;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

/** The month `key` as seen at `now` (the current month ends now, not at its last day). */
export function complianceMonth(key: string, now: Date): ComplianceMonth {
  const today = isoDateInStockholm(now);
  const first = `${key}-01`;
  const nextFirst = addMonths(first, 1);
  const current = today.slice(0, 7) === key;
  return {
    key,
    first,
    refDate: current ? today : addDays(nextFirst, -1),
    start: stockholmInstant(first),
    refAt: current ? now : new Date(stockholmInstant(nextFirst).getTime() - 1),
    current,
  };
}

/** The twelve months before the current one and the current month so far, oldest first. */
export function complianceMonths(now: Date): ComplianceMonth[] {
  const thisMonth = `${isoDateInStockholm(now).slice(0, 7)}-01`;
  return Array.from({ length: MONTHS_BACK + 1 }, (_, i) => complianceMonth(addMonths(thisMonth, i - MONTHS_BACK).slice(0, 7), now));
}

/** The month (of the window) whose Stockholm calendar holds `instant`, if any. */
export function monthOfInstant(months: readonly ComplianceMonth[], instant: Date): ComplianceMonth | undefined {
  const key = isoDateInStockholm(instant).slice(0, 7);
  return months.find((m) => m.key === key);
}
