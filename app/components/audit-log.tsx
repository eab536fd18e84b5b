// The parts both audit pages share: the filter form, the counts, the table of log rows and
// the pager. All of it works as plain HTML: the filter is a GET form, the pager links.
import { Link } from "@remix-run/react";
import { describedBy, FieldMessages } from "~/components/field-messages";
import { Form } from "~/components/form";
import { formatPatientIdentifier } from "~/domain/identifiers";
import { isRoleCode } from "~/domain/permissions";
import { formatNumber, t } from "~/i18n";
import { actorName, describeAction, describeEntity, logTime, type Wording } from "~/models/audit-describe";
import { filterSearch, KINDS, type AuditFilterResult, type KindFilter } from "~/models/audit-filter";
import type { LogPage, LogPatient, LogRow } from "~/models/audit-log.server";

type FilterValues = AuditFilterResult["values"];
type FilterErrors = Partial<Record<"fran" | "till", string>>;

const KIND_LABEL: Record<KindFilter, "audit.filter.kind.all" | "audit.filter.kind.changes" | "audit.filter.kind.views"> = {
  alla: "audit.filter.kind.all",
  andringar: "audit.filter.kind.changes",
  visningar: "audit.filter.kind.views",
};

function DateField({ name, label, value, error }: { name: "fran" | "till"; label: string; value: string; error?: string }) {
  const id = `filter-${name}`;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={t("audit.filter.dateHint")} error={error} />
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={value}
        maxLength={10}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, true, error)}
      />
    </div>
  );
}

/** The filter as a GET form on the page itself (`path`), so that it works without scripts. */
export function LogFilterForm({ path, values, errors }: { path: string; values: FilterValues; errors: FilterErrors }) {
  return (
    <Form method="get" action={path} className="audit-filter" aria-labelledby="audit-filter-legend">
      <h2 id="audit-filter-legend" className="audit-filter__heading">
        {t("audit.filter.legend")}
      </h2>
      <div className="audit-filter__fields">
        <DateField name="fran" label={t("audit.filter.from")} value={values.fran} error={errors.fran} />
        <DateField name="till" label={t("audit.filter.to")} value={values.till} error={errors.till} />
        <div className="field">
          <label htmlFor="filter-typ">{t("audit.filter.kind")}</label>
          <select id="filter-typ" name="typ" defaultValue={values.typ}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(KIND_LABEL[kind])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="audit-filter__actions">
        <button type="submit" className="button">
          {t("audit.filter.submit")}
        </button>
        <Link to={path} className="audit-filter__clear">
          {t("audit.filter.clear")}
        </Link>
      </div>
    </Form>
  );
}

export function periodText(values: FilterValues, errors: FilterErrors): string {
  const from = errors.fran ? "" : values.fran;
  const to = errors.till ? "" : values.till;
  if (from && to) return t("audit.period.range", { from, to });
  if (from) return t("audit.period.from", { from });
  if (to) return t("audit.period.to", { to });
  return t("audit.period.all");
}

export function LogSummary({ log }: { log: LogPage }) {
  return (
    <p role="status" data-testid="log-summary">
      {t("audit.summary", {
        total: formatNumber(log.counts.total),
        changes: formatNumber(log.counts.changes),
        views: formatNumber(log.counts.views),
      })}{" "}
      {log.counts.total > 0 ? t("audit.summary.showing", { first: formatNumber(log.first), last: formatNumber(log.last) }) : null}
    </p>
  );
}

function Words({ wording }: { wording: Wording }) {
  return (
    <>
      {wording.label ?? <code>{wording.code}</code>}
      {wording.detail ? <span className="block">{wording.detail}</span> : null}
    </>
  );
}

function roleName(roleCode: string | null) {
  if (!roleCode) return null;
  return isRoleCode(roleCode) ? t(`role.${roleCode}`) : <code>{roleCode}</code>;
}

function Note({ row }: { row: LogRow }) {
  if (row.delegationId) {
    return <>{row.delegatorName ? t("audit.delegation", { name: row.delegatorName }) : <code>{row.delegationId}</code>}</>;
  }
  if (row.reason) return <>{t("audit.reason", { reason: row.reason })}</>;
  return null;
}

function PatientCell({ patient }: { patient: LogPatient | undefined }) {
  if (!patient) return null;
  const identifier = formatPatientIdentifier(patient.identifier);
  return (
    <>
      {patient.inScope ? <Link to={`/logg/patient/${patient.id}`}>{patient.name}</Link> : patient.name}
      {patient.protectedIdentity ? <span className="tag">{t("audit.protected")}</span> : null}
      <span className="block nowrap">{identifier}</span>
    </>
  );
}

/**
 * The rows of one page. A patient's extract names who acted; a user's log names the
 * patient instead (the user is the page's subject).
 */
export function LogTable({ rows, patients }: { rows: LogRow[]; patients?: Record<string, LogPatient> }) {
  return (
    // A wide table scrolls inside its own region at tablet width instead of the whole page.
    <div className="audit-table-wrap" role="region" aria-labelledby="audit-table-caption" tabIndex={0}>
      <table className="table audit-table" data-testid="audit-log">
        <caption id="audit-table-caption">{t("audit.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.col.at")}</th>
            <th scope="col">{t("audit.col.kind")}</th>
            <th scope="col">{t("audit.col.what")}</th>
            <th scope="col">{patients ? t("audit.col.patient") : t("audit.col.who")}</th>
            <th scope="col">{t("audit.col.role")}</th>
            <th scope="col">{t("audit.col.unit")}</th>
            <th scope="col">{t("audit.col.note")}</th>
            <th scope="col">{t("audit.col.requestId")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-kind={row.kind}>
              <td className="nowrap">{logTime(row.at)}</td>
              <td>
                <span className={`tag audit-kind audit-kind--${row.kind}`}>{t(`audit.kind.${row.kind}`)}</span>
              </td>
              <td>
                <Words wording={describeAction(row.action, row.step)} />
                {row.entityType ? (
                  <span className="block audit-entity">
                    {describeEntity(row.entityType).label ?? <code>{row.entityType}</code>} <code>{row.entityId}</code>
                  </span>
                ) : null}
              </td>
              <td>
                {patients ? (
                  <PatientCell patient={row.patientId ? patients[row.patientId] : undefined} />
                ) : row.user ? (
                  <Link to={`/logg/anvandare/${row.user.id}`} aria-label={t("audit.userLogLink", { name: row.user.name })}>
                    {row.user.name}
                  </Link>
                ) : (
                  actorName(row)
                )}
              </td>
              <td>{roleName(row.roleCode)}</td>
              <td>{row.consumerSystem ? t("audit.system", { name: row.consumerSystem }) : row.unitName}</td>
              <td>
                <Note row={row} />
              </td>
              <td>{row.requestId ? <code className="audit-request-id">{row.requestId}</code> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Pager({ path, log, values }: { path: string; log: LogPage; values: FilterValues }) {
  if (log.pages <= 1) return null;
  const href = (page: number) => path + filterSearch(values, { sida: String(page) });
  return (
    <nav aria-label={t("audit.pager")} className="audit-pager">
      {log.page > 1 ? (
        <Link to={href(log.page - 1)} rel="prev">
          {t("audit.pager.previous")}
        </Link>
      ) : null}
      <span aria-current="page">{t("audit.pager.position", { page: log.page, pages: log.pages })}</span>
      {log.page < log.pages ? (
        <Link to={href(log.page + 1)} rel="next">
          {t("audit.pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}
