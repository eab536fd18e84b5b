// The read model behind the 1177 view and both APIs (app/fixed-contacts), and consumer
// authentication (app/api/consumers.server.ts).
import { describe, expect, it } from "vitest";
import { authenticateConsumer, consumerActor, hashApiKey } from "~/api/consumers.server";
import { logAccess } from "~/audit.server";
import { db } from "~/db.server";
import { findPatientByIdentifier, loadFixedContacts } from "~/fixed-contacts/contacts.server";
import { patientFacing } from "~/fixed-contacts/patient-facing";
import { createApiKey, createAssignment, createPatient, createStaff, createUnit } from "../../factories";

const now = new Date("2026-11-26T12:00:00Z");
const hour = 3_600_000;

async function patientWithContacts() {
  const unit = await createUnit(db, "REGIONAL_PRIMARVARD");
  const other = await createUnit(db, "HEMTJANST");
  const patient = await createPatient(db);
  const nurse = await createStaff(db, unit.id, "206011");
  const carer = await createStaff(db, other.id, "207010", { underskoterskaBevis: true });
  const base = { patientId: patient.id, careUnitId: unit.id, staffMemberId: nurse.id };
  const running = await createAssignment(db, base);
  const ended = await createAssignment(db, { ...base, endedAt: new Date(now.getTime() - hour) });
  const endsTomorrow = await createAssignment(db, { ...base, endedAt: new Date(now.getTime() + 24 * hour) });
  const startsTomorrow = await db.assignment.create({
    data: { ...base, kind: "FAST_VARDKONTAKT", startedAt: new Date(now.getTime() + 24 * hour) },
  });
  const homeCare = await createAssignment(db, { patientId: patient.id, careUnitId: other.id, staffMemberId: carer.id, kind: "FAST_OMSORGSKONTAKT" });
  return { unit, other, patient, nurse, running, ended, endsTomorrow, startsTomorrow, homeCare };
}

describe("loadFixedContacts", () => {
  it("returns the contacts running at the moment, never one ended or not yet started", async () => {
    const s = await patientWithContacts();
    const ids = (await loadFixedContacts(db, { patientId: s.patient.id, at: now })).map((c) => c.id);
    expect(ids.sort()).toEqual([s.running.id, s.endsTomorrow.id, s.homeCare.id].sort());
  });

  it("returns the ended ones for status inactive, and both for both", async () => {
    const s = await patientWithContacts();
    const inactive = await loadFixedContacts(db, { patientId: s.patient.id, at: now, statuses: ["inactive"] });
    expect(inactive.map((c) => c.id)).toEqual([s.ended.id]);
    const both = await loadFixedContacts(db, { patientId: s.patient.id, at: now, statuses: ["active", "inactive"] });
    expect(both).toHaveLength(4);
  });

  it("filters by type code, care unit and care giver", async () => {
    const s = await patientWithContacts();
    const byType = await loadFixedContacts(db, { patientId: s.patient.id, at: now, typeCodes: ["3"] });
    expect(byType.map((c) => c.id)).toEqual([s.homeCare.id]);
    const byUnit = await loadFixedContacts(db, { patientId: s.patient.id, at: now, careUnitHsaId: s.other.hsaId });
    expect(byUnit.map((c) => c.id)).toEqual([s.homeCare.id]);
    const giver = await db.organisation.findUniqueOrThrow({ where: { id: s.unit.organisationId } });
    const byGiver = await loadFixedContacts(db, { patientId: s.patient.id, at: now, careGiverHsaId: giver.hsaId });
    expect(byGiver.map((c) => c.id).sort()).toEqual([s.running.id, s.endsTomorrow.id].sort());
    const both = await loadFixedContacts(db, { patientId: s.patient.id, at: now, careGiverHsaId: giver.hsaId, careUnitHsaId: s.other.hsaId });
    expect(both).toEqual([]);
  });

  it("orders fast vårdkontakter before fast omsorgskontakt", async () => {
    const s = await patientWithContacts();
    const kinds = (await loadFixedContacts(db, { patientId: s.patient.id, at: now })).map((c) => c.kind);
    expect(kinds).toEqual(["FAST_VARDKONTAKT", "FAST_VARDKONTAKT", "FAST_OMSORGSKONTAKT"]);
  });

  it("finds a patient by the 12-character identifier only", async () => {
    const patient = await createPatient(db);
    expect((await findPatientByIdentifier(db, patient.identifier))?.id).toBe(patient.id);
    expect(await findPatientByIdentifier(db, patient.identifier.slice(2))).toBeNull();
  });
});

