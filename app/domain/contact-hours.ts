// Contact times as staff write them ("Vardagar 08.00–16.30", "Dygnet runt") read into
// structured opening hours, for outputs that carry hours as data: GetCareManagers'
// HoursOfServiceType (weekDay + time HHmmss). (FHIR sends the team's text as a note: decision 012.)
// Seed §6.3.2: a contact time belongs to one contact way. The text stays the source: what
// this parser cannot read completely gives no hours at all (an empty list), never a guess —
// a consumer showing "Monday–Friday" for "Vardagar 07–15.30, varannan helg" would mislead.
// Pure: no clock, no locale beyond the Swedish words below.

/** Day names of the RIV enums (WeekDaysEnum) and of FHIR's daysOfWeek, Monday first. */
export type WeekDay = "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday";

export const WEEK: readonly WeekDay[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** One period of the week: these days, between start and end ("HHmmss", Stockholm wall clock). */
export type ServiceHours = { weekDays: WeekDay[]; start: string; end: string };

const DAY_WORDS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"] as const;

/** Words for sets of days. Public holidays ("helgdagar", "röda dagar") cannot be expressed: not read. */
const DAY_SETS: Record<string, WeekDay[]> = {
  vardagar: WEEK.slice(0, 5),
  "alla dagar": [...WEEK],
  dagligen: [...WEEK],
  helger: WEEK.slice(5),
};

/** Prefixes that say what the hours are for without changing them ("Ärenden besvaras vardagar 08–16"). */
const LEADS = ["ärenden besvaras "];

// "08", "8", "08.00", "08:00"; the end of a day may be written 24 or 24.00.
const TIME = String.raw`(\d{1,2})(?:[.:](\d{2}))?`;
const RANGE = String.raw`${TIME}-${TIME}`;
const DAY = String.raw`(?:${DAY_WORDS.join("|")})(?:ar)?`;
const DAYS = String.raw`(?:${Object.keys(DAY_SETS).join("|")}|${DAY}(?:-${DAY})?)`;

const CLAUSE = new RegExp(String.raw`^(${DAYS})(?: (dygnet runt|${RANGE}(?: och ${RANGE})*))$`);
const LUNCH = new RegExp(String.raw`^lunchstängt (${RANGE})$`);
const RANGE_GLOBAL = new RegExp(RANGE, "g");

/** TimeType (HHmmss) has no 24:00: the day's last second stands for "until midnight". */
const END_OF_DAY = "235959";

type Minutes = { from: number; to: number };
const WHOLE_DAY: Minutes = { from: 0, to: 24 * 60 };

/** Reads the whole text or nothing: unreadable text, or any unreadable part of it, gives []. */
export function parseContactHours(text: string | null | undefined): ServiceHours[] {
  if (!text) return [];
  let normalized = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-") // en dash, em dash, minus sign → hyphen
    .replace(/\s*-\s*/g, "-")
    .replace(/\s*,\s*/g, ", ")
    .replace(/\s+/g, " ")
    .replace(/\.$/, "")
    .trim();
  const lead = LEADS.find((l) => normalized.startsWith(l));
  if (lead) normalized = normalized.slice(lead.length);

  const periods: { days: WeekDay[]; ranges: Minutes[] }[] = [];
  for (const clause of normalized.split(", ")) {
    if (clause === "dygnet runt") {
      periods.push({ days: [...WEEK], ranges: [WHOLE_DAY] });
      continue;
    }
    const lunch = LUNCH.exec(clause);
    if (lunch) {
      // "lunchstängt 12–13" closes a gap in the clause before it.
      const last = periods.at(-1);
      const closed = ranges(lunch[1]);
      const remaining = last && closed && withGap(last.ranges, closed[0]);
      if (!remaining) return [];
      last.ranges = remaining;
      continue;
    }
    const match = CLAUSE.exec(clause);
    const days = match && daysOf(match[1]);
    if (!match || !days) return [];
    const read = match[2] === "dygnet runt" ? [WHOLE_DAY] : ranges(match[2]);
    if (!read) return [];
    periods.push({ days, ranges: read });
  }
  return periods.flatMap(({ days, ranges }) => ranges.map((r) => ({ weekDays: days, start: hhmmss(r.from), end: hhmmss(r.to) })));
}

function daysOf(words: string): WeekDay[] | null {
  if (DAY_SETS[words]) return [...DAY_SETS[words]];
  const [first, last = first] = words.split("-").map(dayIndex);
  if (first < 0 || last < 0) return null;
  // "fredag–måndag" runs over the weekend.
  const count = ((last - first + 7) % 7) + 1;
  return Array.from({ length: count }, (_, i) => WEEK[(first + i) % 7]);
}

const dayIndex = (word: string) => DAY_WORDS.findIndex((d) => word === d || word === `${d}ar`);

/** "08.00-09.30 och 13-14" → minute ranges, or null if any is not a forward range within a day. */
function ranges(text: string): Minutes[] | null {
  const found: Minutes[] = [];
  for (const m of text.matchAll(RANGE_GLOBAL)) {
    const from = minutes(m[1], m[2]);
    const to = minutes(m[3], m[4]);
    // An overnight range ("22–06") belongs to two days: not expressible as one period.
    if (from === null || to === null || from >= to || from >= 24 * 60) return null;
    found.push({ from, to });
  }
  return found.length > 0 ? found : null;
}

function minutes(hours: string, mins: string | undefined): number | null {
  const h = Number(hours);
  const m = mins === undefined ? 0 : Number(mins);
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

/** The ranges with `gap` taken out of the one range that holds it; null if none does. */
function withGap(list: Minutes[], gap: Minutes): Minutes[] | null {
  const i = list.findIndex((r) => r.from < gap.from && gap.to < r.to);
  if (i < 0) return null;
  const r = list[i];
  return [...list.slice(0, i), { from: r.from, to: gap.from }, { from: gap.to, to: r.to }, ...list.slice(i + 1)];
}

function hhmmss(totalMinutes: number): string {
  if (totalMinutes >= 24 * 60) return END_OF_DAY;
  return `${String(Math.floor(totalMinutes / 60)).padStart(2, "0")}${String(totalMinutes % 60).padStart(2, "0")}00`;
}
