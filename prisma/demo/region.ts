// Region Norrsjö: the demo region, written in one transaction.
//
// Idempotent by construction: every row has a deterministic id (or natural key) and is
// created only if it is missing; rows that exist are left as they are, so a second run
// creates nothing, and changes made through the application since the first run (an ended
// contact, a staff member's last day) are never undone. Audit rows are written for the
// assignments and refusals that this run created, and for nothing else: AuditEvent is
// append-only. The open cases then run through the executor (cases.ts), which writes their
// rows and audit trail itself, one transaction per step. Dates are relative to `today`; to
// move them, reset the database and seed again.
import bcrypt from "bcryptjs";
import { recordAudit, type AuditEntry } from "~/audit.server";
import { loadGrant, type ActorRef } from "~/auth/actor.server";
import type { Db, Tx } from "~/db.server";
import { dispatch, startCase, type StepResult } from "~/processes/dispatch.server";
import { buildContacts } from "./assignments";
import { buildCareRelations, careEpisodeRows, homeCareRows, listingRows } from "./care-relations";
import { buildCases, type DemoCase } from "./cases";
import { isIsoDate } from "~/domain/dates";
import { addDays, stockholmInstant } from "./dates";
import { UNITS, buildCareUnits, buildOrganisations, buildTeams, buildUnitAndTeamContactWays } from "./organisations";
import { buildPatients, patientRows } from "./patients";
import { buildReferralScenario } from "./referrals";
import { buildStaff, staffId } from "./staff";
import { DEMO_DELEGATION, DEMO_TURNOVER_DELEGATIONS, DEMO_USERS, type DemoUsername } from "./users";

export const TABLES = [
  "organisation",
  "careUnit",
  "team",
  "contactWay",
  "staffMember",
  "staffSpecialty",
  "employment",
  "teamMember",
  "patient",
  "listing",
  "homeCareService",
  "careEpisode",
  "user",
  "roleGrant",
  "delegation",
  "processCase",
  "assignment",
  "refusal",
  "notification",
  "dischargeReferral",
  "auditEvent",
] as const;
export type Table = (typeof TABLES)[number];

/** How many rows of each table exist after the run, and how many this run created. */
export type Summary = { counts: Record<Table, number>; created: Record<Table, number> };

export type SeedOptions = {
  /** "YYYY-MM-DD", today in Europe/Stockholm. */
  today: string;
  password: string;
};

const BCRYPT_COST = 10;

export async function seedDemoRegion(db: Db, options: SeedOptions): Promise<Summary> {
  const { today, password } = options;
  if (!isIsoDate(today)) throw new Error(`today must be YYYY-MM-DD, got "${today}"`);
  if (password.length === 0) throw new Error("the demo password must not be empty");

  // bcrypt outside the transaction, so the write lock is held only for the writes. A user
  // whose stored hash already matches keeps it; otherwise the hash is (re)made.
  const existingUsers = await db.user.findMany({ where: { username: { in: DEMO_USERS.map((u) => u.username) } } });
  const passwordHashes = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const existing = existingUsers.find((e) => e.username === u.username);
    const keep = existing && (await bcrypt.compare(password, existing.passwordHash));
    passwordHashes.set(u.username, keep ? existing.passwordHash : await bcrypt.hash(password, BCRYPT_COST));
  }

  const created = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<Table, number>;
  let written: Awaited<ReturnType<typeof writeRegion>>;
  try {
    written = await db.$transaction((tx) => writeRegion(tx, today, passwordHashes, created), { timeout: 60_000 });
  } catch (error) {
    if (error instanceof Error && /Unique constraint/i.test(error.message)) {
      throw new Error(
        `The database holds rows that clash with the demo region (same natural key, other id): ${error.message}\n` +
          "Seed an empty, migrated database or one that this seed wrote before.",
        { cause: error },
      );
    }
    throw error;
  }

  // The cases write through the executor, one transaction per step: count what they add.
  const before = {} as Record<Table, number>;
  for (const table of TABLES) before[table] = await countRows(db, table);
  await runDemoCases(db, written.cases, written.userIds, written.laterAudit);
  const counts = {} as Record<Table, number>;
  for (const table of TABLES) {
    counts[table] = await countRows(db, table);
    created[table] += counts[table] - before[table];
  }
  return { counts, created };
}

