// Issue 6 "Done when": for every seeded patient the FHIR API returns schema-valid answers
// that hold exactly the contacts the patient has, and nothing staff-only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { loader as searchLoader } from "~/routes/fhir.CareTeam";
import { loader as readLoader } from "~/routes/fhir.CareTeam_.$id";
import { seedDemoRegion } from "../../../prisma/demo/region";
import { consumerKey, fhirBody, fhirRequest, PNR, SNR, searchPath } from "./fhir-kit";

type Bundle = { resourceType: string; total: number; entry?: { resource: { id: string; status: string } }[] };

/** One key per care giver (decision 016): a patient's contacts are the union of their answers. */
let keys: { careGiverId: string; key: string }[];

beforeAll(async () => {
  await seedDemoRegion(db, { today: isoDateInStockholm(new Date()), password: "test-lösenord-123" });
  const careGivers = await db.organisation.findMany({ select: { id: true } });
  keys = await Promise.all(careGivers.map(async (c) => ({ careGiverId: c.id, key: (await consumerKey(db, `1177 (${c.id})`, { careGiverId: c.id })).key })));
}, 120_000);

describe("every seeded patient", () => {
  it("gets a valid searchset of exactly their running and ended contacts, never a staff-only detail", async () => {
    const now = new Date();
    const patients = await db.patient.findMany({
      include: { assignments: { include: { careUnit: { select: { careToCarePhone: true, organisationId: true } } } } },
    });
    const national = patients.filter((p) => p.identifierKind !== "RESERVNUMMER");
    expect(national.length).toBeGreaterThan(50);
    let contactsSeen = 0;
    for (const patient of national) {
      const system = patient.identifierKind === "PERSONNUMMER" ? PNR : SNR;
      const careGiversOfPatient = new Set(patient.assignments.map((a) => a.careUnit.organisationId));
      for (const { careGiverId, key } of keys.filter((k) => careGiversOfPatient.has(k.careGiverId))) {
        const response = await searchLoader({
          request: fhirRequest(searchPath(system, patient.identifier, "&status=active,inactive"), key),
          params: {},
          context: { requestId: `req-seeded-${patient.id}-${careGiverId}` },
        });
        const text = await response.clone().text();
        const bundle = await fhirBody<Bundle>(response, 200);
        // Started by now (running or ended); a contact that starts later is in neither status.
        // Only this key's care giver's contacts (decision 016).
        const expected = patient.assignments.filter((a) => a.startedAt <= now && a.careUnit.organisationId === careGiverId).map((a) => a.id);
        expect(new Set((bundle.entry ?? []).map((e) => e.resource.id)), patient.identifier).toEqual(new Set(expected));
        for (const a of patient.assignments) {
          if (a.internalNote) expect(text).not.toContain(a.internalNote);
          if (a.careUnit.careToCarePhone) expect(text).not.toContain(a.careUnit.careToCarePhone);
        }
        contactsSeen += bundle.total;
      }
    }
    expect(contactsSeen).toBeGreaterThan(50);
  }, 120_000);

  it("gets each of their contacts read by id as valid FHIR", async () => {
    const assignments = await db.assignment.findMany({
      select: { id: true, patient: { select: { identifierKind: true } }, careUnit: { select: { organisationId: true } } },
    });
    for (const a of assignments) {
      const key = keys.find((k) => k.careGiverId === a.careUnit.organisationId)!.key;
      const response = await readLoader({ request: fhirRequest(`/fhir/CareTeam/${a.id}`, key), params: { id: a.id }, context: { requestId: `req-seeded-read-${a.id}` } });
      // A reservnummer patient's contacts are not served (care-team-read.test.ts).
      await fhirBody(response, a.patient.identifierKind === "RESERVNUMMER" ? 404 : 200);
    }
  }, 120_000);
});
