// GetCareManagers v1 answers (issue 6 §2): one careManager per active contact at the care giver
// asked, every field mapped as the contract defines it, only what the patient may see (seed
// §5.1, §6) plus the contract's internalNotes; every answer valid against the official XSDs.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { createApiKey, createPatient } from "../../factories";
import { buildScenario, createCareGiver, createCareUnit, assign, testSamordningsnummer, type Scenario } from "./scenario";
import { call, careManagersOf, envelope, getCareManagersBody, ROOT, type Parsed } from "./soap";

let s: Scenario;
beforeAll(async () => {
  s = await buildScenario();
});

const ask = (logicalAddress: string, extension = s.patient.identifier, key = logicalAddress === s.kommun.hsaId ? s.kommunConsumer.key : s.consumer.key) =>
  call({ key, body: envelope(getCareManagersBody({ extension }), logicalAddress) });

const practitionerIds = (cms: Parsed[]) => cms.map((cm) => cm.practitioner.hsaId.extension);
const telecoms = (contact: Parsed) => (contact?.[0]?.telecom ?? []) as Parsed[];
const ymd = (d: Date) => isoDateInStockholm(d).replaceAll("-", "");

describe("which contacts are answered", () => {
  it("gives the region's active contacts in output order; the ended one and the one starting tomorrow are absent", async () => {
    const cms = await careManagersOf(await ask(s.region.hsaId));
    const { doctor, coordinator, nurse, contactNurse } = s.staff;
    expect(practitionerIds(cms)).toEqual([doctor.hsaId, coordinator.hsaId, nurse.hsaId, contactNurse.hsaId]);
    expect(cms.map((cm) => cm.code.code ?? cm.code.originalText)).toEqual(["2", "4", "1", "Kontaktsjuksköterska"]);
  });

  it("gives only the kommun's contacts when the LogicalAddress names the kommun", async () => {
    const cms = await careManagersOf(await ask(s.kommun.hsaId));
    // The handläggare's HSA-id is not disclosed (seed §5.1): her careManager carries the root alone.
    expect(practitionerIds(cms)).toEqual([s.staff.careWorker.hsaId, undefined]);
  });

  it("answers an unknown patient exactly like a patient without contacts: an empty, valid response", async () => {
    const stranger = await ask(s.region.hsaId, "191212121212");
    const known = await createPatient(db);
    const withoutContacts = await ask(s.region.hsaId, known.identifier);
    expect(await careManagersOf(stranger)).toEqual([]);
    expect(await careManagersOf(withoutContacts)).toEqual([]);
  });
});

