// Inre sekretess (PDL 4 kap. 1 §): staff see only patients with a relation to the unit
// they act for, and every view is access-logged (HSLF-FS 2016:40 4 kap. 9 §).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader as patientsLoader } from "~/routes/_app.patienter._index";
import { action as patientAction, loader as patientLoader } from "~/routes/_app.patienter.$patientId";
import { createAssignment, createPatient, createStaff, createUnit, request, signedIn } from "../factories";
import { statusOf, thrown } from "../setup/responses";

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

describe("unit scoping", () => {
  it("gives a user of unit A a 404 for a patient known only in unit B, and logs nothing", async () => {
    const unitA = await createUnit(db);
    const unitB = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unitB.id });
    const { cookie, user } = await signedIn(db, unitA.id, "VARDPERSONAL");

    const error = await thrown(patientLoader(args(request(`/patienter/${patient.id}`, cookie), { patientId: patient.id })));
    expect(statusOf(error)).toBe(404);
    expect(await db.accessLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("shows the same patient to a user of unit B and writes an access-log row naming user, unit and role", async () => {
    const unitB = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unitB.id });
    const { cookie, user } = await signedIn(db, unitB.id, "VARDPERSONAL");

    const page = await patientLoader(args(request(`/patienter/${patient.id}`, cookie), { patientId: patient.id }));
    expect(page).toMatchObject({ locked: false, identifier: `${patient.identifier.slice(0, 8)}-${patient.identifier.slice(8)}` });
    const rows = await db.accessLog.findMany({ where: { userId: user.id } });
    expect(rows).toEqual([
      expect.objectContaining({ patientId: patient.id, careUnitId: unitB.id, roleCode: "VARDPERSONAL", action: "patient.view" }),
    ]);
  });

  it("keeps patients of other units out of the patient list and out of a personnummer search", async () => {
    const unitA = await createUnit(db);
    const unitB = await createUnit(db);
    const mine = await createPatient(db, { listedAt: unitA.id, lastName: "Egen" });
    const other = await createPatient(db, { listedAt: unitB.id, lastName: "Annan" });
    const { cookie } = await signedIn(db, unitA.id, "VARDPERSONAL");

    const list = await patientsLoader(args(request("/patienter", cookie)));
    expect(list.patients.map((p) => p.id)).toEqual([mine.id]);

    const search = await patientsLoader(args(request(`/patienter?q=${other.identifier}`, cookie)));
    expect(search.patients).toEqual([]);
    const found = await patientsLoader(args(request(`/patienter?q=${mine.identifier.slice(2, 8)}-${mine.identifier.slice(8)}`, cookie)));
    expect(found.patients.map((p) => p.id)).toEqual([mine.id]);
  });

  it("knows a patient at a unit through a fixed contact there, even without a listing", async () => {
    const unitA = await createUnit(db, "SLUTENVARD");
    const patient = await createPatient(db);
    const staff = await createStaff(db, unitA.id);
    await createAssignment(db, { patientId: patient.id, staffMemberId: staff.id, careUnitId: unitA.id });
    const { cookie } = await signedIn(db, unitA.id, "VARDPERSONAL");
    const page = await patientLoader(args(request(`/patienter/${patient.id}`, cookie), { patientId: patient.id }));
    expect(page.locked).toBe(false);
  });

  it("forgets a patient whose only link is a stay that ended in 2012: not listed, not found, 404 (decision 022)", async () => {
    const ward = await createUnit(db, "SLUTENVARD");
    const patient = await createPatient(db, { lastName: "Tidigare" });
    await db.careEpisode.create({
      data: { patientId: patient.id, careUnitId: ward.id, kind: "INPATIENT", startedAt: new Date("2012-03-01T08:00:00Z"), endedAt: new Date("2012-03-10T10:00:00Z") },
    });
    const { cookie } = await signedIn(db, ward.id, "VARDPERSONAL");
    expect((await patientsLoader(args(request("/patienter?q=Tidigare", cookie)))).patients).toEqual([]);
    const error = await thrown(patientLoader(args(request(`/patienter/${patient.id}`, cookie), { patientId: patient.id })));
    expect(statusOf(error)).toBe(404);
    // A stay that is still open makes the patient known again.
    await db.careEpisode.create({ data: { patientId: patient.id, careUnitId: ward.id, kind: "INPATIENT", startedAt: new Date() } });
    expect((await patientsLoader(args(request("/patienter?q=Tidigare", cookie)))).patients.map((p) => p.id)).toEqual([patient.id]);
  });

  it("tells the user how to write a personnummer when the search has a wrong check digit", async () => {
    const unitA = await createUnit(db);
    const { cookie } = await signedIn(db, unitA.id, "VARDPERSONAL");
    const result = await patientsLoader(args(request("/patienter?q=19121212-1213", cookie)));
    expect(result.searchError).toMatch(/Kontrollsiffran stämmer inte/);
  });
});

describe("protected identity (skyddade personuppgifter)", () => {
  it("asks for a reason before showing anything, logs the reason, and never sends the address", async () => {
    const unit = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unit.id, protectedIdentity: true });
    const { cookie, user } = await signedIn(db, unit.id, "VARDPERSONAL");
    const url = `/patienter/${patient.id}`;

    expect(await patientLoader(args(request(url, cookie), { patientId: patient.id }))).toEqual({ locked: true });

    const tooShort = await patientAction(
      args(request(url, cookie, { method: "POST", body: new URLSearchParams({ reason: "x" }) }), { patientId: patient.id }),
    );
    expect(statusOf(tooShort)).toBe(400);

    const redirect = await thrown(
      patientAction(
        args(request(url, cookie, { method: "POST", body: new URLSearchParams({ reason: "Utser fast vårdkontakt" }) }), {
          patientId: patient.id,
        }),
      ),
    );
    expect(statusOf(redirect)).toBe(302);
    const location = (redirect as Response).headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^${url}\\?atkomst=\\d+$`));

    const page = await patientLoader(args(request(location, cookie), { patientId: patient.id }));
    expect(page).toMatchObject({ locked: false, address: null, protectedIdentity: true });
    const rows = await db.accessLog.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.reason])).toEqual([
      ["patient.unlock", "Utser fast vårdkontakt"],
      ["patient.view", "Utser fast vårdkontakt"],
    ]);
  });

  it("does not accept another user's unlock id", async () => {
    const unit = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unit.id, protectedIdentity: true });
    const first = await signedIn(db, unit.id, "VARDPERSONAL");
    const second = await signedIn(db, unit.id, "VARDPERSONAL");
    const url = `/patienter/${patient.id}`;
    const redirect = await thrown(
      patientAction(
        args(request(url, first.cookie, { method: "POST", body: new URLSearchParams({ reason: "Bedömer behov" }) }), {
          patientId: patient.id,
        }),
      ),
    );
    const location = (redirect as Response).headers.get("Location")!;
    expect(await patientLoader(args(request(location, second.cookie), { patientId: patient.id }))).toEqual({ locked: true });
  });
});
