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
import { appointerOf, appointmentSetting, loadCareGivers, loadMedicalStaffFacts, loadPatientFactsById, loadUnitFacts } from "~/processes/facts.server";
import { APPOINTER_REASONS, appointerMayAppoint, medicallyResponsibleRules, reviewDateRequiredFor, type ContactKind, type Reason } from "../../machines/rules";
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
  /**
   * Set when the contact's medically responsible läkare cannot stay (the leaver, or no longer
   * eligible): who it is now, and the läkare of the unit who may take it (decision 018).
   */
  medical: { current: string; eligibleIds: string[] } | null;
};

/** A contact someone else holds, whose medically responsible läkare is the leaver. */
export type MedicalRow = {
  assignmentId: string;
  version: number;
  patient: PatientRef;
  kind: ContactKind;
  unitName: string;
  holder: string;
  /** The läkare of the unit who may be medically responsible. */
  eligibleIds: string[];
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
  /**
   * Why the signed-in user may prepare but not carry out this group: the appointing right in
   * the unit (appointerMayAppoint, decision 018); empty when they may.
   */
  mayNotRun: Reason[];
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
  /** Contacts others hold where the leaver is the medically responsible läkare. */
  medical: MedicalRow[];
};

const groupKey = (kind: string, unitId: string) => `${kind}:${unitId}`;

