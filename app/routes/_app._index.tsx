// The start page: the unit's worklist for the signed-in role (issue 4 §1). The loader reads
// the GET filter and hands over to the worklist module, which also logs the access.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import { Form } from "~/components/form";
import { can } from "~/domain/permissions";
import { db } from "~/db.server";
import { pageTitle, t } from "~/i18n";
import { loadWorklist, parseWorklistFilter } from "~/models/worklist-page.server";
import type { Due, PatientRef, SectionId, WorklistRow, WorklistSection } from "~/models/worklist-page.server";

export const meta: MetaFunction = () => [{ title: pageTitle(t("worklist.pageTitle")) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "patient:read");
  const filter = parseWorklistFilter(new URL(request.url).searchParams);
  const page = await loadWorklist(db, actor, filter, new Date());
  return { unitName: actor.unit.name, roleCode: actor.grant.roleCode, canReassign: can(actor.grant, "turnover:reassign"), ...page };
}

export default function WorklistPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("worklist.title", { unit: page.unitName })}</h1>
      <p>{t("worklist.intro")}</p>
      {page.overviewUnits ? (
        <p className="worklist__units">
          {t("worklist.overviewUnits", { role: t(`role.${page.roleCode}`), units: page.overviewUnits.join(", ") })}
        </p>
      ) : null}
      <Summary />
      <Filter />
      {page.sections.map((section) => (
        <Section key={section.id} section={section} filtered={page.filtered} />
      ))}
    </>
  );
}