describe("the fast läkarkontakt, field by field", () => {
  let cm: Parsed;
  beforeAll(async () => {
    [cm] = await careManagersOf(await ask(s.region.hsaId));
  });

  it("header: care giver, care unit, patient (personnummer root), start as block comparison time, this system as source", () => {
    expect(cm.careManagerHeader).toEqual({
      accessControlHeader: {
        accountableHealthcareProviderId: { root: ROOT.hsaId, extension: s.region.hsaId },
        accountableCareUnitId: { root: ROOT.hsaId, extension: s.vc.hsaId },
        patientId: { root: ROOT.personnummer, extension: s.patient.identifier },
        // 2026-01-01T08:00Z is 09:00 in Stockholm (CET).
        blockComparisonTime: "20260101090000",
      },
      sourceSystemId: { root: ROOT.hsaId, extension: "SE2321000990-FK0001" },
    });
  });

  it("code from KV typ av fast kontakt, practitioner with HSA-id, name and KV befattning", () => {
    expect(cm.code).toEqual({ code: "2", codeSystem: ROOT.kvTyp, codeSystemName: "KV typ av fast kontakt", displayName: "fast läkarkontakt i primärvård" });
    expect(cm.practitioner).toEqual({
      hsaId: { root: ROOT.hsaId, extension: s.staff.doctor.hsaId },
      name: `Anna Maria ${s.staff.doctor.lastName}`,
      qualification: { code: "201011", codeSystem: "1.2.752.129.2.2.1.4", codeSystemName: "KV befattning", displayName: "Distriktsläkare/Specialist allmänmedicin" },
    });
  });

  it("team: id rooted in the unit's HSA-id, name, comment, its phone with hours and its e-service", () => {
    expect(cm.careTeam.id).toEqual({ root: s.vc.hsaId, extension: s.team.id });
    expect(cm.careTeam.name).toBe("Team Blå");
    expect(cm.careTeam.externalNotes).toBe("Läkare och distriktssköterskor för Norrsjö centrum.");
    const [phone, eService] = telecoms(cm.careTeam.contact);
    expect(phone.value).toBe("0910-100 20");
    expect(phone.system).toEqual({ displayName: "Telefon", originalText: "Teamets telefon" });
    const weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    expect(phone.period).toEqual([
      { weekDay: weekdays, time: { start: "080000", end: "093000" } },
      { weekDay: weekdays, time: { start: "130000", end: "140000" } },
    ]);
    // "Svar inom en vardag" is a response time, not opening hours: no period.
    expect(eService).toEqual({ system: { displayName: "E-tjänst", originalText: "Skriv till teamet" }, value: "https://e-tjanster.1177.se/mvk/vc/team-bla" });
  });

  it("period as YYYYMMDD without end; internal and external notes as written", () => {
    expect(cm.period).toEqual([{ start: "20260101" }]);
    expect(cm.internalNotes).toBe("Patienten vill inte bli uppringd före 10.");
    expect(cm.externalNotes).toBe("Boka gärna via 1177 <e-tjänster>.");
  });

  it("managing care giver and unit: names, address, the public phone once (with the unit's label and hours), e-service and digital way", () => {
    expect(cm.managingCareGiver).toEqual({ hsaId: { root: ROOT.hsaId, extension: s.region.hsaId }, name: s.region.name });
    const unit = cm.managingCareUnit;
    expect(unit.hsaId).toEqual({ root: ROOT.hsaId, extension: s.vc.hsaId });
    expect(unit.name).toBe("Vårdcentralen Norrsjö");
    expect(unit.contact[0].address).toEqual({ line: ["Storgatan 1 & 3"], city: "Norrsjö", postalCode: "931 30" });
    // Contact ways in the shared order of every output (by label).
    const [eService, digital, phone] = telecoms(unit.contact);
    expect(telecoms(unit.contact)).toHaveLength(3);
    expect(phone.value).toBe("0910-10000");
    expect(phone.system.originalText).toBe("Rådgivning och tidsbokning");
    expect(phone.period.map((p: Parsed) => p.time)).toEqual([
      { start: "080000", end: "120000" },
      { start: "130000", end: "163000" },
    ]);
    expect(eService.value).toBe("https://e-tjanster.1177.se/mvk/vc?a=1&b=2");
    expect(eService.system.displayName).toBe("E-tjänst");
    expect(eService.period[0].time).toEqual({ start: "080000", end: "160000" });
    expect(digital.system).toEqual({ displayName: "Digital kontaktväg", originalText: "Digitalt vårdbesök" });
    expect(digital.period[0].weekDay).toHaveLength(7);
  });

  it("the doctor's direct phone, which the assignment allows the patient to see", () => {
    expect(telecoms(cm.contact)).toEqual([{ system: { displayName: "Telefon", originalText: "Direktnummer" }, value: "070-111 11 11" }]);
  });
});

