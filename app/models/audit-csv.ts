// The rows of a patient's log extract as CSV: the columns of the page, in words, one line
// per change or view. Each line also names the patient, so a line copied out of the file
// still says whose log it is.
import { formatPatientIdentifier } from "~/domain/identifiers";
import { isRoleCode } from "~/domain/permissions";
import { t } from "~/i18n";
import { actorName, describeAction, describeEntity, logTime, wordingText } from "./audit-describe";
import type { AuditPatient, LogRow } from "./audit-log.server";
import { toCsv } from "./csv";

function note(row: LogRow): string {
  if (row.delegationId) return row.delegatorName ? t("audit.delegation", { name: row.delegatorName }) : row.delegationId;
  return row.reason ? t("audit.reason", { reason: row.reason }) : "";
}

export function extractCsv(patient: AuditPatient, rows: LogRow[]): string {
  const header = [
    t("audit.col.at"),
    t("audit.col.kind"),
    t("audit.col.what"),
    t("audit.col.entity"),
    t("audit.col.who"),
    t("audit.col.role"),
    t("audit.col.unit"),
    t("audit.col.note"),
    t("audit.col.requestId"),
    t("audit.col.patient"),
    t("audit.col.personnummer"),
  ];
  const identifier = formatPatientIdentifier(patient.identifier);
  return toCsv(
    header,
    rows.map((row) => [
      logTime(row.at),
      t(`audit.kind.${row.kind}`),
      wordingText(describeAction(row.action, row.step)),
      row.entityType ? `${wordingText(describeEntity(row.entityType))} ${row.entityId ?? ""}`.trim() : "",
      actorName(row),
      row.roleCode ? (isRoleCode(row.roleCode) ? t(`role.${row.roleCode}`) : row.roleCode) : "",
      row.consumerSystem ? t("audit.system", { name: row.consumerSystem }) : (row.unitName ?? ""),
      note(row),
      row.requestId ?? "",
      patient.name,
      identifier,
    ]),
  );
}
