// Reading the audit trail (AuditEvent: every change) and the access log (AccessLog: every
// view) for the administrator's audit pages: a patient's log extract (PDL 8 kap. 5 §,
// HSLF-FS 2016:40 4 kap.) and a user's log.
//
// Scope: the units where the actor holds a role with audit:read, not only the active unit.
// An administrator answers for the log of every unit they administer; a patient asking
// for their extract should get one extract, not one per unit the administrator would have
// to switch to. What is shown is what happened at those units (and by connected systems,
// which act for no unit): another vårdgivare's units keep and hand out their own log.
// See docs/decisions/008-audit-scope.md.
import type { Actor } from "~/auth/actor.server";
import type { Db } from "~/db.server";
import type { PatientIdentifierKind, Prisma } from "~/generated/prisma/client";
import { parsePersonalIdentityNumber, parseReservnummer, type Parsed, type PatientIdentifier } from "~/domain/identifiers";
import { stepDetail, type StepDetail } from "./audit-describe";
import { instantRange, type AuditFilter } from "./audit-filter";
import { fullName } from "./contact-view";
import { everKnownAtUnit } from "./patients.server";

export const PAGE_SIZE = 100;

export type AuditScope = { units: { id: string; name: string }[] };

/** The units whose log the actor may read: those where one of their roles holds audit:read. */
export async function auditScope(db: Db, actor: Pick<Actor, "userId">): Promise<AuditScope> {
  const grants = await db.roleGrant.findMany({
    where: { userId: actor.userId, role: { permissions: { some: { permissionCode: "audit:read" } } } },
    select: { careUnit: { select: { id: true, name: true } } },
    orderBy: { careUnit: { name: "asc" } },
  });
  const units = new Map(grants.map((g) => [g.careUnit.id, g.careUnit]));
  return { units: [...units.values()] };
}

const unitIds = (scope: AuditScope) => scope.units.map((u) => u.id);

function patientInScope(scope: AuditScope): Prisma.PatientWhereInput {
  if (scope.units.length === 0) return { id: { in: [] } };
  // Ever, not only now: a patient's log extract covers access at a unit the patient has left.
  return { OR: scope.units.map((u) => everKnownAtUnit(u.id)) };
}

/** Rows written at one of the units, or by a connected system acting for no unit. */
function rowsInScope(scope: AuditScope) {
  return { OR: [{ careUnitId: { in: unitIds(scope) } }, { careUnitId: null }] };
}

const identity = {
  id: true,
  identifier: true,
  identifierKind: true,
  firstName: true,
  middleName: true,
  lastName: true,
  protectedIdentity: true,
} as const;

export type AuditPatient = {
  id: string;
  identifier: string;
  identifierKind: PatientIdentifierKind;
  name: string;
  protectedIdentity: boolean;
};

const toAuditPatient = (p: Prisma.PatientGetPayload<{ select: typeof identity }>): AuditPatient => ({
  id: p.id,
  identifier: p.identifier,
  identifierKind: p.identifierKind,
  name: fullName(p),
  protectedIdentity: p.protectedIdentity,
});

/**
 * The number a patient gives when asking for their extract: a personnummer or
 * samordningsnummer in any common form; a region's reservnummer (it has letters) too.
 */
export function readPatientIdentifier(input: string, today: string): Parsed<PatientIdentifier> {
  const text = input.replace(/\s+/g, "");
  if (/[A-Za-z]/.test(text)) {
    const reserv = parseReservnummer(text);
    if (reserv.ok) return reserv;
  }
  return parsePersonalIdentityNumber(text, today);
}

export async function findPatientByIdentifier(db: Db, scope: AuditScope, identifier: string) {
  const patient = await db.patient.findFirst({ where: { AND: [{ identifier }, patientInScope(scope)] }, select: { id: true } });
  return patient?.id ?? null;
}

export async function findAuditPatient(db: Db, scope: AuditScope, patientId: string): Promise<AuditPatient | null> {
  const patient = await db.patient.findFirst({ where: { AND: [{ id: patientId }, patientInScope(scope)] }, select: identity });
  return patient ? toAuditPatient(patient) : null;
}

const rolesIn = (scope: AuditScope) => ({
  where: { careUnitId: { in: unitIds(scope) } },
  select: { roleCode: true, careUnit: { select: { name: true } } },
  orderBy: [{ careUnit: { name: "asc" as const } }, { roleCode: "asc" as const }],
});

export type AuditUser = { id: string; name: string; username: string; roles: { roleCode: string; unitName: string }[] };

const toAuditUser = (u: {
  id: string;
  displayName: string;
  username: string;
  roleGrants: { roleCode: string; careUnit: { name: string } }[];
}): AuditUser => ({
  id: u.id,
  name: u.displayName,
  username: u.username,
  roles: u.roleGrants.map((g) => ({ roleCode: g.roleCode, unitName: g.careUnit.name })),
});

