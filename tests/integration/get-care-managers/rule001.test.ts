// rule001 of GetCareManagers v1: at most one fast läkarkontakt (code 2) per answer. The
// database's unique index covers only open rows (endedAt IS NULL), so two overlapping active
// rows can still be forced in: one open, one ending in the future. The answer keeps the most
// recently started, stays schema-valid, and logs an error naming the request.
import { describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { createApiKey, createPatient, createStaff } from "../../factories";
import { allowConsoleError } from "../../setup/setup-test-env";
import { assign, createCareGiver, createCareUnit } from "./scenario";
import { call, careManagersOf, envelope, getCareManagersBody } from "./soap";

describe("rule001: one fast läkarkontakt", () => {
  it("keeps the most recently started of two active fasta läkarkontakter and logs the inconsistency", async () => {
    allowConsoleError();
    const careGiver = await createCareGiver();
    const vc = await createCareUnit(careGiver.id, "REGIONAL_PRIMARVARD", "Vårdcentralen Dubbel", "0910-500 00");
    const patient = await createPatient(db);
    const older = await createStaff(db, vc.id, "201011");
    const newer = await createStaff(db, vc.id, "201011");
    const nurse = await createStaff(db, vc.id, "206011");
    const inAMonth = new Date(Date.now() + 30 * 86_400_000);
    const first = await assign({ patientId: patient.id, staffMemberId: older.id, careUnitId: vc.id, kind: "FAST_LAKARKONTAKT", startedAt: new Date("2025-03-01T08:00:00Z"), endedAt: inAMonth });
    const second = await assign({ patientId: patient.id, staffMemberId: newer.id, careUnitId: vc.id, kind: "FAST_LAKARKONTAKT", startedAt: new Date("2026-02-01T08:00:00Z") });
    await assign({ patientId: patient.id, staffMemberId: nurse.id, careUnitId: vc.id, kind: "FAST_VARDKONTAKT" });
    const { key } = await createApiKey(db, undefined, { careGiverId: careGiver.id });

    const response = await call({ key, body: envelope(getCareManagersBody({ extension: patient.identifier }), careGiver.hsaId) }, "req-rule001");
    const cms = await careManagersOf(response);

    expect(cms.map((cm) => [cm.code.code, cm.practitioner.hsaId.extension])).toEqual([
      ["2", newer.hsaId],
      ["1", nurse.hsaId],
    ]);
    const logged = vi.mocked(console.error).mock.calls.map((args) => String(args[0]));
    expect(logged).toEqual([
      `[api] req-rule001 GetCareManagers rule001: 2 active fasta läkarkontakter for one patient; sent ${second.id}, left out ${first.id}`,
    ]);
  });

  it("one fast läkarkontakt is answered without any log", async () => {
    const careGiver = await createCareGiver();
    const vc = await createCareUnit(careGiver.id, "REGIONAL_PRIMARVARD", "Vårdcentralen Enkel", "0910-600 00");
    const patient = await createPatient(db);
    const doctor = await createStaff(db, vc.id, "201011");
    await assign({ patientId: patient.id, staffMemberId: doctor.id, careUnitId: vc.id, kind: "FAST_LAKARKONTAKT" });
    const { key } = await createApiKey(db, undefined, { careGiverId: careGiver.id });
    const cms = await careManagersOf(await call({ key, body: envelope(getCareManagersBody({ extension: patient.identifier }), careGiver.hsaId) }));
    expect(cms.map((cm) => cm.code.code)).toEqual(["2"]);
    expect(vi.mocked(console.error)).not.toHaveBeenCalled();
  });
});