describe("patientFacing", () => {
  it("drops the vård-till-vård phone and the internal note, and hides a direct phone not allowed", async () => {
    const s = await patientWithContacts();
    await db.staffMember.update({ where: { id: s.nurse.id }, data: { directPhone: "070-111 22 33" } });
    await db.assignment.update({ where: { id: s.running.id }, data: { internalNote: "Intern: ring inte före nio", externalNote: "Extern" } });
    const [row] = (await loadFixedContacts(db, { patientId: s.patient.id, at: now })).filter((c) => c.id === s.running.id);
    const shown = patientFacing(row);
    const text = JSON.stringify(shown);
    expect(row.careUnit.careToCarePhone).toBe("010-123 45 67");
    expect(text).not.toContain("010-123 45 67");
    expect(text).not.toContain("Intern: ring inte");
    expect(shown.externalNote).toBe("Extern");
    expect(shown.person.directPhone).toBeNull();
    await db.assignment.update({ where: { id: s.running.id }, data: { directPhoneVisibleToPatient: true } });
    const [allowed] = (await loadFixedContacts(db, { patientId: s.patient.id, at: now })).filter((c) => c.id === s.running.id);
    expect(patientFacing(allowed).person.directPhone).toBe("070-111 22 33");
  });

  it("gives a handläggare's befattning only: no name, HSA-id, direct phone or own contact ways (seed §5.1)", async () => {
    const unit = await createUnit(db, "HEMTJANST");
    const patient = await createPatient(db);
    const handlaggare = await createStaff(db, unit.id, "351012");
    await db.staffMember.update({
      where: { id: handlaggare.id },
      data: { directPhone: "070-999 88 77", contactWays: { create: { kind: "DIGITAL", label: "Chatt", value: "https://chatt.example/h" } } },
    });
    const a = await db.assignment.create({
      data: { kind: "ANNAN_FAST_KONTAKT", roleTitle: "Biståndshandläggare", contactAbout: "Ditt beslut", patientId: patient.id, careUnitId: unit.id, staffMemberId: handlaggare.id, startedAt: new Date(now.getTime() - hour), directPhoneVisibleToPatient: true },
    });
    const [row] = await loadFixedContacts(db, { patientId: patient.id, at: now });
    const shown = patientFacing(row);
    expect(shown.id).toBe(a.id);
    expect(shown.typeCode).toBeNull();
    expect(shown.person.befattning).toEqual({ code: "351012", name: "Biståndsbedömare" });
    expect(shown.person.directPhone).toBeNull();
    expect(shown.person.contactWays).toEqual([]);
    expect(shown.person.identity).toBeNull();
    expect(JSON.stringify(shown)).not.toContain("070-999 88 77");
    expect(JSON.stringify(shown)).not.toContain(handlaggare.hsaId);
    expect(JSON.stringify(shown)).not.toContain(handlaggare.lastName);
  });

  it("treats a socialsekreterare (351010) as a handläggare, and a kurator (352010) not", async () => {
    const unit = await createUnit(db, "HEMTJANST");
    const patient = await createPatient(db);
    const socialsekreterare = await createStaff(db, unit.id, "351010");
    const kurator = await createStaff(db, unit.id, "352010");
    for (const staff of [socialsekreterare, kurator]) {
      await db.assignment.create({
        data: { kind: "ANNAN_FAST_KONTAKT", roleTitle: "Kontaktperson", contactAbout: "Stöd", patientId: patient.id, careUnitId: unit.id, staffMemberId: staff.id, startedAt: new Date(now.getTime() - hour) },
      });
    }
    const shown = (await loadFixedContacts(db, { patientId: patient.id, at: now })).map(patientFacing);
    const byCode = (code: string) => shown.find((c) => c.person.befattning.code === code)!;
    expect(byCode("351010").person).toMatchObject({ identity: null, befattning: { name: "Socialsekreterare" } });
    expect(byCode("352010").person.identity).toMatchObject({ hsaId: kurator.hsaId });
  });
});