// SQLite's LIKE ignores case only for A–Z: also try the word with a capital first letter.
function wordFilter(word: string): Prisma.UserWhereInput {
  const variants = [...new Set([word, word.toLocaleLowerCase("sv"), word.charAt(0).toLocaleUpperCase("sv") + word.slice(1)])];
  return { OR: variants.flatMap((v) => [{ displayName: { contains: v } }, { username: { contains: v } }]) };
}

/** Users with a role at one of the units whose name or username holds every word. */
export async function searchUsers(db: Db, scope: AuditScope, query: string): Promise<AuditUser[]> {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  const users = await db.user.findMany({
    where: { AND: [{ roleGrants: { some: { careUnitId: { in: unitIds(scope) } } } }, ...words.map(wordFilter)] },
    select: { id: true, displayName: true, username: true, roleGrants: rolesIn(scope) },
    orderBy: { displayName: "asc" },
    take: 50,
  });
  return users.map(toAuditUser);
}

/**
 * A user whose log the actor may read: one with a role at the units now, or one who has
 * left a trace there (a former employee's log must stay readable after the role is gone).
 */
export async function findAuditUser(db: Db, scope: AuditScope, userId: string): Promise<AuditUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, displayName: true, username: true, roleGrants: rolesIn(scope) },
  });
  if (!user) return null;
  if (user.roleGrants.length > 0) return toAuditUser(user);
  const ids = unitIds(scope);
  const [change, view] = await Promise.all([
    db.auditEvent.findFirst({ where: { userId, careUnitId: { in: ids } }, select: { id: true } }),
    db.accessLog.findFirst({ where: { userId, careUnitId: { in: ids } }, select: { id: true } }),
  ]);
  return change || view ? toAuditUser(user) : null;
}

export type LogSubject = { patientId: string } | { userId: string };

/** One row of the log, ready to show: a change or a view, with names resolved. */
export type LogRow = {
  key: string;
  kind: "change" | "view";
  /** ISO instant; shown in Stockholm time. */
  at: string;
  action: string;
  step: StepDetail | null;
  entityType: string | null;
  entityId: string | null;
  user: { id: string; name: string; username: string } | null;
  roleCode: string | null;
  unitName: string | null;
  consumerSystem: string | null;
  delegationId: string | null;
  delegatorName: string | null;
  reason: string | null;
  requestId: string | null;
  patientId: string | null;
};

function whereFor(scope: AuditScope, subject: LogSubject, filter: Pick<AuditFilter, "from" | "to">) {
  const range = instantRange(filter);
  // Subject first and the time range next: exactly the (patientId, at) and (userId, at)
  // indexes of both tables, which also give the order (at desc, id desc) for free.
  return { AND: [{ ...subject, ...(range.gte || range.lt ? { at: range } : {}) }, rowsInScope(scope)] };
}

type Ref = { kind: "change" | "view"; id: number; at: Date };

// Newest first; a change and a view in the same millisecond: the change first.
const newestFirst = (a: Ref, b: Ref) =>
  b.at.getTime() - a.at.getTime() || (a.kind === b.kind ? b.id - a.id : a.kind === "change" ? -1 : 1);

export type LogPage = {
  counts: { changes: number; views: number; total: number };
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown (0 when empty). */
  first: number;
  last: number;
  rows: LogRow[];
};

/**
 * One page of the merged log. Both tables are read in index order, only ids and times,
 * as far as the page reaches; the rows of the page are then loaded in full.
 */
export async function readLogPage(
  db: Db,
  scope: AuditScope,
  subject: LogSubject,
  filter: AuditFilter,
  pageSize = PAGE_SIZE,
): Promise<LogPage> {
  const where = whereFor(scope, subject, filter);
  const wantChanges = filter.kind !== "visningar";
  const wantViews = filter.kind !== "andringar";
  const [changes, views] = await Promise.all([
    wantChanges ? db.auditEvent.count({ where }) : 0,
    wantViews ? db.accessLog.count({ where }) : 0,
  ]);
  const total = changes + views;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const refs = await mergedRefs(db, where, wantChanges, wantViews, page * pageSize);
  const slice = refs.slice((page - 1) * pageSize, page * pageSize);
  return {
    counts: { changes, views, total },
    page,
    pages,
    first: slice.length ? (page - 1) * pageSize + 1 : 0,
    last: (page - 1) * pageSize + slice.length,
    rows: await loadRows(db, slice),
  };
}