function Summary() {
  const page = useLoaderData<typeof loader>();
  const shownIds = new Set(page.sections.map((s) => s.id));
  return (
    <section className="worklist-summary" aria-labelledby="worklist-summary-title" data-testid="worklist-summary">
      <h2 id="worklist-summary-title">{t("worklist.summary.title")}</h2>
      <p className="worklist-summary__total">
        <strong>{page.total === 1 ? t("worklist.summary.totalOne") : t("worklist.summary.total", { count: page.total })}</strong>
        {", "}
        {page.overdueTotal === 0 ? (
          t("worklist.summary.noneOverdue")
        ) : (
          <span className="worklist-overdue">
            {page.overdueTotal === 1 ? t("worklist.summary.overdueOne") : t("worklist.summary.overdue", { count: page.overdueTotal })}
          </span>
        )}
      </p>
      <ul className="worklist-summary__sections">
        {page.summary.map((s) => (
          <li key={s.id} data-testid={`summary-${s.id}`}>
            {/* A section hidden by the filter opens as its own filtered list. */}
            <Link to={shownIds.has(s.id) ? `#${s.id}` : `?${filterQuery({ ...page.filter, section: s.id })}`}>
              {t("worklist.summary.section", { title: s.title, count: s.count })}
            </Link>
            {s.overdue > 0 ? (
              <span className="tag tag--alert">
                {s.overdue === 1 ? t("worklist.summary.sectionOverdueOne") : t("worklist.summary.sectionOverdue", { count: s.overdue })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function filterQuery(filter: { section: SectionId | null; process: string | null; overdueOnly: boolean }) {
  const params = new URLSearchParams();
  if (filter.section) params.set("avsnitt", filter.section);
  if (filter.process) params.set("process", filter.process);
  if (filter.overdueOnly) params.set("forsenade", "1");
  return params.toString();
}

/** A plain GET form: it works the same with JavaScript off, and the URL can be bookmarked. */
function Filter() {
  const page = useLoaderData<typeof loader>();
  const { filter } = page;
  return (
    <Form method="get" action="/" className="worklist-filter" aria-labelledby="worklist-filter-title">
      <h2 id="worklist-filter-title" className="visually-hidden">
        {t("worklist.filter.title")}
      </h2>
      <div className="field">
        <label htmlFor="avsnitt">{t("worklist.filter.section")}</label>
        <select id="avsnitt" name="avsnitt" defaultValue={filter.section ?? ""}>
          <option value="">{t("worklist.filter.allSections")}</option>
          {page.summary.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="process">{t("worklist.filter.process")}</label>
        <select id="process" name="process" defaultValue={filter.process ?? ""}>
          <option value="">{t("worklist.filter.allProcesses")}</option>
          {page.processOptions.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field worklist-filter__check">
        <input id="forsenade" name="forsenade" type="checkbox" value="1" defaultChecked={filter.overdueOnly} />
        <label htmlFor="forsenade">{t("worklist.filter.overdueOnly")}</label>
      </div>
      <div className="worklist-filter__actions">
        <button type="submit" className="button">
          {t("worklist.filter.submit")}
        </button>
        {page.filtered ? <Link to="/">{t("worklist.filter.clear")}</Link> : null}
      </div>
      {page.filtered ? (
        <p role="status" className="worklist-filter__status">
          {t("worklist.filter.active")}
        </p>
      ) : null}
    </Form>
  );
}

function Section({ section, filtered }: { section: WorklistSection; filtered: boolean }) {
  const titleId = `${section.id}-title`;
  return (
    <section id={section.id} aria-labelledby={titleId} className="worklist-section" data-testid={`section-${section.id}`}>
      <h2 id={titleId}>{t("worklist.section.heading", { title: section.title, count: section.count })}</h2>
      <p className="worklist-section__intro">{section.intro}</p>
      {section.rows.length === 0 ? (
        <p className="worklist-section__empty">{filtered ? t("worklist.section.emptyFiltered") : t("worklist.section.empty")}</p>
      ) : (
        <div className="worklist-table-wrap">
          <table className="table worklist-table">
            <caption className="visually-hidden">{section.title}</caption>
            <SectionHead section={section} />
            <tbody>
              {section.rows.map((row) => (
                <Row key={`${row.kind}-${row.id}`} row={row} section={section} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type Column = "patient" | "unit" | "case" | "step" | "next" | "deadline" | "recipient" | "waitingSince" | "action" | "contact" | "reviewDue" | "homeCareFrom" | "staff" | "lastDay" | "assignments" | "what";

const COLUMNS: Record<SectionId, Column[]> = {
  utse: ["patient", "case", "step", "next", "deadline"],
  arenden: ["patient", "case", "step", "next", "deadline"],
  lakare: ["patient", "case", "step", "next", "deadline"],
  meddela: ["patient", "case", "recipient", "waitingSince", "action"],
  omprovning: ["patient", "contact", "reviewDue", "action"],
  hemtjanst: ["patient", "homeCareFrom", "action"],
  slutar: ["staff", "lastDay", "assignments"],
  forsenat: ["patient", "unit", "what", "deadline"],
};

function SectionHead({ section }: { section: WorklistSection }) {
  const columns = COLUMNS[section.id].filter((c) => c !== "unit" || section.showUnit);
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {t(`worklist.col.${c}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The patient; linked only where the patient page opens, in the active unit. */
function PatientCell({ patient, link = true }: { patient: PatientRef; link?: boolean }) {
  return (
    <th scope="row" className="worklist-patient">
      {link ? <Link to={`/patienter/${patient.id}`}>{patient.name}</Link> : <span className="worklist-patient__name">{patient.name}</span>}
      <span className="worklist-patient__id nowrap">{patient.identifier}</span>
      {patient.protectedIdentity ? <span className="tag">{t("worklist.protected")}</span> : null}
    </th>
  );
}

/** A deadline: what for, when, and in words how near or how late — never colour alone. */
function DueCell({ due }: { due: Due }) {
  return (
    <td className={due.overdue ? "worklist-due worklist-due--overdue" : "worklist-due"}>
      {due.label ? <span className="worklist-due__label">{due.label}</span> : null}
      {due.when ? <span className="worklist-due__when">{due.when}</span> : null}
      <span className={due.overdue ? "tag tag--alert" : "worklist-due__text"}>{due.text}</span>
    </td>
  );
}

/** A link whose visible text repeats from row to row; the hidden part says for whom. */
function RowLink({ to, text, about }: { to: string; text: string; about: string }) {
  return (
    <Link to={to}>
      {text}
      <span className="visually-hidden"> – {about}</span>
    </Link>
  );
}

function Row({ row, section }: { row: WorklistRow; section: WorklistSection }) {
  const overdue = "due" in row && row.due.overdue;
  const className = overdue ? "worklist-row worklist-row--overdue" : "worklist-row";
  switch (row.kind) {
    case "case":
      if (section.id === "forsenat") {
        return (
          <tr className={className}>
            <PatientCell patient={row.patient} link={row.ownUnit} />
            {section.showUnit ? <td>{row.unit}</td> : null}
            <td>
              {row.ownUnit ? <Link to={`/arenden/${row.id}`}>{row.process}</Link> : row.process}
              <span className="worklist-sub">{row.step}</span>
              {row.ownUnit ? null : <span className="worklist-sub">{t("worklist.otherUnit")}</span>}
            </td>
            <DueCell due={row.due} />
          </tr>
        );
      }
      return (
        <tr className={className}>
          <PatientCell patient={row.patient} />
          <td>{row.process}</td>
          <td>{row.step}</td>
          <td>
            <RowLink to={`/arenden/${row.id}`} text={row.nextAction ?? t("worklist.case.open")} about={row.patient.name} />
            {row.othersStep ? <span className="worklist-sub">{t("worklist.case.othersStep")}</span> : null}
          </td>
          <DueCell due={row.due} />
        </tr>
      );
    case "notification":
      return (
        <tr className={className}>
          <PatientCell patient={row.patient} />
          <td>{row.process ?? "–"}</td>
          <td>{row.recipient}</td>
          <td className="nowrap">{row.since}</td>
          <td>
            {row.caseId ? (
              <RowLink to={`/arenden/${row.caseId}`} text={t("worklist.notify.act")} about={row.patient.name} />
            ) : (
              <RowLink to={`/patienter/${row.patient.id}`} text={t("worklist.notify.openPatient")} about={row.patient.name} />
            )}
          </td>
        </tr>
      );
    case "review":
      if (section.id === "forsenat") {
        return (
          <tr className={className}>
            <PatientCell patient={row.patient} link={row.ownUnit} />
            {section.showUnit ? <td>{row.unit}</td> : null}
            <td>
              {row.ownUnit ? <Link to={`/patienter/${row.patient.id}`}>{row.contact}</Link> : row.contact}
              <span className="worklist-sub">{row.staff.name}</span>
              {row.ownUnit ? null : <span className="worklist-sub">{t("worklist.otherUnit")}</span>}
            </td>
            <DueCell due={row.due} />
          </tr>
        );
      }
      return (
        <tr className={className}>
          <PatientCell patient={row.patient} />
          <td>
            {row.contact}
            <span className="worklist-sub">
              <Link to={`/personal/${row.staff.id}`}>{row.staff.name}</Link>
            </span>
          </td>
          <DueCell due={row.due} />
          <td>
            {/* The review (ENDING) starts from the patient page, beside the contact. */}
            <RowLink to={`/patienter/${row.patient.id}`} text={t("worklist.review.act")} about={row.patient.name} />
          </td>
        </tr>
      );
    case "homeCare":
      return (
        <tr className={className}>
          <PatientCell patient={row.patient} />
          <td>
            <span className="nowrap">{row.since}</span>
            <span className="worklist-sub">{row.waiting}</span>
          </td>
          <td>
            {/* The patient page holds the buttons: offer a contact, or record "obviously unnecessary". */}
            <RowLink to={`/patienter/${row.patient.id}`} text={t("worklist.homeCare.act")} about={row.patient.name} />
          </td>
        </tr>
      );
    case "leaver":
      return <LeaverRow row={row} className={className} />;
  }
}

/** A leaver who still holds contacts; the administrator reassigns them from here (issue 5 §1). */
function LeaverRow({ row, className }: { row: Extract<WorklistRow, { kind: "leaver" }>; className: string }) {
  const { canReassign } = useLoaderData<typeof loader>();
  return (
    <tr className={className}>
      <th scope="row">
        <Link to={`/personal/${row.id}`}>{row.name}</Link>
      </th>
      <DueCell due={row.due} />
      <td>
        {row.activeAssignments}
        {canReassign ? (
          <>
            {" "}
            <RowLink to={`/personalbyte/${row.id}`} text={t("worklist.leaver.reassign")} about={row.name} />
          </>
        ) : null}
      </td>
    </tr>
  );
}