async function countRows(db: Db, table: Table): Promise<number> {
  // Each delegate has its own count(); a lookup keeps the list of tables in one place.
  const delegate = db[table] as unknown as { count: () => Promise<number> };
  return delegate.count();
}

/** Creates the rows whose ids are missing; returns the created rows. */
async function createMissing<T extends { id: string }>(
  rows: T[],
  findExisting: (ids: string[]) => Promise<{ id: string }[]>,
  create: (rows: T[]) => Promise<unknown>,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const existing = new Set((await findExisting(rows.map((r) => r.id))).map((r) => r.id));
  const missing = rows.filter((r) => !existing.has(r.id));
  if (missing.length > 0) await create(missing);
  return missing;
}

/** The demo builders always set ids; this makes that visible to the type checker. */
function withIds<T extends { id?: string }>(rows: T[]): (T & { id: string })[] {
  return rows.map((row) => {
    if (!row.id) throw new Error("a demo row has no id");
    return row as T & { id: string };
  });
}

const byIds = (ids: string[]) => ({ where: { id: { in: ids } }, select: { id: true } }) as const;

async function writeRegion(tx: Tx, today: string, passwordHashes: Map<string, string>, created: Record<Table, number>) {
  // ── Organisations, units, teams, contact ways ─────────────────────────────
  created.organisation = (await createMissing(withIds(buildOrganisations()), (ids) => tx.organisation.findMany(byIds(ids)), (data) => tx.organisation.createMany({ data }))).length;
  created.careUnit = (await createMissing(withIds(buildCareUnits()), (ids) => tx.careUnit.findMany(byIds(ids)), (data) => tx.careUnit.createMany({ data }))).length;
  created.team = (await createMissing(withIds(buildTeams()), (ids) => tx.team.findMany(byIds(ids)), (data) => tx.team.createMany({ data }))).length;

  // ── Staff ─────────────────────────────────────────────────────────────────
  const staff = buildStaff(today);
  created.staffMember = (await createMissing(withIds(staff.staff), (ids) => tx.staffMember.findMany(byIds(ids)), (data) => tx.staffMember.createMany({ data }))).length;
  const contactWays = withIds([...buildUnitAndTeamContactWays(), ...staff.contactWays]);
  created.contactWay = (await createMissing(contactWays, (ids) => tx.contactWay.findMany(byIds(ids)), (data) => tx.contactWay.createMany({ data }))).length;
  const staffIds = withIds(staff.staff).map((s) => s.id);
  // Composite keys: compare on the key itself.
  const specialtyKey = (r: { staffMemberId: string; specialty: string }) => `${r.staffMemberId}|${r.specialty}`;
  const haveSpecialties = new Set((await tx.staffSpecialty.findMany({ where: { staffMemberId: { in: staffIds } } })).map(specialtyKey));
  const newSpecialties = staff.specialties.filter((r) => !haveSpecialties.has(specialtyKey(r)));
  if (newSpecialties.length) await tx.staffSpecialty.createMany({ data: newSpecialties });
  created.staffSpecialty = newSpecialties.length;
  const employmentKey = (r: { staffMemberId: string; careUnitId: string }) => `${r.staffMemberId}|${r.careUnitId}`;
  const haveEmployments = new Set((await tx.employment.findMany({ where: { staffMemberId: { in: staffIds } } })).map(employmentKey));
  const newEmployments = staff.employments.filter((r) => !haveEmployments.has(employmentKey(r)));
  if (newEmployments.length) await tx.employment.createMany({ data: newEmployments });
  created.employment = newEmployments.length;
  const memberKey = (r: { staffMemberId: string; teamId: string }) => `${r.staffMemberId}|${r.teamId}`;
  const haveMembers = new Set((await tx.teamMember.findMany({ where: { staffMemberId: { in: staffIds } } })).map(memberKey));
  const newMembers = staff.teamMembers.filter((r) => !haveMembers.has(memberKey(r)));
  if (newMembers.length) await tx.teamMember.createMany({ data: newMembers });
  created.teamMember = newMembers.length;

  // ── Patients and their relations to units ─────────────────────────────────
  const patients = buildPatients(today);
  const relations = buildCareRelations(patients, today);
  created.patient = (await createMissing(withIds(patientRows(patients)), (ids) => tx.patient.findMany(byIds(ids)), (data) => tx.patient.createMany({ data }))).length;
  created.listing = (await createMissing(withIds(listingRows(relations)), (ids) => tx.listing.findMany(byIds(ids)), (data) => tx.listing.createMany({ data }))).length;
  created.careEpisode = (await createMissing(withIds(careEpisodeRows(relations)), (ids) => tx.careEpisode.findMany(byIds(ids)), (data) => tx.careEpisode.createMany({ data }))).length;

  // ── Users, role grants, the delegation ────────────────────────────────────
  const userIds = {} as Record<DemoUsername, string>;
  for (const u of DEMO_USERS) {
    const existing = await tx.user.findUnique({ where: { username: u.username }, select: { id: true, passwordHash: true } });
    const passwordHash = passwordHashes.get(u.username)!;
    if (existing) {
      if (existing.passwordHash !== passwordHash) await tx.user.update({ where: { id: existing.id }, data: { passwordHash } });
      userIds[u.username] = existing.id;
    } else {
      await tx.user.create({ data: { id: u.id, username: u.username, passwordHash, displayName: u.displayName, staffMemberId: staffId(u.staffKey) } });
      userIds[u.username] = u.id;
      created.user++;
    }
  }
  for (const u of DEMO_USERS) {
    for (const unit of u.units) {
      const key = { userId: userIds[u.username], careUnitId: UNITS[unit], roleCode: u.role };
      const grant = await tx.roleGrant.findUnique({ where: { userId_careUnitId_roleCode: key }, select: { id: true } });
      if (!grant) {
        await tx.roleGrant.create({ data: { id: `demo-grant-${u.username}-${UNITS[unit].slice("demo-unit-".length)}`, ...key } });
        created.roleGrant++;
      }
    }
  }
  for (const delegation of [DEMO_DELEGATION, ...DEMO_TURNOVER_DELEGATIONS]) {
    if (await tx.delegation.findUnique({ where: { id: delegation.id }, select: { id: true } })) continue;
    await tx.delegation.create({
      data: {
        id: delegation.id,
        careUnitId: UNITS[delegation.unit],
        delegatorId: userIds[delegation.delegator],
        delegateId: userIds[delegation.delegate],
        permissionCode: delegation.permissionCode,
        validFrom: stockholmInstant(addDays(today, -delegation.validForDaysBefore), "09:00"),
      },
    });
    created.delegation++;
  }
  created.homeCareService = (await createMissing(withIds(homeCareRows(relations, userIds.enhetschef)), (ids) => tx.homeCareService.findMany(byIds(ids)), (data) => tx.homeCareService.createMany({ data }))).length;

  // ── Fixed contacts, refusals, notifications (the cases come after) ─────────
  const contacts = buildContacts({ today, patients, relations, userIds });
  const newAssignments = await createMissing(contacts.assignments.map((a) => a.row), (ids) => tx.assignment.findMany(byIds(ids)), (data) => tx.assignment.createMany({ data }));
  const newRefusals = await createMissing(contacts.refusals.map((r) => r.row), (ids) => tx.refusal.findMany(byIds(ids)), (data) => tx.refusal.createMany({ data }));
  created.assignment = newAssignments.length;
  created.refusal = newRefusals.length;
  created.notification = (await createMissing(contacts.notifications, (ids) => tx.notification.findMany(byIds(ids)), (data) => tx.notification.createMany({ data }))).length;

  // ── Audit: one row per assignment, refusal and case created by this run ──────
  // Written by the one audit module, like every other change; "after" is the row as
  // stored (read back, with its defaults).
  const audit: { at: Date; actor: ActorRef; entry: AuditEntry }[] = [];
  const actorOf = (a: { userId: string | null; roleCode: string | null } | null | undefined, careUnitId: string): ActorRef => ({
    userId: a?.userId ?? null,
    roleCode: a?.roleCode ?? null,
    careUnitId,
    requestId: "seed",
  });
  const assignmentsById = new Map(contacts.assignments.map((a) => [a.row.id, a]));
  for (const row of await tx.assignment.findMany({ where: { id: { in: newAssignments.map((a) => a.id) } }, orderBy: { id: "asc" } })) {
    const { actor } = assignmentsById.get(row.id)!;
    audit.push({
      at: row.startedAt,
      actor: actorOf(actor, row.careUnitId),
      entry: {
        action: "assignment.create",
        entityType: "Assignment",
        entityId: row.id,
        patientId: row.patientId,
        after: row,
        delegationId: actor?.delegationId ?? null,
      },
    });
  }
  const refusalsById = new Map(contacts.refusals.map((r) => [r.row.id, r]));
  for (const row of await tx.refusal.findMany({ where: { id: { in: newRefusals.map((r) => r.id) } } })) {
    const { actor } = refusalsById.get(row.id)!;
    audit.push({
      at: row.recordedAt,
      actor: actorOf(actor, row.careUnitId),
      entry: { action: "refusal.create", entityType: "Refusal", entityId: row.id, patientId: row.patientId, after: row },
    });
  }
  // The audit trail is a hash chain that refuses back-dated rows (docs/decisions/014), so the
  // history is written in time order: the rows dated before the first step of a demo case
  // still to run are written here, with their change; the later ones between the case steps.
  const cases = buildCases({ today, relations, contacts: contacts.scenario, referrals: buildReferralScenario(relations), unitId: (u) => UNITS[u] });
  const existingCases = new Set((await tx.processCase.findMany(byIds(cases.map((c) => c.id)))).map((c) => c.id));
  const pendingCases = cases.filter((c) => !existingCases.has(c.id));
  const firstStep = Math.min(...pendingCases.flatMap((c) => c.steps.map((s) => s.at.getTime())));
  audit.sort((a, b) => a.at.getTime() - b.at.getTime());
  const now = audit.filter((a) => a.at.getTime() <= firstStep);
  for (const { at, actor, entry } of now) await recordAudit(tx, actor, at, entry);
  created.auditEvent = now.length; // the later ones are counted with the cases
  return { userIds, cases: pendingCases, laterAudit: audit.slice(now.length) };
}

