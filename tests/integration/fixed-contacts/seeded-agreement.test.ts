// Issue 6 "Done when": for every seeded patient, GetCareManagers and FHIR CareTeam answer what
// the 1177 view shows: the same contacts in the same order, the same person, kind, unit, care
// giver, period, note and the same phone numbers of the person (so a direct phone hidden on the
// view is hidden in both APIs). Schema validity of the same answers is checked in
// tests/integration/get-care-managers/demo-region.test.ts and tests/integration/fhir/seeded-patients.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { loadFixedContacts } from "~/fixed-contacts/contacts.server";
import { patientFacing, type PatientFacingContact } from "~/fixed-contacts/patient-facing";
import { loader as searchLoader } from "~/routes/fhir.CareTeam";
import { seedDemoRegion } from "../../../prisma/demo/region";
import { createApiKey } from "../../factories";
import { fhirBody, fhirRequest, PNR, SNR, searchPath } from "../fhir/fhir-kit";
import { call, envelope, getCareManagersBody, readCareManagers, ROOT, successText, type Parsed } from "../get-care-managers/soap";

/** What all three outputs must agree on, per contact. */
type Shown = {
  /** The person's HSA-id; null for a handläggare, whose identity no output gives (seed §5.1). */
  hsaId: string | null;
  kind: string;
  unit: string;
  careGiver: string;
  start: string;
  end: string | null;
  /** Compared by content: each output words "kontakta om" its own way. */
  notes: string;
  phones: string[];
};

const digits = (phone: string) => phone.replace(/\D/g, "");
const phoneSet = (values: string[]) => [...new Set(values.map(digits))].sort();
const dashed = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

function fromView(c: PatientFacingContact): Shown {
  const phones = [...(c.person.directPhone ? [c.person.directPhone] : []), ...c.person.contactWays.filter((w) => w.kind === "PHONE").map((w) => w.value)];
  return {
    hsaId: c.person.identity?.hsaId ?? null,
    kind: c.typeCode ?? c.roleTitle ?? "",
    unit: c.unit.hsaId,
    careGiver: c.careGiver.hsaId,
    start: c.start,
    end: c.end,
    notes: [c.contactAbout, c.externalNote].filter(Boolean).join("\n"),
    phones: phoneSet(phones),
  };
}

function fromSoap(cm: Parsed): Shown {
  const telecoms: Parsed[] = (cm.contact ?? []).flatMap((contact: Parsed) => contact.telecom ?? []);
  return {
    hsaId: cm.practitioner.hsaId.extension ?? null,
    kind: cm.code.code ?? cm.code.originalText,
    unit: cm.managingCareUnit.hsaId.extension,
    careGiver: cm.managingCareGiver.hsaId.extension,
    // The test reader treats every "period" as a list (HoursOfService repeats; DatePeriod does not).
    start: dashed(cm.period[0].start),
    end: cm.period[0].end ? dashed(cm.period[0].end) : null,
    notes: cm.externalNotes ?? "",
    phones: phoneSet(telecoms.filter((t) => !/^https?:/.test(t.value) && /\d{5}/.test(digits(t.value))).map((t) => t.value)),
  };
}

type Resource = { resourceType: string; id: string; identifier?: { value: string }[]; telecom?: { system: string; value: string }[]; partOf?: { identifier: { value: string } } };
type CareTeam = Resource & {
  contained: Resource[];
  participant: { role: { coding?: { code: string }[]; text?: string }[] }[];
  managingOrganization: { identifier: { value: string } }[];
  period: { start: string; end?: string };
  note?: { text: string }[];
};

