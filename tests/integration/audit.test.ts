// SPEC §6: every change is stored with its audit row in the same transaction, and audit
// and access rows can never be changed or removed.
import { describe, expect, it } from "vitest";
import { auditedWrite, logAccess } from "~/audit.server";
import { db } from "~/db.server";
import { createPatient, createStaff, createUnit } from "../factories";

const actor = { userId: "user-1", roleCode: "VERKSAMHETSCHEF", careUnitId: "unit-1", requestId: "req-1" };
const at = new Date("2026-11-25T09:00:00Z");

describe("auditedWrite", () => {
  it("writes the change and its audit row together, naming who, what, when and the request", async () => {
    const unit = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unit.id });
    const staff = await createStaff(db, unit.id);
    const assignment = await auditedWrite(db, { ...actor, careUnitId: unit.id }, at, async (tx) => {
      const row = await tx.assignment.create({
        data: { kind: "FAST_VARDKONTAKT", patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id, startedAt: at },
      });
      return {
        result: row,
        audit: [{ action: "assignment.create", entityType: "Assignment", entityId: row.id, patientId: patient.id, after: row, delegationId: "del-1" }],
      };
    });
    const events = await db.auditEvent.findMany({ where: { entityId: assignment.id } });
    expect(events).toEqual([
      expect.objectContaining({
        at,
        userId: "user-1",
        roleCode: "VERKSAMHETSCHEF",
        careUnitId: unit.id,
        delegationId: "del-1",
        requestId: "req-1",
        action: "assignment.create",
        patientId: patient.id,
        before: null,
      }),
    ]);
    expect(JSON.parse(events[0].after!)).toMatchObject({ id: assignment.id, staffMemberId: staff.id });
  });

  it("leaves neither the change nor its audit row when the write fails after both were made", async () => {
    const unit = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unit.id });
    const staff = await createStaff(db, unit.id);
    const before = { assignments: await db.assignment.count(), audit: await db.auditEvent.count() };
    await expect(
      auditedWrite(db, actor, at, async (tx) => {
        const row = await tx.assignment.create({
          data: { kind: "FAST_LAKARKONTAKT", patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id, startedAt: at },
        });
        // A second active fast läkarkontakt: the database refuses it (partial unique index).
        await tx.assignment.create({
          data: { kind: "FAST_LAKARKONTAKT", patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id, startedAt: at },
        });
        return { result: row, audit: [{ action: "assignment.create", entityType: "Assignment", entityId: row.id }] };
      }),
    ).rejects.toThrow();
    expect({ assignments: await db.assignment.count(), audit: await db.auditEvent.count() }).toEqual(before);
  });

  it("rolls the change back when the audit row itself cannot be written", async () => {
    const unit = await createUnit(db);
    const before = await db.team.count();
    await expect(
      auditedWrite(db, actor, at, async (tx) => {
        const team = await tx.team.create({ data: { careUnitId: unit.id, name: "Team Norr" } });
        // entityId is required: the audit insert fails, so the team must not survive.
        return { result: team, audit: [{ action: "team.create", entityType: "Team", entityId: undefined as unknown as string }] };
      }),
    ).rejects.toThrow();
    expect(await db.team.count()).toBe(before);
  });

  it("refuses a change that does not describe itself", async () => {
    const unit = await createUnit(db);
    await expect(
      auditedWrite(db, actor, at, async (tx) => ({ result: await tx.team.create({ data: { careUnitId: unit.id, name: "Tyst" } }), audit: [] })),
    ).rejects.toThrow(/audit entry/);
    expect(await db.team.count({ where: { name: "Tyst" } })).toBe(0);
  });
});

describe("append-only tables (triggers)", () => {
  it("rejects UPDATE and DELETE on AuditEvent", async () => {
    const unit = await createUnit(db);
    await auditedWrite(db, actor, at, async (tx) => {
      const team = await tx.team.create({ data: { careUnitId: unit.id, name: "Team Syd" } });
      return { result: team, audit: [{ action: "team.create", entityType: "Team", entityId: team.id }] };
    });
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("rejects UPDATE and DELETE on AccessLog", async () => {
    const unit = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unit.id });
    await logAccess(db, actor, at, [patient.id], "patient.view");
    await expect(db.$executeRawUnsafe(`UPDATE "AccessLog" SET "reason" = 'ändrat'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AccessLog"`)).rejects.toThrow(/append-only/);
    expect(await db.accessLog.count({ where: { patientId: patient.id } })).toBe(1);
  });
});