/** The plan group of the contacts where the leaver is only the medically responsible läkare. */
export const MEDICAL_GROUP = "MEDICAL";

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

  const include = {
    patient: { select: { id: true, identifier: true, firstName: true, middleName: true, lastName: true, protectedIdentity: true } },
    careUnit: { select: { name: true } },
    team: { select: { name: true } },
    staffMember: { select: { firstName: true, middleName: true, lastName: true } },
    medicallyResponsibleStaff: { select: { firstName: true, middleName: true, lastName: true } },
  } as const;
  const [assignments, elsewhere, medicalOnly] = await Promise.all([
    db.assignment.findMany({ where: { staffMemberId, endedAt: null, careUnitId: { in: unitIds } }, include }),
    db.assignment.count({ where: { staffMemberId, endedAt: null, careUnitId: { notIn: unitIds } } }),
    // Seed §3.3: contacts others hold whose medically responsible läkare leaves (decision 018).
    db.assignment.findMany({ where: { medicallyResponsibleStaffId: staffMemberId, staffMemberId: { not: staffMemberId }, endedAt: null, careUnitId: { in: unitIds } }, include }),
  ]);
  const ids = assignments.map((a) => a.id);
  const rowUnits = [...new Set([...assignments, ...medicalOnly].map((a) => a.careUnitId))];
  const [patients, units, pools, teams, relatives, openCases, careGivers] = await Promise.all([
    loadPatientFactsById(db, [...new Set(assignments.map((a) => a.patientId))]),
    Promise.all(rowUnits.map((id) => loadUnitFacts(db, id))),
    Promise.all(rowUnits.map((id) => loadCandidatePool(db, id, date))),
    db.team.findMany({ where: { careUnitId: { in: rowUnits } }, select: { id: true, name: true, careUnitId: true, members: { select: { staffMemberId: true } } } }),
    db.notification.findMany({ where: { assignmentId: { in: ids }, recipient: "RELATIVE" }, select: { assignmentId: true } }),
    db.processCase.findMany({ where: { processCode: "CHANGE", status: "OPEN", subjectId: { in: ids } }, select: { subjectId: true } }),
    loadCareGivers(db, rowUnits),
  ]);
  const poolOf = new Map(rowUnits.map((id, i) => [id, pools[i]]));
  const unitOf = new Map(units.flatMap((u) => (u ? [[u.id, u] as const] : [])));
  // The läkare who could be medically responsible, and those who are now: judged by medicallyResponsibleRules.
  const lakareIds = pools.flat().flatMap((m) => (m.facts.legitimations.includes("LK") ? [m.staffMemberId] : []));
  const currentIds = assignments.flatMap((a) => (a.medicallyResponsibleStaffId ? [a.medicallyResponsibleStaffId] : []));
  const medicalFacts = await loadMedicalStaffFacts(db, [...new Set([...lakareIds, ...currentIds])]);
  const medicalReasons = (staffId: string, unitId: string): Reason[] => {
    const facts = medicalFacts.get(staffId);
    return facts ? medicallyResponsibleRules(facts.person, facts.workplaces, careGivers.get(unitId) ?? "", date) : [{ code: "medicallyResponsibleOutsideCareGiver" }];
  };
  const medicalVerdicts = (unitId: string) =>
    new Map(
      (poolOf.get(unitId) ?? []).flatMap((m) => (m.facts.legitimations.includes("LK") && m.staffMemberId !== staffMemberId ? [[m.staffMemberId, medicalReasons(m.staffMemberId, unitId)] as const] : [])),
    );
  const eligibleOf = (verdicts: ReadonlyMap<string, readonly Reason[]>) => [...verdicts].filter(([, reasons]) => reasons.length === 0).map(([id]) => id);
  const medicalIds = new Set<string>();
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
      const grant = batchActor.grants.get(a.careUnitId);
      const unit = unitOf.get(a.careUnitId);
      // Preparing is open to the administrator; carrying out needs the appointing right (decision 018).
      const mayNotRun = grant && unit ? appointerMayAppoint({ kind: a.kind, unit, appointer: appointerOf(grant, a.kind), process: "CHANGE" }) : [];
      group = {
        view: { key, kind: a.kind, unitId: a.careUnitId, unitName: a.careUnit.name, teams: unitTeams, choices: [], rows: [], mayNotRun },
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
    // The medically responsible läkare stays unless it is the leaver or no longer eligible; then one is chosen.
    const current = a.medicallyResponsibleStaffId;
    const medicalNeeded = current !== null && (current === staffMemberId || medicalReasons(current, a.careUnitId).length > 0);
    const medical = medicalNeeded ? { verdicts: medicalVerdicts(a.careUnitId) } : undefined;
    if (medical) for (const id of eligibleOf(medical.verdicts)) medicalIds.add(id);
    group.plan.rows.push({ assignmentId: a.id, version: a.version, teamId: a.teamId, verdicts, blocked, ...(medical ? { medical } : {}) });
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
      medical: medical && a.medicallyResponsibleStaff ? { current: fullName(a.medicallyResponsibleStaff), eligibleIds: eligibleOf(medical.verdicts) } : null,
    });
  }

  // Contacts where the leaver is only the medically responsible läkare: their own plan group.
  const medicalPlan: PlanGroup & { rows: PlanGroup["rows"][number][] } = { key: MEDICAL_GROUP, teams: [], rows: [] };
  const medicalView: MedicalRow[] = [];
  for (const a of [...medicalOnly].sort((x, y) => bySurname(x.patient, y.patient))) {
    const verdicts = medicalVerdicts(a.careUnitId);
    for (const id of eligibleOf(verdicts)) medicalIds.add(id);
    medicalPlan.rows.push({ assignmentId: a.id, version: a.version, teamId: a.teamId, verdicts: new Map(), blocked: null, medical: { verdicts }, holder: false });
    medicalView.push({
      assignmentId: a.id,
      version: a.version,
      patient: patientRef(a.patient),
      kind: a.kind,
      unitName: a.careUnit.name,
      holder: fullName(a.staffMember),
      eligibleIds: eligibleOf(verdicts),
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

  // The läkare offered as medically responsible, named like the other candidates.
  for (const pool of pools) {
    for (const member of pool) {
      if (!medicalIds.has(member.staffMemberId) || candidates[member.staffMemberId]) continue;
      const { staffMemberId, name, befattning, load, qualifications } = member;
      candidates[staffMemberId] = { staffMemberId, name, befattning, load, qualifications };
    }
  }
  const byName = (x: string, y: string) => (candidates[x]?.name ?? "").localeCompare(candidates[y]?.name ?? "", "sv");
  for (const { view } of groups.values()) for (const row of view.rows) row.medical?.eligibleIds.sort(byName);
  for (const row of medicalView) row.eligibleIds.sort(byName);

  const sortedGroups = [...groups.values()].sort((x, y) => x.view.unitName.localeCompare(y.view.unitName, "sv") || x.view.kind.localeCompare(y.view.kind));
  const page: Turnover = {
    leaver: { id: leaver.id, name: fullName(leaver), befattning: leaver.befattning.name, lastDay },
    effectiveDate: lastDay ? date : null,
    groups: sortedGroups.map((g) => g.view),
    candidates,
    elsewhere,
    medical: medicalView,
  };
  const planGroups = [...sortedGroups.map((g) => g.plan), ...(medicalPlan.rows.length > 0 ? [medicalPlan] : [])];
  return { page, planGroups, batchActor };
}

/** Why a person cannot take over this row (empty when they can). A written justification is the new person's own: not in a batch. */
function candidateReasons(setting: Parameters<typeof judgeCandidate>[0], member: PoolMember): Reason[] {
  const judged = judgeCandidate(setting, member.facts);
  // The appointing right is the user's, not the person's: it decides who may run the plan, not who is in it.
  const reasons = judged.reasons.filter((r) => !APPOINTER_REASONS.includes(r.code));
  return judged.needsJustification ? [...reasons, { code: "justificationRequired" }] : reasons;
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
  const total = plan.rows.filter((r) => r.outcome === "change" || r.outcome === "medical").length;
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
    counts: { change: changes.length, medical: count("medical"), keep: count("keep"), none: count("none"), blocked: count("blocked") },
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