describe("authenticateConsumer", () => {
  const call = (headers: Record<string, string>) => new Request("http://localhost/fhir/CareTeam", { headers });
  const context = { now, requestId: "req-auth-1", endpoint: "/fhir/CareTeam" };

  it("accepts an active key as bearer token or X-API-Key and names the system", async () => {
    const key = await createApiKey(db, "1177 Vårdguiden (test)");
    const viaBearer = await authenticateConsumer(db, call({ authorization: `Bearer ${key.key}` }), context);
    const careGiver = await db.organisation.findUniqueOrThrow({ where: { id: key.organisationId! } });
    expect(viaBearer).toEqual({
      ok: true,
      consumer: { keyId: key.id, name: "1177 Vårdguiden (test)", careGiverHsaId: careGiver.hsaId, services: ["GetCareManagers", "FhirCareTeam"] },
    });
    const viaHeader = await authenticateConsumer(db, call({ "x-api-key": key.key }), context);
    expect(viaHeader.ok).toBe(true);
    expect(key.hash).toBe(hashApiKey(key.key));
    expect(JSON.stringify(await db.apiKey.findUniqueOrThrow({ where: { id: key.id } }))).not.toContain(key.key);
  });

  it("rejects a missing, malformed, unknown or revoked key and writes each to the audit trail", async () => {
    const revoked = await createApiKey(db);
    await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: now, revokedByUserId: "admin" } });
    const unknown = `fk_${"A".repeat(43)}`;
    const results = [
      await authenticateConsumer(db, call({}), { ...context, requestId: "req-missing" }),
      await authenticateConsumer(db, call({ authorization: "Bearer nonsense" }), { ...context, requestId: "req-malformed" }),
      await authenticateConsumer(db, call({ authorization: `Bearer ${unknown}` }), { ...context, requestId: "req-unknown" }),
      await authenticateConsumer(db, call({ authorization: `Bearer ${revoked.key}` }), { ...context, requestId: "req-revoked" }),
    ];
    expect(results).toEqual(["missing", "malformed", "unknown", "revoked"].map((rejection) => ({ ok: false, rejection })));
    const rows = await db.auditEvent.findMany({ where: { action: "apikey.rejected", requestId: { in: ["req-missing", "req-malformed", "req-unknown", "req-revoked"] } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.requestId, r.entityId, r.userId])).toEqual([
      ["req-missing", "-", null],
      ["req-malformed", "-", null],
      ["req-unknown", "-", null],
      ["req-revoked", revoked.id, null],
    ]);
    expect(JSON.parse(rows[3].after ?? "{}")).toEqual({ rejection: "revoked", endpoint: "/fhir/CareTeam", prefix: revoked.prefix });
  });

  it("a revoked key stays revoked, and no key is ever deleted (database triggers)", async () => {
    const key = await createApiKey(db);
    await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: now, revokedByUserId: "admin" } });
    await expect(db.apiKey.update({ where: { id: key.id }, data: { revokedAt: null } })).rejects.toThrow(/revoked key stays revoked/);
    // Prisma reports the trigger's abort on delete as a constraint violation; the row stays.
    await expect(db.apiKey.delete({ where: { id: key.id } })).rejects.toThrow();
    expect(await db.apiKey.count({ where: { id: key.id } })).toBe(1);
  });

  it("the access log names the consumer system and no user", async () => {
    const key = await createApiKey(db, "Journalsystem X");
    const patient = await createPatient(db);
    await logAccess(db, consumerActor({ keyId: key.id, name: key.name, careGiverHsaId: "-", services: [] }, "req-log"), now, [patient.id], "api.fhir-care-team");
    const row = await db.accessLog.findFirstOrThrow({ where: { patientId: patient.id } });
    expect(row).toMatchObject({ userId: null, consumerSystem: "Journalsystem X", action: "api.fhir-care-team" });
  });
});
