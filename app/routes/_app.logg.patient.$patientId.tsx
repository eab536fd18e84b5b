// A patient's log extract (PDL 8 kap. 5 §; HSLF-FS 2016:40 4 kap.): every change and every
// view of the patient's data at the units the administrator administers, newest first,
// filtered by period and type, 100 rows a page, printable, and downloadable as CSV.
// Opening it is itself an access to the patient's data and is logged as "audit.extract".
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { actorRef, requireActor, requirePermission } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { LogFilterForm, LogSummary, LogTable, Pager, periodText } from "~/components/audit-log";
import { db } from "~/db.server";
import { formatPatientIdentifier } from "~/domain/identifiers";
import { pageTitle, t } from "~/i18n";
import { logTime } from "~/models/audit-describe";
import { filterSearch, parseAuditFilter } from "~/models/audit-filter";
import { auditScope, findAuditPatient, readLogPage } from "~/models/audit-log.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? t("audit.extract.title", { name: data.patient.name }) : t("audit.extract.pageTitle")) },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "audit:read");
  const scope = await auditScope(db, actor);
  const patient = await findAuditPatient(db, scope, params.patientId ?? "");
  if (!patient) throw new Response("Not found", { status: 404 });
  const { filter, values, errors } = parseAuditFilter(new URL(request.url).searchParams);
  const now = new Date();
  // Written before the log is read, so the extract also lists this very opening.
  await logAccess(db, actorRef(actor), now, [patient.id], "audit.extract");
  const valid = Object.keys(errors).length === 0;
  return {
    patient: { ...patient, identifier: formatPatientIdentifier(patient.identifier) },
    units: scope.units.map((u) => u.name),
    generatedAt: now.toISOString(),
    generatedBy: actor.displayName,
    values,
    errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)])),
    log: valid ? await readLogPage(db, scope, { patientId: patient.id }, filter) : null,
  };
}

/** Printing needs the browser's print dialog: offered once scripts run (Ctrl+P works anyway). */
function PrintButton() {
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  if (!scripted) return null;
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      {t("audit.extract.print")}
    </button>
  );
}

export default function PatientExtract() {
  const page = useLoaderData<typeof loader>();
  const path = `/logg/patient/${page.patient.id}`;
  return (
    <article className="audit-extract">
      <p className="audit-noprint">
        <Link to="/logg">{t("audit.back")}</Link>
      </p>
      <h1>{t("audit.extract.title", { name: page.patient.name })}</h1>
      <dl className="facts facts--inline">
        <div>
          <dt>{page.patient.identifierKind === "PERSONNUMMER" ? t("patient.identifier") : t(`patient.identifierKind.${page.patient.identifierKind}`)}</dt>
          <dd data-testid="extract-identifier">{page.patient.identifier}</dd>
        </div>
        <div>
          <dt>{t("audit.period")}</dt>
          <dd data-testid="extract-period">{periodText(page.values, page.errors)}</dd>
        </div>
        <div>
          <dt>{t("audit.extract.generated")}</dt>
          <dd>{t("audit.extract.generatedBy", { date: logTime(page.generatedAt), name: page.generatedBy })}</dd>
        </div>
      </dl>
      {page.patient.protectedIdentity ? <p className="tag audit-protected">{t("audit.protected")}</p> : null}
      <p>{t("audit.extract.intro")}</p>
      <p>{t("audit.extract.scope", { units: page.units.join(", ") })}</p>
      <p className="audit-noprint">{t("audit.extract.logged")}</p>

      <div className="audit-noprint">
        <LogFilterForm path={path} values={page.values} errors={page.errors} />
      </div>

      {page.log ? (
        <>
          <LogSummary log={page.log} />
          <div className="audit-actions audit-noprint">
            <a className="button button--secondary" href={`${path}/loggutdrag.csv${filterSearch(page.values)}`} download>
              {t("audit.extract.csv")}
            </a>
            <PrintButton />
            <p className="field__hint">{t("audit.extract.printHint")}</p>
          </div>
          {page.log.rows.length > 0 ? <LogTable rows={page.log.rows} /> : <p>{t("audit.empty")}</p>}
          <div className="audit-noprint">
            <Pager path={path} log={page.log} values={page.values} />
          </div>
        </>
      ) : (
        <p className="notice notice--error">{t("audit.filter.invalid")}</p>
      )}
    </article>
  );
}