describe("what the patient may not see stays out", () => {
  it("never sends the vård-till-vård phone, and a direct phone only where allowed", async () => {
    const response = await ask(s.region.hsaId);
    const text = await response.clone().text();
    await careManagersOf(response);
    expect(text).not.toContain("010-999 99 99");
    expect(text).not.toContain("070-222 22 22"); // the ward nurse's, not allowed
    expect(text).toContain("070-111 11 11"); // the doctor's, allowed
  });

  it("a contact ending tomorrow is still there, with tomorrow as its end and no direct phone", async () => {
    const cms = await careManagersOf(await ask(s.region.hsaId));
    const ward = cms.find((cm) => cm.practitioner.hsaId.extension === s.staff.nurse.hsaId);
    expect(ward.code.code).toBe("1");
    expect(ward.code.displayName).toBe("fast vårdkontakt");
    expect(ward.period).toEqual([{ start: "20260101", end: ymd(s.contacts.wardContact.endedAt!) }]);
    expect(ward.contact).toBeUndefined();
    expect(ward.careTeam).toBeUndefined();
  });

  it("a handläggare (annan fast kontakt) keeps only role and unit: no name, no HSA-id, no phone or contact way of their own (seed §5.1)", async () => {
    const cms = await careManagersOf(await ask(s.kommun.hsaId));
    const handlaggare = cms.find((cm) => cm.practitioner.qualification.code === "351012");
    expect(handlaggare.code).toEqual({ originalText: "Biståndshandläggare" });
    expect(handlaggare.practitioner.qualification.displayName).toBe("Biståndsbedömare");
    // PractitionerType requires hsaId and IIType only its root: the root alone, no extension.
    expect(handlaggare.practitioner.hsaId).toEqual({ root: "1.2.752.129.2.1.4.1" });
    expect(handlaggare.practitioner.name).toBeUndefined();
    expect(handlaggare.contact).toBeUndefined();
    const text = JSON.stringify(handlaggare);
    expect(text).not.toContain(s.staff.handlaggare.hsaId);
    expect(text).not.toContain(s.staff.handlaggare.lastName);
    expect(text).not.toContain("070-666 66 66");
    expect(text).not.toContain("chatt.example");
    // The unit is still there to reach.
    expect(telecoms(handlaggare.managingCareUnit.contact)[0].value).toBe("0910-300 00");
  });
});

describe("the other kinds", () => {
  it("fast omsorgskontakt: code 3, direct phone and the person's own way with its hours", async () => {
    const [cm] = await careManagersOf(await ask(s.kommun.hsaId));
    expect(cm.code).toMatchObject({ code: "3", displayName: "fast omsorgskontakt i hemtjänsten" });
    expect(cm.managingCareGiver.name).toBe(s.kommun.name);
    const [direct, work] = telecoms(cm.contact);
    expect(direct.value).toBe("070-333 33 33");
    expect(work).toEqual({
      system: { displayName: "Telefon", originalText: "Arbetstelefon" },
      value: "070-555 55 55",
      period: [{ weekDay: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], time: { start: "070000", end: "160000" } }],
    });
  });

  it("övergripande samordningsansvar: code 4", async () => {
    const cms = await careManagersOf(await ask(s.region.hsaId));
    const coordinator = cms.find((cm) => cm.practitioner.hsaId.extension === s.staff.coordinator.hsaId);
    expect(coordinator.code).toEqual({
      code: "4",
      codeSystem: ROOT.kvTyp,
      codeSystemName: "KV typ av fast kontakt",
      displayName: "fast vårdkontakt med övergripande samordningsansvar",
    });
  });

  it("annan fast kontakt: the role title as originalText only, and what to contact about before the note", async () => {
    const cms = await careManagersOf(await ask(s.region.hsaId));
    const nurse = cms.find((cm) => cm.practitioner.hsaId.extension === s.staff.contactNurse.hsaId);
    expect(nurse.code).toEqual({ originalText: "Kontaktsjuksköterska" });
    expect(nurse.externalNotes).toBe("Kontakta om: Frågor om din cancerbehandling\nLämna meddelande så ringer vi upp.");
    expect(nurse.internalNotes).toBeUndefined();
  });

  it("a patient with samordningsnummer is named with root 1.2.752.129.2.1.3.3", async () => {
    const careGiver = await createCareGiver();
    const unit = await createCareUnit(careGiver.id, "SPECIALISERAD_OPPENVARD", "Mottagningen", "0910-400 00");
    const staff = await db.staffMember.findUniqueOrThrow({ where: { id: s.staff.contactNurse.id } });
    const identifier = testSamordningsnummer();
    const patient = await db.patient.create({
      data: { identifierKind: "SAMORDNINGSNUMMER", identifier, firstName: "Sam", lastName: "Ordning", birthDate: "1985-02-15" },
    });
    await assign({ patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id, kind: "FAST_VARDKONTAKT" });
    const response = await call({
      key: (await createApiKey(db, undefined, { careGiverId: careGiver.id })).key,
      body: envelope(getCareManagersBody({ root: ROOT.samordningsnummer, extension: identifier }), careGiver.hsaId),
    });
    const [cm] = await careManagersOf(response);
    expect(cm.careManagerHeader.accessControlHeader.patientId).toEqual({ root: ROOT.samordningsnummer, extension: identifier });
  });
});

