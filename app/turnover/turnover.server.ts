// The turnover page's data: every active assignment a leaver holds in the units the
// administrator administers, grouped by contact kind and unit, and for each row who could take
// it over — judged with the rules module exactly as the batch will judge it (judgeCandidate on
// the row's own CHANGE setting, on the day the change takes effect).
import { randomUUID } from "node:crypto";
import { actorRef, loadGrant, type Actor } from "~/auth/actor.server";
import { auditedWrite } from "~/audit.server";
import type { Db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/identifiers";
import { bySurname, fullName, patientRef, type PatientRef } from "~/models/contact-view";
import { staffScope } from "~/models/staff.server";
import { judgeCandidate } from "~/processes/appointment";
import { effectiveInstant, type BatchActor, type RowFailure } from "~/processes/batch.server";
import { loadCandidatePool, type PoolMember } from "~/processes/candidates.server";
import { appointmentSetting, loadPatientFactsById, loadUnitFacts } from "~/processes/facts.server";
import { reviewDateRequiredFor, type ContactKind, type Reason } from "../../machines/rules";
import { noCandidateReasons, resolvePlan, type Plan, type PlanCandidate, type PlanGroup, type Problem, type TurnoverChoices } from "./plan";

/** The administrator's grants in every unit they administer (staffScope): the batch acts in each with that unit's. */
export async function turnoverActor(db: Db, actor: Actor, now: Date): Promise<BatchActor> {
  const unitIds = staffScope(actor).unitIds;
  const grants = await Promise.all(unitIds.map((id) => loadGrant(db, actor.userId, id, actor.grant.roleCode, now)));
  return { userId: actor.userId, requestId: actor.requestId, grants: new Map(grants.map((g) => [g.careUnitId, g])) };
}

export type TurnoverRow = {
  assignmentId: string;
  version: number;
  patient: PatientRef;
  since: string;
  reviewDueDate: string | null;
  /** Whether the contact must have a review date: not a fast läkarkontakt (rules.reviewDateRequiredFor). */
  reviewDateRequired: boolean;
  lifeThreatening: boolean;
  overallCoordination: boolean;
  directPhoneVisibleToPatient: boolean;
  /** Relatives were told of the appointment, so they are told of the change too. */
  relatives: boolean;
  team: string | null;
  /** Who passes every rule for this row. */
  eligibleIds: string[];
  blocked: Problem | null;
};

export type TurnoverGroup = {
  key: string;
  kind: ContactKind;
  unitId: string;
  unitName: string;
  teams: { id: string; name: string; memberIds: string[] }[];
  /** Everyone eligible for at least one row, with how many rows. */
  choices: { staffMemberId: string; eligibleRows: number }[];
  rows: TurnoverRow[];
};

export type TurnoverCandidate = PlanCandidate & { befattning: string; qualifications: string[] };

export type Turnover = {
  leaver: { id: string; name: string; befattning: string; lastDay: string | null };
  /** The day the change takes effect (the day after the last day, or today once that has passed). */
  effectiveDate: string | null;
  groups: TurnoverGroup[];
  candidates: Record<string, TurnoverCandidate>;
  /** The leaver's contacts in units the administrator does not administer: counted, not shown. */
  elsewhere: number;
};

const groupKey = (kind: string, unitId: string) => `${kind}:${unitId}`;

/**
 * The leaver's rows and the judgements behind them, or null when the person is not in the
 * actor's staff scope. `planGroups` keeps every verdict for resolvePlan; `page` is what the
 * browser gets; the page that shows the patients logs the access (a page shows 100 rows).
 */
export async function loadTurnover(db: Db, actor: Actor, staffMemberId: string, now: Date) {
  const batchActor = await turnoverActor(db, actor, now);
  const unitIds = [...batchActor.grants.keys()];
  const leaver = await db.staffMember.findFirst({
    // Employed in one of the units, or still holding a contact there (employment moved elsewhere).
    where: {
      id: staffMemberId,
      OR: [
        { employments: { some: { careUnitId: { in: unitIds } } } },
        { assignments: { some: { endedAt: null, careUnitId: { in: unitIds } } } },
      ],
    },
    select: { id: true, firstName: true, middleName: true, lastName: true, employmentEndDate: true, befattning: { select: { name: true } } },
  });
  if (!leaver) return null;
  const lastDay = leaver.employmentEndDate;
  const date = lastDay ? isoDateInStockholm(effectiveInstant(lastDay, now)) : isoDateInStockholm(now);

  const [assignments, elsewhere] = await Promise.all([
    db.assignment.findMany({
      where: { staffMemberId, endedAt: null, careUnitId: { in: unitIds } },
      include: {
        patient: { select: { id: true, identifier: true, firstName: true, middleName: true, lastName: true, protectedIdentity: true } },
        careUnit: { select: { name: true } },
        team: { select: { name: true } },
      },
    }),
    db.assignment.count({ where: { staffMemberId, endedAt: null, careUnitId: { notIn: unitIds } } }),
  ]);
  const ids = assignments.map((a) => a.id);
  const rowUnits = [...new Set(assignments.map((a) => a.careUnitId))];
  const [patients, units, pools, teams, relatives, openCases] = await Promise.all([
    loadPatientFactsById(db, [...new Set(assignments.map((a) => a.patientId))]),
    Promise.all(rowUnits.map((id) => loadUnitFacts(db, id))),
    Promise.all(rowUnits.map((id) => loadCandidatePool(db, id, date))),
    db.team.findMany({ where: { careUnitId: { in: rowUnits } }, select: { id: true, name: true, careUnitId: true, members: { select: { staffMemberId: true } } } }),
    db.notification.findMany({ where: { assignmentId: { in: ids }, recipient: "RELATIVE" }, select: { assignmentId: true } }),
    db.processCase.findMany({ where: { processCode: "CHANGE", status: "OPEN", subjectId: { in: ids } }, select: { subjectId: true } }),
  ]);
  const poolOf = new Map(rowUnits.map((id, i) => [id, pools[i]]));
  const unitOf = new Map(units.flatMap((u) => (u ? [[u.id, u] as const] : [])));
  const told = new Set(relatives.map((n) => n.assignmentId));
  const changing = new Set(openCases.map((c) => c.subjectId));

  const groups = new Map<string, { view: TurnoverGroup; plan: PlanGroup & { rows: PlanGroup["rows"][number][] } }>();
  for (const a of [...assignments].sort((a, b) => bySurname(a.patient, b.patient))) {
    const key = groupKey(a.kind, a.careUnitId);
    const pool = poolOf.get(a.careUnitId) ?? [];
    let group = groups.get(key);
    if (!group) {
      const unitTeams = teams
        .filter((t) => t.careUnitId === a.careUnitId)
        .map((t) => ({ id: t.id, name: t.name, memberIds: t.members.map((m) => m.staffMemberId) }))
        .sort((x, y) => x.name.localeCompare(y.name, "sv"));
      group = {
        view: { key, kind: a.kind, unitId: a.careUnitId, unitName: a.careUnit.name, teams: unitTeams, choices: [], rows: [] },
        plan: { key, teams: unitTeams, rows: [] },
      };
      groups.set(key, group);
    }
    const grant = batchActor.grants.get(a.careUnitId);
    const unit = unitOf.get(a.careUnitId);
    const patient = patients.get(a.patientId);
    const verdicts = new Map<string, Reason[]>();
    if (grant && unit && patient) {
      const setting = appointmentSetting(
        { process: "CHANGE", kind: a.kind, unitId: a.careUnitId, patientId: a.patientId, lifeThreatening: a.lifeThreatening, assignmentId: a.id },
        { unit, patient, replaced: { facts: a, coordinationConsentAt: a.coordinationConsentAt, reviewDueDate: a.reviewDueDate } },
        grant,
        date,
      );
      for (const member of pool) verdicts.set(member.staffMemberId, candidateReasons(setting, member));
    }
    const eligibleIds = [...verdicts].filter(([, reasons]) => reasons.length === 0).map(([id]) => id);
    const blocked: Problem | null = changing.has(a.id)
      ? { code: "caseOpen" }
      : eligibleIds.length === 0
        ? { code: "noCandidate", reasons: noCandidateReasons(verdicts) }
        : null;
    group.plan.rows.push({ assignmentId: a.id, version: a.version, teamId: a.teamId, verdicts, blocked });
    group.view.rows.push({
      assignmentId: a.id,
      version: a.version,
      patient: patientRef(a.patient),
      since: isoDateInStockholm(a.startedAt),
      reviewDueDate: a.reviewDueDate,
      reviewDateRequired: reviewDateRequiredFor(a.kind),
      lifeThreatening: a.lifeThreatening,
      overallCoordination: a.overallCoordination,
      directPhoneVisibleToPatient: a.directPhoneVisibleToPatient,
      relatives: told.has(a.id),
      team: a.team?.name ?? null,
      eligibleIds,
      blocked,
    });
  }

  const candidates: Record<string, TurnoverCandidate> = {};
  for (const { view } of groups.values()) {
    const counts = new Map<string, number>();
    for (const row of view.rows) for (const id of row.eligibleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const member of poolOf.get(view.unitId) ?? []) {
      if (!counts.has(member.staffMemberId)) continue;
      const { staffMemberId, name, befattning, load, qualifications } = member;
      candidates[staffMemberId] = { staffMemberId, name, befattning, load, qualifications };
    }
    // The per-row choices in name order, as the group's choices.
    for (const row of view.rows) row.eligibleIds.sort((x, y) => candidates[x].name.localeCompare(candidates[y].name, "sv"));
    view.choices = [...counts]
      .map(([staffMemberId, eligibleRows]) => ({ staffMemberId, eligibleRows }))
      .sort((x, y) => candidates[x.staffMemberId].name.localeCompare(candidates[y.staffMemberId].name, "sv"));
  }

  const sortedGroups = [...groups.values()].sort((x, y) => x.view.unitName.localeCompare(y.view.unitName, "sv") || x.view.kind.localeCompare(y.view.kind));
  const page: Turnover = {
    leaver: { id: leaver.id, name: fullName(leaver), befattning: leaver.befattning.name, lastDay },
    effectiveDate: lastDay ? date : null,
    groups: sortedGroups.map((g) => g.view),
    candidates,
    elsewhere,
  };
  return { page, planGroups: sortedGroups.map((g) => g.plan), batchActor };
}

/** Why a person cannot take over this row (empty when they can). A written justification is the new person's own: not in a batch. */
function candidateReasons(setting: Parameters<typeof judgeCandidate>[0], member: PoolMember): Reason[] {
  const judged = judgeCandidate(setting, member.facts);
  return judged.needsJustification ? [...judged.reasons, { code: "justificationRequired" }] : judged.reasons;
}

/** Rows shown per page: a leaver with thousands of contacts must not make a page of many megabytes. */
export const ROWS_PER_PAGE = 100;

/**
 * One page of the rows (all groups, in order), with the candidates those rows can choose
 * from. Every group stays, with its size, so its group choice can be made on any page.
 */
export function pageOf(page: Turnover, pageNumber: number) {
  const total = page.groups.reduce((n, g) => n + g.rows.length, 0);
  const pages = Math.max(1, Math.ceil(total / ROWS_PER_PAGE));
  const current = Math.min(Math.max(1, Math.trunc(pageNumber) || 1), pages);
  const from = (current - 1) * ROWS_PER_PAGE;
  let offset = 0;
  const groups = page.groups.map((group) => {
    const rows = group.rows.slice(Math.max(0, from - offset), Math.max(0, from + ROWS_PER_PAGE - offset));
    offset += group.rows.length;
    return { ...group, size: group.rows.length, withoutReviewDate: group.rows.filter((r) => r.reviewDueDate === null && r.reviewDateRequired).length, rows };
  });
  return { ...page, groups, rowCount: total, pages: { current, count: pages } };
}

/** The plan for these choices, with the candidates as the page shows them. */
export function planFor(turnover: NonNullable<Awaited<ReturnType<typeof loadTurnover>>>, choices: TurnoverChoices): Plan {
  return resolvePlan(turnover.planGroups, new Map(Object.entries(turnover.page.candidates)), choices);
}

// ───────────────────────────── Batches ─────────────────────────────────────────────

export type StoredBatch = {
  id: string;
  staffMemberId: string;
  status: "DRAFT" | "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "INTERRUPTED";
  choices: TurnoverChoices;
  plan: Plan;
  total: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  effectiveAt: Date | null;
  failures: BatchFailures | null;
};

/** Why a batch wrote nothing: the rows that stopped it, or a problem of the whole batch. */
export type BatchFailures = { rows: RowFailure[]; problem?: "noLastDay" | "error" | "interrupted"; requestId?: string };

/**
 * Saves the previewed plan as a draft; the preview page shows it and its start button names
 * it, so that what starts is exactly what was shown, once.
 */
export async function saveDraft(db: Db, actor: Actor, staffMemberId: string, choices: TurnoverChoices, plan: Plan, now: Date) {
  const id = randomUUID();
  const total = plan.rows.filter((r) => r.outcome === "change").length;
  return auditedWrite(db, actorRef(actor), now, async (tx) => {
    await tx.turnoverBatch.create({
      data: {
        id,
        staffMemberId,
        createdByUserId: actor.userId,
        roleCode: actor.grant.roleCode,
        careUnitId: actor.unit.id,
        reason: choices.reason,
        reviewDueDate: choices.reviewDueDate,
        choices: JSON.stringify(choices),
        plan: JSON.stringify(plan),
        total,
        createdAt: now,
      },
    });
    return { result: id, audit: [{ action: "turnover.plan", entityType: "TurnoverBatch", entityId: id, after: { staffMemberId, total } }] };
  });
}

/** Lists of rows in a preview stop here; the counts say how many more there are. */
export const LIST_LIMIT = 200;

/**
 * What the turnover page shows of a saved plan or a failed run: the counts, the replacements'
 * loads, the first rows that change, and the notes of the rows on the page shown (`visible`).
 */
export function batchView(batch: StoredBatch, page: Turnover, visible: ReadonlySet<string>) {
  const patients = new Map(page.groups.flatMap((g) => g.rows.map((r) => [r.assignmentId, r.patient.name] as const)));
  const count = (outcome: string) => batch.plan.rows.filter((r) => r.outcome === outcome).length;
  const changes = batch.plan.rows.flatMap((r) => (r.outcome === "change" ? [r] : []));
  const problems: Record<string, Problem> = {};
  for (const r of batch.plan.rows) if (r.outcome === "blocked" && visible.has(r.assignmentId)) problems[r.assignmentId] = r.problem;
  return {
    id: batch.id,
    status: batch.status,
    counts: { change: changes.length, keep: count("keep"), none: count("none"), blocked: count("blocked") },
    loads: batch.plan.loads,
    changes: changes.slice(0, LIST_LIMIT).map((r) => ({ assignmentId: r.assignmentId, patient: patients.get(r.assignmentId) ?? null, replacementId: r.replacementId })),
    problems,
    failures: Object.fromEntries((batch.failures?.rows ?? []).filter((f) => visible.has(f.assignmentId)).map((f) => [f.assignmentId, f])),
    failed: batch.failures ? { problem: batch.failures.problem ?? null, requestId: batch.failures.requestId ?? null } : null,
  };
}

/** A batch the actor planned, for this leaver; null when there is none. */
export async function findBatch(db: Db, actor: Pick<Actor, "userId">, staffMemberId: string, batchId: string): Promise<StoredBatch | null> {
  const row = await db.turnoverBatch.findFirst({ where: { id: batchId, staffMemberId, createdByUserId: actor.userId } });
  if (!row) return null;
  return {
    id: row.id,
    staffMemberId: row.staffMemberId,
    status: row.status,
    choices: JSON.parse(row.choices) as TurnoverChoices,
    plan: JSON.parse(row.plan) as Plan,
    total: row.total,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    effectiveAt: row.effectiveAt,
    failures: row.failures ? (JSON.parse(row.failures) as BatchFailures) : null,
  };
}