function fromFhir(ct: CareTeam): Shown {
  const byType = (type: string) => ct.contained.find((r) => r.resourceType === type)!;
  const role = ct.participant[0].role[0];
  return {
    hsaId: ct.contained.find((r) => r.resourceType === "Practitioner")?.identifier![0].value ?? null,
    kind: role.coding?.[0].code ?? role.text ?? "",
    unit: ct.managingOrganization[0].identifier.value,
    careGiver: byType("Organization").partOf!.identifier.value,
    start: ct.period.start,
    end: ct.period.end ?? null,
    notes: (ct.note ?? []).map((n) => n.text).join("\n"),
    phones: phoneSet((byType("PractitionerRole").telecom ?? []).filter((t) => t.system === "phone").map((t) => t.value)),
  };
}

beforeAll(async () => {
  await seedDemoRegion(db, { today: isoDateInStockholm(new Date()), password: "test-lösenord-123" });
}, 120_000);

describe("every seeded patient: the 1177 view, GetCareManagers and FHIR CareTeam agree", () => {
  it("shows the same contacts with the same details in all three", async () => {
    const now = new Date();
    // A key speaks for one care giver (issue 13, finding 8): one key per care giver of the region.
    const keys = new Map<string, string>();
    for (const org of await db.organisation.findMany()) keys.set(org.hsaId, (await createApiKey(db, `Jämförelse ${org.hsaId}`, { careGiverId: org.id })).key);
    const patients = await db.patient.findMany({ where: { identifierKind: { in: ["PERSONNUMMER", "SAMORDNINGSNUMMER"] } }, orderBy: { identifier: "asc" } });
    let compared = 0;
    let hiddenPhones = 0;
    for (const patient of patients) {
      const rows = await loadFixedContacts(db, { patientId: patient.id, at: now });
      const view = rows.map((row) => patientFacing(row));
      hiddenPhones += rows.filter((row, i) => row.staffMember.directPhone && !view[i].person.directPhone).length;

      // GetCareManagers answers per care giver (the LogicalAddress), each in the view's order.
      const careGivers = [...new Set(view.map((c) => c.careGiver.hsaId))];
      const root = patient.identifierKind === "PERSONNUMMER" ? ROOT.personnummer : ROOT.samordningsnummer;
      const soap: Shown[] = [];
      for (const careGiver of careGivers) {
        const key = keys.get(careGiver)!;
        const text = await successText(await call({ key, body: envelope(getCareManagersBody({ root, extension: patient.identifier }), careGiver) }));
        soap.push(...readCareManagers(text).map(fromSoap));
      }

      // FHIR CareTeam answers a key with its own care giver's contacts, so it is asked once per care giver too.
      const system = patient.identifierKind === "PERSONNUMMER" ? PNR : SNR;
      const fhir: Shown[] = [];
      for (const careGiver of careGivers) {
        const request = fhirRequest(searchPath(system, patient.identifier), keys.get(careGiver)!);
        const response = await searchLoader({ request, params: {}, context: { requestId: `req-agree-${patient.id}` } });
        const bundle = await fhirBody<{ resourceType: string; entry?: { resource: CareTeam }[] }>(response, 200);
        fhir.push(...(bundle.entry ?? []).map((e) => fromFhir(e.resource)));
      }

      const shown = view.map(fromView);
      const byCareGiver = careGivers.flatMap((g) => shown.filter((c) => c.careGiver === g));
      const withoutNotes = (list: Shown[]) => list.map((c) => ({ ...c, notes: "" }));
      expect(withoutNotes(soap), patient.identifier).toEqual(withoutNotes(byCareGiver));
      expect(withoutNotes(fhir), patient.identifier).toEqual(withoutNotes(byCareGiver));
      for (const [i, c] of byCareGiver.entries()) for (const line of c.notes.split("\n")) expect(soap[i].notes).toContain(line);
      for (const [i, c] of byCareGiver.entries()) for (const line of c.notes.split("\n")) expect(fhir[i].notes).toContain(line);
      compared += shown.length;
    }
    expect(compared).toBeGreaterThan(100);
    // The demo has direct phones the patient may not see: the comparison covers hiding them.
    expect(hiddenPhones).toBeGreaterThan(5);
  }, 240_000);
});
