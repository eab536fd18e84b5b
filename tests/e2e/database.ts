// The database the e2e server runs on (tests/e2e/global-setup.ts, or a story's own server:
// own-server.ts), opened read-only: the browser tests pick demo rows from it and check what
// the server wrote. A fresh connection per query, so every read sees the server's last commit.
import Database from "better-sqlite3";
import { fullName } from "~/models/contact-view";
import { UNITS, type UnitKey } from "../../prisma/demo/units";
import { demoUserId, type DemoUsername } from "../../prisma/demo/users";
import { databaseFile } from "./server";

/** Set by a story that runs a server of its own; every other file reads the shared database. */
let ownFile: string | null = null;

const file = () => ownFile ?? databaseFile("e2e");

export function pointDatabaseAt(path: string | null) {
  ownFile = path;
}

export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(file(), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Exactly one row: a story that finds none (or several) says so instead of going on blind. */
export function one<T>(sql: string, ...params: unknown[]): T {
  const rows = query<T>(sql, ...params);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql} ${JSON.stringify(params)}`);
  return rows[0];
}

/** The first row, or an error naming the query: a story needs a patient to work on. */
export function first<T>(what: string, sql: string, ...params: unknown[]): T {
  const [row] = query<T>(sql, ...params);
  if (!row) throw new Error(`no ${what} left in the demo region for this story (${sql.replace(/\s+/g, " ")})`);
  return row;
}

export const unitId = (key: UnitKey) => UNITS[key];
export const userId = (username: DemoUsername) => demoUserId(username);

/**
 * Where the logs stand now: a story reads only the rows written after this mark, so rows
 * that other test files (or the seed) wrote for the same patient never confuse it.
 */
export function logMark() {
  return one<{ audit: number; access: number }>(
    `SELECT (SELECT coalesce(max(id), 0) FROM AuditEvent) AS audit, (SELECT coalesce(max(id), 0) FROM AccessLog) AS access`,
  );
}

export type AuditRow = {
  action: string;
  userId: string | null;
  roleCode: string | null;
  careUnitId: string | null;
  delegationId: string | null;
  entityType: string;
  entityId: string;
  /** The event of a case step (AuditEvent.after.event), null for the rows of its effects. */
  event: string | null;
};

/** The audit rows about the patient written after the mark, in order. */
export function auditSince(mark: { audit: number }, patientId: string): AuditRow[] {
  return query<AuditRow>(
    `SELECT action, userId, roleCode, careUnitId, delegationId, entityType, entityId,
            CASE WHEN entityType = 'ProcessCase' THEN json_extract(after, '$.event') END AS event
     FROM AuditEvent WHERE id > ? AND patientId = ? ORDER BY id`,
    mark.audit,
    patientId,
  );
}

export type AccessRow = { action: string; userId: string | null; roleCode: string | null; careUnitId: string | null };

/** The access-log rows about the patient written after the mark, in order. */
export function accessSince(mark: { access: number }, patientId: string): AccessRow[] {
  return query<AccessRow>(
    `SELECT action, userId, roleCode, careUnitId FROM AccessLog WHERE id > ? AND patientId = ? ORDER BY id`,
    mark.access,
    patientId,
  );
}

export type CaseRow = {
  id: string;
  processCode: string;
  status: string;
  state: string;
  outcome: string | null;
  contactKind: string | null;
  subjectId: string | null;
  careUnitId: string;
  openedByUserId: string;
  closedAt: string | null;
  deadlineAt: string | null;
  appointmentDueAt: string | null;
};

export const caseRow = (caseId: string) => one<CaseRow>(`SELECT * FROM ProcessCase WHERE id = ?`, caseId);

export type AssignmentRow = {
  id: string;
  kind: string;
  patientId: string;
  staffMemberId: string;
  careUnitId: string;
  startedAt: string;
  endedAt: string | null;
  endReason: string | null;
  reviewDueDate: string | null;
  lifeThreatening: number;
  appointedByUserId: string | null;
  caseId: string | null;
  replacesId: string | null;
};

export const assignmentsOfCase = (caseId: string) =>
  query<AssignmentRow>(`SELECT * FROM Assignment WHERE caseId = ? ORDER BY startedAt, id`, caseId);

export const assignmentRow = (id: string) => one<AssignmentRow>(`SELECT * FROM Assignment WHERE id = ?`, id);

export type NotificationRow = {
  recipient: string;
  channel: string | null;
  status: string;
  notifiedAt: string | null;
  recordedByUserId: string | null;
  assignmentId: string | null;
};

export const notificationsOfCase = (caseId: string) =>
  query<NotificationRow>(
    `SELECT recipient, channel, status, notifiedAt, recordedByUserId, assignmentId FROM Notification WHERE caseId = ? ORDER BY recipient, id`,
    caseId,
  );

export type RefusalRow = { kind: string; careUnitId: string; declinedOn: string; comment: string | null; recordedByUserId: string };

export const refusalsOfCase = (caseId: string) =>
  query<RefusalRow>(`SELECT kind, careUnitId, declinedOn, comment, recordedByUserId FROM Refusal WHERE caseId = ?`, caseId);

/** "YYYY-MM-DD" of an instant as Prisma stores it (ISO text), on Swedish clocks. */
export const stockholmDay = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm" }).format(new Date(iso));

/** A staff member's full name as the pickers and cards show it. */
export function staffName(staffMemberId: string) {
  const s = one<{ firstName: string; middleName: string | null; lastName: string }>(
    `SELECT firstName, middleName, lastName FROM StaffMember WHERE id = ?`,
    staffMemberId,
  );
  return fullName(s);
}

/** A patient's full name as every page shows it. */
export function patientName(patientId: string) {
  return fullName(one<{ firstName: string; middleName: string | null; lastName: string }>(`SELECT firstName, middleName, lastName FROM Patient WHERE id = ?`, patientId));
}