/** Every row the filter selects, newest first: the CSV file. */
export async function readWholeLog(db: Db, scope: AuditScope, subject: LogSubject, filter: AuditFilter): Promise<LogRow[]> {
  const where = whereFor(scope, subject, filter);
  const refs = await mergedRefs(db, where, filter.kind !== "visningar", filter.kind !== "andringar");
  return loadRows(db, refs);
}

async function mergedRefs(
  db: Db,
  where: ReturnType<typeof whereFor>,
  wantChanges: boolean,
  wantViews: boolean,
  take?: number,
): Promise<Ref[]> {
  const query = { where, orderBy: [{ at: "desc" as const }, { id: "desc" as const }], select: { id: true, at: true }, take };
  const [changes, views] = await Promise.all([
    wantChanges ? db.auditEvent.findMany(query) : [],
    wantViews ? db.accessLog.findMany(query) : [],
  ]);
  return [
    ...changes.map((r) => ({ kind: "change" as const, ...r })),
    ...views.map((r) => ({ kind: "view" as const, ...r })),
  ].sort(newestFirst);
}

async function loadRows(db: Db, refs: Ref[]): Promise<LogRow[]> {
  const ids = (kind: Ref["kind"]) => refs.filter((r) => r.kind === kind).map((r) => r.id);
  const [changes, views] = await Promise.all([
    db.auditEvent.findMany({ where: { id: { in: ids("change") } } }),
    db.accessLog.findMany({ where: { id: { in: ids("view") } } }),
  ]);
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const all = [...changes, ...views];
  const [users, units, delegations] = await Promise.all([
    db.user.findMany({
      where: { id: { in: distinct(all.map((r) => r.userId)) } },
      select: { id: true, displayName: true, username: true },
    }),
    db.careUnit.findMany({ where: { id: { in: distinct(all.map((r) => r.careUnitId)) } }, select: { id: true, name: true } }),
    db.delegation.findMany({
      where: { id: { in: distinct(changes.map((r) => r.delegationId)) } },
      select: { id: true, delegator: { select: { displayName: true } } },
    }),
  ]);
  const userById = new Map(users.map((u) => [u.id, { id: u.id, name: u.displayName, username: u.username }]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const delegatorName = new Map(delegations.map((d) => [d.id, d.delegator.displayName]));
  // The log keeps plain ids on purpose (append-only, never dependent on other rows): a row
  // whose user or unit is gone still shows, with the id it recorded.
  const common = (r: { userId: string | null; roleCode: string | null; careUnitId: string | null; requestId: string | null }) => ({
    user: r.userId ? (userById.get(r.userId) ?? { id: r.userId, name: r.userId, username: r.userId }) : null,
    roleCode: r.roleCode,
    unitName: r.careUnitId ? (unitName.get(r.careUnitId) ?? r.careUnitId) : null,
    requestId: r.requestId,
  });
  const changeById = new Map(changes.map((r) => [r.id, r]));
  const viewById = new Map(views.map((r) => [r.id, r]));
  return refs.flatMap((ref): LogRow[] => {
    if (ref.kind === "change") {
      const r = changeById.get(ref.id);
      if (!r) return [];
      return [
        {
          key: `c${r.id}`,
          kind: "change",
          at: r.at.toISOString(),
          action: r.action,
          step: stepDetail(r.action, r.after),
          entityType: r.entityType,
          entityId: r.entityId,
          ...common(r),
          consumerSystem: null,
          delegationId: r.delegationId,
          delegatorName: r.delegationId ? (delegatorName.get(r.delegationId) ?? null) : null,
          reason: null,
          patientId: r.patientId,
        },
      ];
    }
    const r = viewById.get(ref.id);
    if (!r) return [];
    return [
      {
        key: `v${r.id}`,
        kind: "view",
        at: r.at.toISOString(),
        action: r.action,
        step: null,
        entityType: null,
        entityId: null,
        ...common(r),
        consumerSystem: r.consumerSystem,
        delegationId: null,
        delegatorName: null,
        reason: r.reason,
        patientId: r.patientId,
      },
    ];
  });
}

export type LogPatient = AuditPatient & { inScope: boolean };

/** The patients a user's log names, and whether the actor may open each one's extract. */
export async function patientsOf(db: Db, scope: AuditScope, rows: LogRow[]): Promise<Record<string, LogPatient>> {
  const ids = [...new Set(rows.map((r) => r.patientId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return {};
  const [patients, inScope] = await Promise.all([
    db.patient.findMany({ where: { id: { in: ids } }, select: identity }),
    db.patient.findMany({ where: { AND: [{ id: { in: ids } }, patientInScope(scope)] }, select: { id: true } }),
  ]);
  const open = new Set(inScope.map((p) => p.id));
  return Object.fromEntries(patients.map((p) => [p.id, { ...toAuditPatient(p), inScope: open.has(p.id) }]));
}