describe("access log (HSLF-FS 2016:40 4 kap. 9 §)", () => {
  it("writes one row per call naming the consumer system, also when the answer is empty", async () => {
    const other = await createApiKey(db, "Journalsystemet (test)", { careGiverId: s.region.id });
    await careManagersOf(await call({ key: other.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId) }, "req-log-1"));
    await careManagersOf(
      await call({ key: other.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier, careManagerTypes: ["3"] }), s.region.hsaId) }, "req-log-2"),
    );
    const rows = await db.accessLog.findMany({ where: { patientId: s.patient.id, consumerSystem: "Journalsystemet (test)" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => ({ action: r.action, requestId: r.requestId, userId: r.userId }))).toEqual([
      { action: "api.get-care-managers", requestId: "req-log-1", userId: null },
      { action: "api.get-care-managers", requestId: "req-log-2", userId: null },
    ]);
  });

  it("writes no row for an unknown patient: there is no patient to log", async () => {
    const before = await db.accessLog.count();
    await careManagersOf(await ask(s.region.hsaId, "191212121212"));
    expect(await db.accessLog.count()).toBe(before);
  });
});

describe("a hidden direct phone filed again as a contact way", () => {
  it("stays hidden: the assignment decides about the number (seed §6.1.1), other ways of the person still go out", async () => {
    const worker = await db.staffMember.create({
      data: {
        hsaId: `SE2321000990-P${Date.now()}`,
        firstName: "Hanna",
        lastName: "Lindgren",
        befattningCode: "207011",
        directPhone: "070-174 06 27",
        employments: { create: { careUnitId: s.homeCare.id, from: "2020-01-01" } },
        contactWays: {
          create: [
            { kind: "PHONE", label: "Arbetstelefon", value: "070-17406 27", contactTimes: "Vardagar 07.00–16.00" },
            { kind: "DIGITAL", label: "Chatt", value: "https://chatt.example/hanna" },
          ],
        },
      },
    });
    const hidden = await createPatient(db);
    const shown = await createPatient(db);
    await assign({ patientId: hidden.id, staffMemberId: worker.id, careUnitId: s.homeCare.id, kind: "FAST_OMSORGSKONTAKT" });
    await assign({ patientId: shown.id, staffMemberId: worker.id, careUnitId: s.homeCare.id, kind: "FAST_OMSORGSKONTAKT", extra: { directPhoneVisibleToPatient: true } });

    const [forHidden] = await careManagersOf(await ask(s.kommun.hsaId, hidden.identifier));
    expect(telecoms(forHidden.contact).map((t: Parsed) => t.value)).toEqual(["https://chatt.example/hanna"]);
    const [forShown] = await careManagersOf(await ask(s.kommun.hsaId, shown.identifier));
    // Shown: the number once, as the labelled way with its hours.
    expect(telecoms(forShown.contact).map((t: Parsed) => [t.value, t.system.originalText])).toEqual([
      ["070-17406 27", "Arbetstelefon"],
      ["https://chatt.example/hanna", "Chatt"],
    ]);
  });
});
