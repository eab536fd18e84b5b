// Calendar arithmetic. Calendar dates are "YYYY-MM-DD" strings in Swedish local time
// (schema convention); instants are Dates, shown and entered as Europe/Stockholm wall-clock time.
import { isoDateInStockholm } from "./identifiers";

export { isoDateInStockholm };

const DAY_MS = 86_400_000;

/** `date` ("YYYY-MM-DD") moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by whole months; the day is clamped to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const offsetFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Stockholm",
  timeZoneName: "longOffset",
});

/** Minutes Stockholm is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(instant: number): number {
  const name = offsetFormat.formatToParts(new Date(instant)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** The instant at which Stockholm clocks show `date` `time` ("HH:MM"). */
export function stockholmInstant(date: string, time = "00:00"): Date {
  const wallClock = Date.parse(`${date}T${time}:00Z`);
  let instant = wallClock - stockholmOffsetMinutes(wallClock) * 60_000;
  // Near a DST switch the first guess can use the wrong offset; one correction is enough.
  const corrected = wallClock - stockholmOffsetMinutes(instant) * 60_000;
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}


const timeOfDayFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "HH:MM" on Stockholm clocks at `instant`. */
export function stockholmTimeOfDay(instant: Date): string {
  return timeOfDayFormat.format(instant);
}

const clockFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export type ClockReading = { year: string; month: string; day: string; hour: string; minute: string; second: string };

/** What Stockholm clocks show at `instant`, to the second, zero-padded (year four digits, the rest two). */
export function stockholmClock(instant: Date): ClockReading {
  const parts = Object.fromEntries(clockFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** "YYYY-MM-DD HH:MM" on Stockholm clocks: how every page writes an instant. */
export const dateTimeInStockholm = (instant: Date) => `${isoDateInStockholm(instant)} ${stockholmTimeOfDay(instant)}`;

/** A real calendar date written "YYYY-MM-DD" (not 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}
