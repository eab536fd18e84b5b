import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { actorRef } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { AccessReasonForm } from "~/components/access-reason-form";
import { ContactCard } from "~/components/contact-card";
import { db } from "~/db.server";
import { ageOn, formatPatientIdentifier, isoDateInStockholm } from "~/domain/identifiers";
import { pageTitle, t } from "~/i18n";
import { contactView, fullName, patientAddress } from "~/models/contact-view";
import { lacksOverallCoordination } from "../../machines/rules";
import { openPatient, unlockPatient, unlockQuery } from "~/models/patient-access.server";
import { getPatientOverview } from "~/models/patients.server";
import { getPatientCaseHistory, startOptions } from "~/models/cases.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle((data && "name" in data && data.name) || t("patient.reasonTitle")) },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const patientId = params.patientId ?? "";
  const now = new Date();
  const { actor, access } = await openPatient(db, request, context, patientId, now);
  if (access.locked) return { locked: true as const };
  const patient = await getPatientOverview(db, actor, patientId, now);
  if (!patient) throw new Response("Not found", { status: 404 });
  await logAccess(db, actorRef(actor), now, [patient.id], "patient.view", access.reason);

  const today = isoDateInStockholm(now);
  const contacts = patient.assignments.map((a) => contactView(a, today));
  const [history, starts] = await Promise.all([
    getPatientCaseHistory(db, actor, patient.id, now),
    startOptions(db, actor, patient.id, today),
  ]);
  return {
    id: patient.id,
    history,
    starts,
    locked: false as const,
    // The 1177 view opens under the same unlock, without asking for the reason again.
    citizenViewPath: `/patienter/${patient.id}/1177${unlockQuery(access.unlockId)}`,
    name: fullName(patient),
    identifier: formatPatientIdentifier(patient.identifier),
    identifierKind: patient.identifierKind,
    age: ageOn(patient.birthDate, today),
    protectedIdentity: patient.protectedIdentity,
    address: patientAddress(patient),
    contacts,
    coordinationWarning: lacksOverallCoordination(contacts.filter((c) => !c.upcoming)),
  };
}

// Opening a protected patient: the reason is logged, then the page is shown under that row.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const patientId = params.patientId ?? "";
  return unlockPatient(db, request, context, patientId, `/patienter/${patientId}`);
}

