// One unit's measure as bars per month, drawn as SVG on the server (no charting library, no
// external service). Each bar links to the list behind it. The chart is a picture of the
// table next to it, which carries the same figures, links and percentages in words for
// screen readers and keyboards; so the SVG is hidden from assistive technology and its
// links are left out of the tab order (no second stop for each figure).
import { t } from "~/i18n";
import { listHref, percentOf, percentText, type Fraction } from "~/models/compliance-format";

export type ChartMonth = { key: string; current: boolean };

const SLOT = 48;
const BAR = 30;
const LEFT = 44;
const TOP = 22;
const PLOT = 140;
const WIDTH = LEFT + 13 * SLOT;
const HEIGHT = TOP + PLOT + 44;

export function ComplianceChart({
  measure,
  unitId,
  months,
  cells,
}: {
  measure: string;
  unitId: string;
  months: readonly ChartMonth[];
  cells: Record<string, Fraction>;
}) {
  const baseline = TOP + PLOT;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
      data-testid="compliance-chart"
    >
      {[0, 50, 100].map((value) => {
        const y = baseline - (value / 100) * PLOT;
        return (
          <g key={value}>
            <line x1={LEFT} x2={WIDTH} y1={y} y2={y} className="chart__grid" />
            <text x={LEFT - 6} y={y + 4} textAnchor="end" className="chart__axis">
              {t("compliance.percent", { value })}
            </text>
          </g>
        );
      })}
      {months.map((month, i) => {
        const cell = cells[month.key] ?? { numerator: 0, denominator: 0 };
        const value = percentOf(cell);
        const x = LEFT + i * SLOT + (SLOT - BAR) / 2;
        const centre = x + BAR / 2;
        const height = value === null ? 0 : Math.max(1, (value / 100) * PLOT);
        const [year, monthNumber] = month.key.split("-");
        const label = t("compliance.chart.bar", { month: month.key, value: percentText(cell) });
        const bar = (
          <>
            <title>{label}</title>
            {value === null ? null : (
              <rect x={x} y={baseline - height} width={BAR} height={height} className={`chart__bar${month.current ? " chart__bar--current" : ""}`} />
            )}
            <text x={centre} y={value === null ? baseline - 4 : baseline - height - 5} textAnchor="middle" className="chart__value">
              {value === null ? t("compliance.empty") : value}
            </text>
          </>
        );
        return (
          <g key={month.key}>
            {value === null ? (
              bar
            ) : (
              <a href={listHref(measure, unitId, month.key)} tabIndex={-1}>
                {bar}
              </a>
            )}
            <text x={centre} y={baseline + 16} textAnchor="middle" className="chart__axis">
              {monthNumber}
            </text>
            {i === 0 || monthNumber === "01" ? (
              <text x={centre} y={baseline + 32} textAnchor="middle" className="chart__axis">
                {year}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={LEFT} x2={WIDTH} y1={baseline} y2={baseline} className="chart__baseline" />
    </svg>
  );
}
