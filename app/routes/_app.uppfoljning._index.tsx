import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import { ComplianceChart } from "~/components/compliance-chart";
import { Form } from "~/components/form";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { pageTitle, t, type MessageKey } from "~/i18n";
import { cellText, listHref } from "~/models/compliance-format";
import { complianceOverview, complianceUnits } from "~/models/compliance.server";

export const meta: MetaFunction = () => [{ title: pageTitle(t("compliance.pageTitle")) }];

// Figures only, no patient data: nothing to access-log until a list is opened.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "compliance:read");
  const units = complianceUnits(actor);
  const chosen = new URL(request.url).searchParams.get("enhet") ?? "";
  const shown = chosen === "" ? units : units.filter((u) => u.id === chosen);
  if (shown.length === 0) throw new Response("Not found", { status: 404 });
  const { months, measures } = await complianceOverview(db, shown, new Date());
  return {
    units: units.map(({ id, name }) => ({ id, name })),
    chosen,
    sipCallDays: config.sipCallDays,
    months: months.map(({ key, current }) => ({ key, current })),
    measures,
  };
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

const measureKey = (id: string, part: "title" | "description") => `compliance.${id}.${part}` as MessageKey;

function MeasureTable({ measure, page }: { measure: Page["measures"][number]; page: Page }) {
  const unitName = (id: string) => page.units.find((u) => u.id === id)?.name ?? id;
  return (
    <div className="compliance-table">
      <table className="table" data-testid={`compliance-table-${measure.id}`}>
        <caption>{t("compliance.table.caption", { measure: t(measureKey(measure.id, "title")) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("compliance.table.month")}</th>
            {measure.series.map((s) => (
              <th scope="col" key={s.unitId}>
                {unitName(s.unitId)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.months.map((month) => (
            <tr key={month.key}>
              <th scope="row" className="nowrap">
                {month.current ? t("compliance.currentMonth", { month: month.key }) : month.key}
              </th>
              {measure.series.map((s) => {
                const cell = s.cells[month.key];
                return (
                  <td key={s.unitId} className="nowrap">
                    {cell.denominator === 0 ? (
                      <>
                        <span aria-hidden="true">{t("compliance.empty")}</span>
                        <span className="visually-hidden">{t("compliance.emptyLong")}</span>
                      </>
                    ) : (
                      <Link to={listHref(measure.id, s.unitId, month.key)}>{cellText(cell)}</Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function ComplianceOverview() {
  const page = useLoaderData<typeof loader>();
  const unitName = (id: string) => page.units.find((u) => u.id === id)?.name ?? id;
  return (
    <>
      <h1>{t("compliance.title")}</h1>
      <p>{t("compliance.intro")}</p>
      {page.units.length > 1 ? (
        <>
          <p>{t("compliance.scopeMany", { count: page.units.length })}</p>
          <Form method="get" className="compliance-filter">
            <div className="field">
              <label htmlFor="enhet">{t("compliance.filter.unit")}</label>
              <select id="enhet" name="enhet" defaultValue={page.chosen}>
                <option value="">{t("compliance.filter.allUnits")}</option>
                {page.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("compliance.filter.submit")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("compliance.scopeOne", { unit: page.units[0].name })}</p>
      )}
      {page.measures.map((measure) => {
        const titleId = `measure-${measure.id}`;
        return (
          <section key={measure.id} aria-labelledby={titleId} className="compliance-measure" data-testid={`measure-${measure.id}`}>
            <h2 id={titleId}>{t(measureKey(measure.id, "title"))}</h2>
            <p>
              {measure.id === "sip"
                ? t("compliance.sip.description", { days: page.sipCallDays })
                : t(measureKey(measure.id, "description"))}{" "}
              {t(`compliance.kind.${measure.kind}`)} {t(`compliance.better.${measure.better}`)}
            </p>
            {measure.series.length === 0 ? (
              <p className="notice">{t("compliance.notApplicable")}</p>
            ) : (
              <div className={`compliance-body${measure.series.length === 1 ? " compliance-body--one" : ""}`}>
                <div>
                  <div className="compliance-charts">
                    {measure.series.map((s) => (
                      <figure key={s.unitId} className="compliance-chart" aria-labelledby={`${titleId}-${s.unitId}`}>
                        <figcaption id={`${titleId}-${s.unitId}`}>
                          <span className="visually-hidden">{t(measureKey(measure.id, "title"))}, </span>
                          {t("compliance.chart.caption", { unit: unitName(s.unitId) })}
                        </figcaption>
                        <ComplianceChart measure={measure.id} unitId={s.unitId} months={page.months} cells={s.cells} />
                      </figure>
                    ))}
                  </div>
                  <p className="compliance-note">{t("compliance.chart.note")}</p>
                </div>
                <MeasureTable measure={measure} page={page} />
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
