// Rules the database enforces on its own (migration 20261125000100_integrity_rules), tested
// on both sides of each boundary: a second active row is refused, an ended one is not.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createAssignment, createPatient, createStaff, createUnit } from "../factories";

async function setting() {
  const unit = await createUnit(db);
  const patient = await createPatient(db, { listedAt: unit.id });
  const staff = await createStaff(db, unit.id, "201011");
  return { unit, patient, staff };
}

describe("at most one active fast läkarkontakt per patient", () => {
  it("refuses a second active one", async () => {
    const { unit, patient, staff } = await setting();
    const base = { patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id, kind: "FAST_LAKARKONTAKT" as const };
    await createAssignment(db, base);
    await expect(createAssignment(db, base)).rejects.toThrow(/Unique constraint/);
  });

  it("accepts a new one once the old one has ended, and several fasta vårdkontakter", async () => {
    const { unit, patient, staff } = await setting();
    const base = { patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id };
    await createAssignment(db, { ...base, kind: "FAST_LAKARKONTAKT", endedAt: new Date("2026-02-01T00:00:00Z") });
    await createAssignment(db, { ...base, kind: "FAST_LAKARKONTAKT" });
    await createAssignment(db, { ...base, kind: "FAST_VARDKONTAKT" });
    await createAssignment(db, { ...base, kind: "FAST_VARDKONTAKT" });
    expect(await db.assignment.count({ where: { patientId: patient.id, endedAt: null } })).toBe(3);
  });
});

describe("at most one active fast omsorgskontakt per patient and hemtjänst unit", () => {
  it("refuses a second one in the same unit but accepts one in another unit", async () => {
    const { patient } = await setting();
    const homeCareA = await createUnit(db, "HEMTJANST");
    const homeCareB = await createUnit(db, "HEMTJANST");
    const staffA = await createStaff(db, homeCareA.id, "207010");
    const staffB = await createStaff(db, homeCareB.id, "207010");
    const kind = "FAST_OMSORGSKONTAKT" as const;
    await createAssignment(db, { patientId: patient.id, staffMemberId: staffA.id, careUnitId: homeCareA.id, kind });
    await expect(
      createAssignment(db, { patientId: patient.id, staffMemberId: staffA.id, careUnitId: homeCareA.id, kind }),
    ).rejects.toThrow(/Unique constraint/);
    await createAssignment(db, { patientId: patient.id, staffMemberId: staffB.id, careUnitId: homeCareB.id, kind });
  });
});

describe("övergripande samordningsansvar (seed §3.3.2)", () => {
  it("needs the patient's recorded consent", async () => {
    const { unit, patient, staff } = await setting();
    const row = await createAssignment(db, { patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id });
    await expect(db.assignment.update({ where: { id: row.id }, data: { overallCoordination: true } })).rejects.toThrow(/consent/);
    await db.assignment.update({
      where: { id: row.id },
      data: { overallCoordination: true, coordinationConsentAt: new Date("2026-11-20T10:00:00Z") },
    });
  });

  it("is held by at most one active fast vårdkontakt per patient", async () => {
    const { unit, patient, staff } = await setting();
    const consent = { overallCoordination: true, coordinationConsentAt: new Date("2026-11-20T10:00:00Z") };
    const first = await createAssignment(db, { patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id });
    const second = await createAssignment(db, { patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id });
    await db.assignment.update({ where: { id: first.id }, data: consent });
    await expect(db.assignment.update({ where: { id: second.id }, data: consent })).rejects.toThrow(/Unique constraint/);
    await db.assignment.update({ where: { id: first.id }, data: { endedAt: new Date("2026-11-21T10:00:00Z") } });
    await db.assignment.update({ where: { id: second.id }, data: consent });
  });
});

describe("one listing per patient at a time (HSL 7 kap. 3 a §, migration 20261205005100)", () => {
  it("refuses a second open listing, also at another unit", async () => {
    const { unit, patient } = await setting();
    const other = await createUnit(db);
    await expect(db.listing.create({ data: { patientId: patient.id, careUnitId: other.id, from: "2026-03-01" } })).rejects.toThrow(
      /Unique constraint/,
    );
    await expect(db.listing.create({ data: { patientId: patient.id, careUnitId: unit.id, from: "2020-01-01" } })).rejects.toThrow(
      /Unique constraint/,
    );
    expect(await db.listing.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it("refuses an ended listing that overlaps, and a change of dates that makes two overlap", async () => {
    const unit = await createUnit(db);
    const patient = await createPatient(db);
    const first = await db.listing.create({ data: { patientId: patient.id, careUnitId: unit.id, from: "2024-01-01", to: "2025-12-31" } });
    // The trigger's RAISE reaches Prisma as a constraint failure (the adapter does not keep its text).
    await expect(
      db.listing.create({ data: { patientId: patient.id, careUnitId: unit.id, from: "2025-12-31", to: null } }),
    ).rejects.toThrow(/constraint/i);
    await expect(
      db.listing.create({ data: { patientId: patient.id, careUnitId: unit.id, from: "2023-06-01", to: "2024-01-01" } }),
    ).rejects.toThrow(/constraint/i);
    await db.listing.create({ data: { patientId: patient.id, careUnitId: unit.id, from: "2026-01-01", to: null } });
    await expect(db.listing.update({ where: { id: first.id }, data: { to: "2026-01-01" } })).rejects.toThrow(/constraint|already listed/i);
    expect(await db.listing.count({ where: { patientId: patient.id } })).toBe(2);
    expect((await db.listing.findUniqueOrThrow({ where: { id: first.id } })).to).toBe("2025-12-31");
  });

  it("accepts a move: the old listing ends the day before the new one starts", async () => {
    const unitA = await createUnit(db);
    const unitB = await createUnit(db);
    const patient = await createPatient(db);
    const old = await db.listing.create({ data: { patientId: patient.id, careUnitId: unitA.id, from: "2020-01-01" } });
    await db.listing.update({ where: { id: old.id }, data: { to: "2026-02-28" } });
    await db.listing.create({ data: { patientId: patient.id, careUnitId: unitB.id, from: "2026-03-01" } });
    // Other patients are not affected.
    await createPatient(db, { listedAt: unitB.id });
    expect(await db.listing.count({ where: { patientId: patient.id } })).toBe(2);
  });
});