export default function PatientPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (page.locked) return <AccessReasonForm errors={result?.errors} />;
  return (
    <>
      <p>
        <Link to="/patienter">{t("patient.back")}</Link>
      </p>
      <section aria-labelledby="patient-name" className="patient-header">
        <h1 id="patient-name">{page.name}</h1>
        <dl className="facts facts--inline">
          <div>
            <dt>
              {page.identifierKind === "PERSONNUMMER"
                ? t("patient.identifier")
                : t(`patient.identifierKind.${page.identifierKind}`)}
            </dt>
            <dd data-testid="patient-identifier">{page.identifier}</dd>
          </div>
          <div>
            <dt>{t("start.col.age")}</dt>
            <dd>{t("patient.age", { age: page.age })}</dd>
          </div>
          {page.address ? (
            <div>
              <dt>{t("patient.address")}</dt>
              <dd>{page.address}</dd>
            </div>
          ) : null}
        </dl>
        {page.protectedIdentity ? <p className="notice">{t("patient.protected")}</p> : null}
      </section>
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{t("patient.contacts")}</h2>
        <p>
          <Link to={page.citizenViewPath}>{t("citizen.link")}</Link>
        </p>
        {page.coordinationWarning ? (
          <p className="notice notice--warning" role="note">
            {t("patient.coordinationWarning", { count: page.coordinationWarning })}
          </p>
        ) : null}
        {page.contacts.length === 0 ? (
          <p>{t("patient.noContacts")}</p>
        ) : (
          <div className="cards">
            {page.contacts.map((c) => (
              <ContactCard key={c.id} contact={c}>
                <StartLinks
                  patientId={page.id}
                  options={page.starts.perAssignment[c.id] ?? []}
                  label={t("patients.contactActions", { contact: `${t(`contactKind.${c.kind}`)} ${c.person.name}` })}
                />
              </ContactCard>
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="start-heading">
        <h2 id="start-heading">{t("patients.start")}</h2>
        {page.starts.processes.length === 0 ? (
          <p>{t("patients.startNone")}</p>
        ) : (
          <>
            <p>{t("patients.startIntro")}</p>
            <StartLinks patientId={page.id} options={page.starts.processes} label={t("patients.start")} />
          </>
        )}
      </section>
      <CaseTable
        id="open-cases"
        heading={t("patients.openCases")}
        empty={t("patients.openCasesNone")}
        cases={page.history.openCases}
        open
      />
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("patients.history")}</h2>
        <HistoryTable
          heading={t("patients.endedAssignments")}
          empty={t("patients.endedAssignmentsNone")}
          columns={[t("patients.col.kind"), t("patients.col.person"), t("patients.col.unit"), t("patients.col.since"), t("patients.col.ended"), t("patients.col.reason")]}
          rows={page.history.endedAssignments.map((a) => ({ id: a.id, cells: [a.kind, a.person, a.unit, a.since, a.endedOn, a.reason ?? ""] }))}
          testId="ended-assignments"
        />
        <HistoryTable
          heading={t("patients.refusals")}
          empty={t("patients.refusalsNone")}
          columns={[t("patients.col.kind"), t("patients.col.unit"), t("patients.col.declinedOn"), t("patients.col.comment")]}
          rows={page.history.refusals.map((r) => ({ id: r.id, cells: [r.kind, r.unit, r.declinedOn, r.comment ?? ""] }))}
          testId="refusals"
        />
        <HistoryTable
          heading={t("patients.notNeeded")}
          empty={t("patients.notNeededNone")}
          columns={[t("patients.col.unit"), t("patients.col.recordedOn"), t("patients.col.reason")]}
          rows={page.history.notNeeded.map((h) => ({ id: h.id, cells: [h.unit, h.on, h.reason] }))}
          testId="not-needed"
        />
        <CaseTable
          id="closed-cases"
          heading={t("patients.closedCases")}
          empty={t("patients.closedCasesNone")}
          cases={page.history.closedCases}
          open={false}
          level={3}
        />
      </section>
    </>
  );
}

type StartOptionView = { process: string; subjectId: string | null; label: string };

/** Links that open the start page of a process (a new case), styled as buttons. */
function StartLinks({ patientId, options, label }: { patientId: string; options: StartOptionView[]; label: string }) {
  if (options.length === 0) return null;
  return (
    <ul className="start-links" aria-label={label}>
      {options.map((o) => (
        <li key={`${o.process}-${o.subjectId ?? ""}`}>
          <Link
            className="button button--secondary"
            to={`/patienter/${patientId}/nytt-arende/${o.process}${o.subjectId ? `?avser=${encodeURIComponent(o.subjectId)}` : ""}`}
          >
            {t("patients.startLink", { process: o.label })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

type CaseRowView = {
  id: string;
  process: string;
  contactKind: string | null;
  unit: string;
  summary: string;
  openedOn: string;
  closedOn: string | null;
  deadline: string | null;
  overdue: boolean;
};

/** Open cases (with step and deadline) or closed ones (with outcome), each linking to its case page. */
function CaseTable(props: { id: string; heading: string; empty: string; cases: CaseRowView[]; open: boolean; level?: 2 | 3 }) {
  const Heading = props.level === 3 ? "h3" : "h2";
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <Heading id={`${props.id}-heading`}>{props.heading}</Heading>
      {props.cases.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table className="table" data-testid={props.id}>
          <caption className="visually-hidden">{props.heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t("patients.col.process")}</th>
              <th scope="col">{t("patients.col.kind")}</th>
              <th scope="col">{t("patients.col.unit")}</th>
              <th scope="col">{props.open ? t("patients.col.step") : t("patients.col.outcome")}</th>
              {props.open ? <th scope="col">{t("patients.col.deadline")}</th> : null}
              <th scope="col">{t("patients.col.opened")}</th>
              {props.open ? null : <th scope="col">{t("patients.col.closed")}</th>}
            </tr>
          </thead>
          <tbody>
            {props.cases.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/arenden/${c.id}`}>{c.process}</Link>
                </th>
                <td>{c.contactKind}</td>
                <td>{c.unit}</td>
                <td>{c.summary}</td>
                {props.open ? (
                  <td className="nowrap">
                    {c.deadline}
                    {c.overdue ? <span className="tag tag--alert">{t("patients.overdue")}</span> : null}
                  </td>
                ) : null}
                <td className="nowrap">{c.openedOn}</td>
                {props.open ? null : <td className="nowrap">{c.closedOn}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One history list as a table with a caption and column headers (WCAG 1.3.1). */
function HistoryTable(props: { heading: string; empty: string; columns: string[]; rows: { id: string; cells: string[] }[]; testId: string }) {
  return (
    <>
      <h3>{props.heading}</h3>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table className="table" data-testid={props.testId}>
          <caption className="visually-hidden">{props.heading}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.id}>
                {r.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