type TimedAudit = { at: Date; actor: ActorRef; entry: AuditEntry };

/**
 * Runs the demo cases that do not exist yet through the executor, step by step at their own
 * times, with ids derived from the case id; the steps of all cases and the audit rows still
 * to write (`laterAudit`) go in one time order, as the audit chain needs.
 */
async function runDemoCases(db: Db, cases: DemoCase[], userIds: Record<DemoUsername, string>, laterAudit: TimedAudit[]): Promise<void> {
  type Running = { demo: DemoCase; caseId: string | null; newId: () => string };
  const steps = cases.flatMap((demo) => {
    let n = 0;
    const running: Running = { demo, caseId: null, newId: () => (n++ === 0 ? demo.id : `${demo.id}-${String(n - 1).padStart(2, "0")}`) };
    return demo.steps.map((step, index) => ({ ...step, index, running }));
  });
  // Stable: a case's steps keep their order when two share a time.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.running === b.running ? a.index - b.index : 0));
  const pending = [...laterAudit];
  const writeAuditUntil = async (until: number) => {
    const due: TimedAudit[] = [];
    while (pending.length > 0 && pending[0].at.getTime() <= until) due.push(pending.shift()!);
    if (due.length > 0) await db.$transaction(async (tx) => {
      for (const { at, actor, entry } of due) await recordAudit(tx, actor, at, entry);
    });
  };
  for (const { at, as, event, running } of steps) {
    await writeAuditUntil(at.getTime());
    const actor = {
      userId: userIds[as.username],
      requestId: "seed",
      grant: await loadGrant(db, userIds[as.username], UNITS[as.unit], as.roleCode, at),
    };
    const { demo, caseId, newId } = running;
    const result: StepResult = caseId
      ? await dispatch(caseId, event, actor, { db, now: at, newId })
      : await startCase(demo.opening, event, actor, { db, now: at, newId });
    if (!result.ok) throw new Error(`demo case ${demo.id}, ${event.type}: ${result.message} ${JSON.stringify(result)}`);
    running.caseId = result.caseId;
  }
  await writeAuditUntil(Infinity);
}
