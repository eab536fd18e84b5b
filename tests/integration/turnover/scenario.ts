// A vårdcentral where a sjuksköterska leaves on 2026-12-09 holding five fasta vårdkontakter
// (one of them for a life-threatening condition, one whose relatives were told), with
// colleagues who can take over and one who leaves before the change takes effect.
import type { Actor } from "~/auth/actor.server";
import type { Db } from "~/db.server";
import type { BatchActor, PlannedChange } from "~/processes/batch.server";
import { createActor, createDelegatedActor, createPatient, createStaff, createUnit } from "../../factories";

export const NOW = new Date("2026-11-25T09:00:00Z");
export const LAST_DAY = "2026-12-09";
/** 2026-12-10 00:00 in Stockholm. */
export const EFFECTIVE_AT = new Date("2026-12-09T23:00:00Z");

export async function turnoverScenario(db: Db) {
  const vc = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Omsättning");
  const team = await db.team.create({ data: { careUnitId: vc.id, name: "Team Grön" } });
  const leaver = await createStaff(db, vc.id, "206011", { employmentEndDate: LAST_DAY });
  const nurseA = await createStaff(db, vc.id);
  const nurseB = await createStaff(db, vc.id);
  const doctor = await createStaff(db, vc.id, "201011", { specialties: [{ specialty: "ALLMANMEDICIN", status: "SPECIALIST" }] });
  const leavingFirst = await createStaff(db, vc.id, "206011", { employmentEndDate: "2026-12-05" });
  for (const s of [leaver, nurseA, nurseB]) await db.teamMember.create({ data: { staffMemberId: s.id, teamId: team.id } });

  const rows = [];
  for (let i = 0; i < 5; i++) {
    const patient = await createPatient(db, { listedAt: vc.id, lastName: `Omsatt${i}` });
    rows.push(
      await db.assignment.create({
        data: {
          kind: "FAST_VARDKONTAKT",
          patientId: patient.id,
          staffMemberId: leaver.id,
          careUnitId: vc.id,
          teamId: team.id,
          startedAt: new Date("2026-03-01T08:00:00Z"),
          reviewDueDate: "2027-03-01",
          lifeThreatening: i === 4,
          directPhoneVisibleToPatient: i === 1,
          internalNote: i === 2 ? "Ring före kl. 10" : null,
        },
      }),
    );
  }
  // The relatives of patient 3 were told of the appointment, so they are told of the change.
  await db.notification.create({
    data: { patientId: rows[3].patientId, assignmentId: rows[3].id, recipient: "RELATIVE", status: "DONE", channel: "PHONE", createdAt: NOW },
  });
  // The administrator carries out the turnover on the verksamhetschef's delegation (PL 6 kap. 2 §,
  // HSF 4 kap. 1–2 §§; decision 018): it is recorded on the batch's audit rows.
  const chief = await createActor(db, vc.id, "VERKSAMHETSCHEF", NOW);
  const admin = await createDelegatedActor(db, vc.id, "ADMINISTRATOR", chief.userId, "appoint:fast-vardkontakt", NOW);
  const batchActor: BatchActor = { userId: admin.userId, requestId: admin.requestId, grants: new Map([[vc.id, admin.grant]]) };
  const actor: Actor = {
    userId: admin.userId,
    username: "admin",
    displayName: "Admin",
    sessionId: "session",
    requestId: admin.requestId,
    unit: { id: vc.id, name: vc.name, kind: vc.kind },
    grant: admin.grant,
    choices: [{ careUnitId: vc.id, unitName: vc.name, unitKind: vc.kind, roleCode: "ADMINISTRATOR" }],
  };
  /** The plan that passes: the life-threatening contact to the läkare, the rest spread over two nurses. */
  const goodPlan: PlannedChange[] = rows.map((row, i) => ({
    assignmentId: row.id,
    version: row.version,
    replacementId: i === 4 ? doctor.id : i % 2 === 0 ? nurseA.id : nurseB.id,
    teamId: i === 4 ? null : team.id,
  }));
  return { vc, team, leaver, nurseA, nurseB, doctor, leavingFirst, rows, chief, admin, actor, batchActor, goodPlan };
}

export type TurnoverScenario = Awaited<ReturnType<typeof turnoverScenario>>;

/** The rows a turnover may touch, as they are: to prove that a failed batch left them alone. */
export async function domainState(db: Db) {
  const [cases, assignments, notifications, audit] = await Promise.all([
    db.processCase.findMany({ orderBy: { id: "asc" } }),
    db.assignment.findMany({ orderBy: { id: "asc" } }),
    db.notification.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.findMany({ where: { entityType: { not: "TurnoverBatch" } }, orderBy: { id: "asc" } }),
  ]);
  return { cases, assignments, notifications, audit };
}
