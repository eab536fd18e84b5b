// How a compliance figure is written: "3 av 4 (75 %)", or "–" when nothing was due (0/0 is
// no result, not 0 %). Shared by the chart, the table and the list page.
import { t } from "~/i18n";

export type Fraction = { numerator: number; denominator: number };

/** Whole percent, or null when there is nothing to divide. */
export function percentOf(cell: Fraction): number | null {
  return cell.denominator === 0 ? null : Math.round((100 * cell.numerator) / cell.denominator);
}

export function percentText(cell: Fraction): string {
  const value = percentOf(cell);
  return value === null ? t("compliance.empty") : t("compliance.percent", { value });
}

export function cellText(cell: Fraction): string {
  return cell.denominator === 0
    ? t("compliance.empty")
    : t("compliance.cell", { numerator: cell.numerator, denominator: cell.denominator, percent: percentText(cell) });
}

/** The list behind one figure. */
export function listHref(measure: string, unitId: string, month: string): string {
  return `/uppfoljning/${measure}?${new URLSearchParams({ enhet: unitId, manad: month })}`;
}
