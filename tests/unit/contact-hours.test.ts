// Contact times read into opening hours (GetCareManagers HoursOfService): every pattern the
// product's data uses is read exactly, and each has a near miss that must give no hours —
// a wrong opening hour shown on 1177 is worse than none (seed §6.3.2: the time belongs to the way).
import { describe, expect, it } from "vitest";
import { parseContactHours, WEEK, type ServiceHours } from "~/domain/contact-hours";

const WEEKDAYS = WEEK.slice(0, 5);
const hours = (weekDays: readonly string[], start: string, end: string): ServiceHours => ({ weekDays: [...weekDays] as ServiceHours["weekDays"], start, end });

describe("contact times the product's data uses", () => {
  it.each([
    ["Vardagar 08.00–16.30", [hours(WEEKDAYS, "080000", "163000")]],
    ["Vardagar 07.30–17.00", [hours(WEEKDAYS, "073000", "170000")]],
    ["Alla dagar 07–22", [hours(WEEK, "070000", "220000")]],
    ["Alla dagar 07.00–21.30", [hours(WEEK, "070000", "213000")]],
    ["Måndag–torsdag 08.00–15.00", [hours(["Monday", "Tuesday", "Wednesday", "Thursday"], "080000", "150000")]],
    ["Måndag–fredag 07.00–12.00", [hours(WEEKDAYS, "070000", "120000")]],
    ["Dygnet runt", [hours(WEEK, "000000", "235959")]],
    ["Vardagar 08.00–09.30 och 13.00–14.00", [hours(WEEKDAYS, "080000", "093000"), hours(WEEKDAYS, "130000", "140000")]],
    ["Vardagar 08.00–16.30, lunchstängt 12–13", [hours(WEEKDAYS, "080000", "120000"), hours(WEEKDAYS, "130000", "163000")]],
    ["Ärenden besvaras vardagar 08–16", [hours(WEEKDAYS, "080000", "160000")]],
  ])("reads %j", (text, expected) => {
    expect(parseContactHours(text)).toEqual(expected);
  });

  it.each([
    // A response time is not an opening hour.
    "Svar inom en vardag",
    "Ärenden besvaras inom två vardagar",
    // A part that cannot be read makes the whole text unreadable: no half-truths.
    "Dygnet runt, kvällar och nätter via larmcentralen",
    "Vardagar 07.00–15.30, varannan helg",
  ])("gives no hours for %j", (text) => {
    expect(parseContactHours(text)).toEqual([]);
  });
});

describe("each pattern against its near misses", () => {
  it("day words: vardagar, alla dagar, dagligen, helger, a day, a plural day, a range over the weekend", () => {
    expect(parseContactHours("Dagligen 09–10")).toEqual([hours(WEEK, "090000", "100000")]);
    expect(parseContactHours("Helger 10–14")).toEqual([hours(["Saturday", "Sunday"], "100000", "140000")]);
    expect(parseContactHours("Onsdag 13–15")).toEqual([hours(["Wednesday"], "130000", "150000")]);
    expect(parseContactHours("Onsdagar 13–15")).toEqual([hours(["Wednesday"], "130000", "150000")]);
    expect(parseContactHours("Fredag–måndag 10–12")).toEqual([hours(["Friday", "Saturday", "Sunday", "Monday"], "100000", "120000")]);
    // Public holidays have no weekday: not read. Nor is an unknown or misspelt day.
    expect(parseContactHours("Helgdagar 10–14")).toEqual([]);
    expect(parseContactHours("Månday 10–14")).toEqual([]);
    expect(parseContactHours("Vardagar")).toEqual([]);
  });

  it("times: hours alone, with . or :, any dash, spaces around the dash; never backwards, overnight or past 24", () => {
    expect(parseContactHours("Vardagar 8-16")).toEqual([hours(WEEKDAYS, "080000", "160000")]);
    expect(parseContactHours("vardagar 08:15 — 16:45.")).toEqual([hours(WEEKDAYS, "081500", "164500")]);
    expect(parseContactHours("Alla dagar 00–24")).toEqual([hours(WEEK, "000000", "235959")]);
    expect(parseContactHours("Vardagar 16–08")).toEqual([]);
    expect(parseContactHours("Alla dagar 22–06")).toEqual([]);
    expect(parseContactHours("Vardagar 08–08")).toEqual([]);
    expect(parseContactHours("Vardagar 08.60–16")).toEqual([]);
    expect(parseContactHours("Vardagar 08–25")).toEqual([]);
    expect(parseContactHours("Vardagar 24.30–24.45")).toEqual([]);
    expect(parseContactHours("Vardagar 8.5–16")).toEqual([]);
  });

  it("several ranges joined by 'och' and several day clauses joined by commas", () => {
    expect(parseContactHours("Vardagar 08–10 och 13–15 och 18–19")).toHaveLength(3);
    expect(parseContactHours("Vardagar 08–16, lördag 10–12")).toEqual([hours(WEEKDAYS, "080000", "160000"), hours(["Saturday"], "100000", "120000")]);
    expect(parseContactHours("Vardagar 08–10 samt 13–15")).toEqual([]);
    expect(parseContactHours("Vardagar 08–10 och")).toEqual([]);
  });

  it("lunch closure only inside a range of the clause before it", () => {
    expect(parseContactHours("Vardagar 08–10 och 11–17, lunchstängt 12–13")).toEqual([
      hours(WEEKDAYS, "080000", "100000"),
      hours(WEEKDAYS, "110000", "120000"),
      hours(WEEKDAYS, "130000", "170000"),
    ]);
    expect(parseContactHours("Lunchstängt 12–13")).toEqual([]);
    expect(parseContactHours("Vardagar 08–12, lunchstängt 12–13")).toEqual([]);
    expect(parseContactHours("Vardagar 08–16, lunchstängt 13–12")).toEqual([]);
  });

  it("dygnet runt for all days or for named days, but not with words after it", () => {
    expect(parseContactHours("Vardagar dygnet runt")).toEqual([hours(WEEKDAYS, "000000", "235959")]);
    expect(parseContactHours("dygnet  runt")).toEqual([hours(WEEK, "000000", "235959")]);
    expect(parseContactHours("Dygnet runt utom helger")).toEqual([]);
  });

  it("the lead 'Ärenden besvaras' only before day words", () => {
    expect(parseContactHours("ärenden besvaras alla dagar 09–15")).toEqual([hours(WEEK, "090000", "150000")]);
    expect(parseContactHours("Ärenden besvaras snarast")).toEqual([]);
    expect(parseContactHours("Ärenden besvaras")).toEqual([]);
  });

  it("no text gives no hours", () => {
    expect(parseContactHours(null)).toEqual([]);
    expect(parseContactHours("")).toEqual([]);
    expect(parseContactHours("   ")).toEqual([]);
  });
});
