// The turnover page shows the leaver's rows a hundred at a time, every group on every page.
import { describe, expect, it } from "vitest";
import { pageOf, ROWS_PER_PAGE, type Turnover, type TurnoverGroup, type TurnoverRow } from "~/turnover/turnover.server";

const rows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ assignmentId: `${prefix}${i}`, reviewDueDate: i % 10 === 0 ? null : "2027-01-01", reviewDateRequired: true }) as TurnoverRow);

const group = (key: string, count: number) => ({ key, rows: rows(key, count) }) as unknown as TurnoverGroup;

const turnover = { groups: [group("a", 150), group("b", 80)] } as unknown as Turnover;

describe("pageOf", () => {
  it("splits the rows of all groups into pages in order, keeping every group with its size", () => {
    expect(ROWS_PER_PAGE).toBe(100);
    const second = pageOf(turnover, 2);
    expect(second.pages).toEqual({ current: 2, count: 3 });
    expect(second.rowCount).toBe(230);
    expect(second.groups.map((g) => [g.key, g.size, g.rows[0]?.assignmentId, g.rows.length])).toEqual([
      ["a", 150, "a100", 50],
      ["b", 80, "b0", 50],
    ]);
    expect(pageOf(turnover, 3).groups.map((g) => g.rows.map((r) => r.assignmentId).join(","))).toEqual(["", rows("b", 80).slice(50).map((r) => r.assignmentId).join(",")]);
  });

  it("counts the rows without a review date in the whole group, not just the page", () => {
    expect(pageOf(turnover, 3).groups.map((g) => g.withoutReviewDate)).toEqual([15, 8]);
  });

  it("does not count a fast läkarkontakt without a review date: it needs none (seed §3.3)", () => {
    const doctors = rows("d", 20).map((r) => ({ ...r, reviewDateRequired: false }));
    const withDoctors = { groups: [{ key: "d", rows: doctors } as unknown as TurnoverGroup, group("a", 20)] } as unknown as Turnover;
    expect(pageOf(withDoctors, 1).groups.map((g) => g.withoutReviewDate)).toEqual([0, 2]);
  });

  it("answers a page out of range, or no number at all, with the nearest page", () => {
    expect(pageOf(turnover, 0).pages.current).toBe(1);
    expect(pageOf(turnover, Number.NaN).pages.current).toBe(1);
    expect(pageOf(turnover, 99).pages.current).toBe(3);
  });
});
