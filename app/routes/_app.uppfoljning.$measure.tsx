import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { Form } from "~/components/form";
import { db } from "~/db.server";
import { formatPatientIdentifier } from "~/domain/identifiers";
import { pageTitle, t, type MessageKey } from "~/i18n";
import { fullName } from "~/models/contact-view";
import { cellText } from "~/models/compliance-format";
import { complianceMonths } from "~/models/compliance-months";
import {
  complianceList,
  complianceUnits,
  findMeasure,
  listAccessRef,
  measureApplies,
  windowMonth,
  type ComplianceItem,
} from "~/models/compliance.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `${t(`compliance.${data.measure}.title` as MessageKey)} – ${data.month}` : t("compliance.pageTitle")) },
];

const notFound = () => new Response("Not found", { status: 404 });

// The patients behind one figure. A unit outside the actor's follow-up scope, a measure that
// does not apply to the unit or a month outside the window is "not found", like any unknown id.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "compliance:read");
  const measure = findMeasure(params.measure ?? "");
  if (!measure) throw notFound();
  const now = new Date();
  const search = new URL(request.url).searchParams;
  const units = complianceUnits(actor).filter((u) => measureApplies(measure, u));
  const unit = units.find((u) => u.id === (search.get("enhet") || units[0]?.id));
  const month = windowMonth(search.get("manad") || complianceMonths(now).at(-1)!.key, now);
  if (!unit || !month) throw notFound();

  const list = await complianceList(db, measure.id, unit.id, month, now);
  // Names and personnummer on screen are patient data: every one shown is logged, under the
  // unit and role the list belongs to (HSLF-FS 2016:40 4 kap. 9 §).
  await logAccess(db, listAccessRef(actor, unit), now, [...new Set(list.rows.map((r) => r.patientId))], "compliance.list");
  return {
    measure: measure.id,
    kind: measure.kind,
    better: measure.better,
    unit: { id: unit.id, name: unit.name },
    month: month.key,
    current: month.current,
    units: units.map(({ id, name }) => ({ id, name })),
    months: complianceMonths(now).map(({ key, current }) => ({ key, current })),
    numerator: list.numerator,
    denominator: list.denominator,
    actingUnitId: actor.unit.id,
    rows: list.rows.map((r) => ({
      key: r.id,
      counted: r.counted,
      status: r.status,
      date: r.date,
      dueDate: r.dueDate,
      contacts: r.contacts,
      caseId: r.caseId,
      patient: {
        id: r.patient.id,
        name: fullName(r.patient),
        identifier: formatPatientIdentifier(r.patient.identifier),
        protectedIdentity: r.patient.protectedIdentity,
      },
    })),
  };
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;
type Row = Page["rows"][number];

const DUE_COLUMN: Partial<Record<string, MessageKey>> = {
  utskrivning: "compliance.utskrivning.due",
  sip: "compliance.sip.due",
  omprovning: "compliance.omprovning.due",
  inskrivningsmeddelande: "compliance.inskrivningsmeddelande.due",
};

function statusText(row: Pick<ComplianceItem, "status" | "date" | "contacts">): string {
  return t(`compliance.status.${row.status}`, { date: row.date ?? "", count: row.contacts ?? 0 });
}

function RowsTable({ caption, rows, page }: { caption: string; rows: Row[]; page: Page }) {
  const due = DUE_COLUMN[page.measure];
  const hasCases = rows.some((r) => r.caseId !== null);
  if (rows.length === 0) return <p>{t("compliance.list.none")}</p>;
  return (
    <table className="table" data-testid={rows[0].counted ? "compliance-counted" : "compliance-rest"}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("compliance.list.col.patient")}</th>
          <th scope="col">{t("compliance.list.col.identifier")}</th>
          {due ? <th scope="col">{t(due)}</th> : null}
          <th scope="col">{t("compliance.list.col.status")}</th>
          {hasCases ? <th scope="col">{t("compliance.list.col.case")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>
              <Link to={`/patienter/${r.patient.id}`}>{r.patient.name}</Link>
              {r.patient.protectedIdentity ? <span className="tag">{t("start.protected")}</span> : null}
            </td>
            <td className="nowrap">{r.patient.identifier}</td>
            {due ? <td className="nowrap">{r.dueDate ?? "–"}</td> : null}
            <td>
              <span className={r.counted === (page.better === "lower") ? "tag tag--alert" : "tag"}>
                {statusText(r)}
              </span>
            </td>
            {hasCases ? (
              <td>
                {r.caseId ? (
                  <Link to={`/arenden/${r.caseId}`}>
                    {t("compliance.list.openCase")}
                    <span className="visually-hidden"> {t("compliance.list.openCaseFor", { name: r.patient.name })}</span>
                  </Link>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ComplianceListPage() {
  const page = useLoaderData<typeof loader>();
  const title = t(`compliance.${page.measure}.title` as MessageKey);
  const monthLabel = page.current ? t("compliance.currentMonth", { month: page.month }) : page.month;
  const counted = page.rows.filter((r) => r.counted);
  const rest = page.rows.filter((r) => !r.counted);
  const countedLabel = t(`compliance.${page.measure}.counted` as MessageKey);
  const restLabel = t(`compliance.${page.measure}.rest` as MessageKey);
  return (
    <>
      <p>
        <Link to="/uppfoljning">{t("compliance.list.back")}</Link>
      </p>
      <h1>{title}</h1>
      <Form method="get" className="compliance-filter">
        <div className="field">
          <label htmlFor="enhet">{t("compliance.filter.unit")}</label>
          <select id="enhet" name="enhet" defaultValue={page.unit.id}>
            {page.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="manad">{t("compliance.filter.month")}</label>
          <select id="manad" name="manad" defaultValue={page.month}>
            {page.months.map((m) => (
              <option key={m.key} value={m.key}>
                {m.current ? t("compliance.currentMonth", { month: m.key }) : m.key}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("compliance.filter.submit")}
        </button>
      </Form>
      <p role="status" data-testid="compliance-summary">
        {page.denominator === 0
          ? t("compliance.list.summaryEmpty", { unit: page.unit.name, month: monthLabel })
          : t("compliance.list.summary", {
              unit: page.unit.name,
              month: monthLabel,
              cell: cellText({ numerator: page.numerator, denominator: page.denominator }),
            })}
      </p>
      {page.unit.id !== page.actingUnitId ? <p className="notice">{t("compliance.list.patientLinkNote")}</p> : null}
      <h2>{t("compliance.list.group", { label: countedLabel, count: counted.length })}</h2>
      <RowsTable caption={countedLabel} rows={counted} page={page} />
      <h2>{t("compliance.list.group", { label: restLabel, count: rest.length })}</h2>
      <RowsTable caption={restLabel} rows={rest} page={page} />
    </>
  );
}
