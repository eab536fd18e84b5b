// A patient with one contact of every kind the product holds, spread over two care givers
// (a region and a kommun) and three units, plus an ended contact and one starting tomorrow.
// Values are distinct so that every field of the answer can be traced to its source.
import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import type { CareUnitKind, ContactKind, OrganisationKind } from "~/generated/prisma/client";
import { luhnCheckDigit } from "~/domain/identifiers";
import { createApiKey, createPatient, createStaff } from "../../factories";

const unique = () => randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase();
const DAY_MS = 86_400_000;

export const STARTED = new Date("2026-01-01T08:00:00Z");

export async function createCareGiver(kind: OrganisationKind = "REGION") {
  return db.organisation.create({
    data: { hsaId: `SE2321000990-G${unique()}`, name: `${kind === "REGION" ? "Region" : "Kommun"} ${unique()}`, kind, organisationNumber: `T${unique()}` },
  });
}

export async function createCareUnit(organisationId: string, kind: CareUnitKind, name: string, publicPhone: string) {
  return db.careUnit.create({
    data: {
      hsaId: `SE2321000990-E${unique()}`,
      name,
      kind,
      organisationId,
      regionallyFinanced: kind === "REGIONAL_PRIMARVARD",
      visitingAddress: "Storgatan 1 & 3",
      postalCode: "931 30",
      city: "Norrsjö",
      publicPhone,
      careToCarePhone: "010-999 99 99",
    },
  });
}

/** A Luhn-valid samordningsnummer (birth day + 60). */
export function testSamordningsnummer(): string {
  const nine = `850275${String(Math.floor(Math.random() * 900) + 100)}`; // 1985-02-15
  return `19${nine}${luhnCheckDigit(nine)}`;
}

type AssignmentData = {
  patientId: string;
  staffMemberId: string;
  careUnitId: string;
  kind: ContactKind;
  startedAt?: Date;
  endedAt?: Date | null;
  extra?: Partial<{
    teamId: string;
    overallCoordination: boolean;
    directPhoneVisibleToPatient: boolean;
    roleTitle: string;
    contactAbout: string;
    externalNote: string;
    internalNote: string;
  }>;
};

export function assign(a: AssignmentData) {
  const { extra = {} } = a;
  return db.assignment.create({
    data: {
      kind: a.kind,
      patientId: a.patientId,
      staffMemberId: a.staffMemberId,
      careUnitId: a.careUnitId,
      startedAt: a.startedAt ?? STARTED,
      endedAt: a.endedAt ?? null,
      ...extra,
      coordinationConsentAt: extra.overallCoordination ? STARTED : null,
    },
  });
}

export async function buildScenario(now = new Date()) {
  const region = await createCareGiver("REGION");
  const kommun = await createCareGiver("KOMMUN");
  const vc = await createCareUnit(region.id, "REGIONAL_PRIMARVARD", "Vårdcentralen Norrsjö", "0910-100 00");
  const ward = await createCareUnit(region.id, "SLUTENVARD", "Medicinavdelning 12", "0910-200 00");
  const homeCare = await createCareUnit(kommun.id, "HEMTJANST", "Hemtjänst Centrum", "0910-300 00");

  await db.contactWay.createMany({
    data: [
      // The unit's public number again, with a label and its hours: sent once, with them.
      { kind: "PHONE", label: "Rådgivning och tidsbokning", value: "0910-10000", contactTimes: "Vardagar 08.00–16.30, lunchstängt 12–13", careUnitId: vc.id },
      { kind: "E_SERVICE", label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/mvk/vc?a=1&b=2", contactTimes: "Ärenden besvaras vardagar 08–16", careUnitId: vc.id },
      { kind: "DIGITAL", label: "Digitalt vårdbesök", value: "Appen Norrsjö Vård", contactTimes: "Alla dagar 07–22", careUnitId: vc.id },
    ],
  });
  const team = await db.team.create({
    data: {
      careUnitId: vc.id,
      name: "Team Blå",
      phone: "0910-100 20",
      comment: "Läkare och distriktssköterskor för Norrsjö centrum.",
      contactTimes: "Vardagar 08.00–09.30 och 13.00–14.00",
      contactWays: { create: { kind: "E_SERVICE", label: "Skriv till teamet", value: "https://e-tjanster.1177.se/mvk/vc/team-bla", contactTimes: "Svar inom en vardag" } },
    },
  });

  const withPhone = async (unitId: string, befattning: string, directPhone: string) => {
    const s = await createStaff(db, unitId, befattning);
    return db.staffMember.update({ where: { id: s.id }, data: { directPhone, firstName: "Anna", middleName: "Maria", lastName: `Läkare${unique()}` } });
  };
  const doctor = await withPhone(vc.id, "201011", "070-111 11 11");
  const nurse = await withPhone(ward.id, "206017", "070-222 22 22");
  const coordinator = await withPhone(vc.id, "206011", "070-444 44 44");
  const careWorker = await withPhone(homeCare.id, "207011", "070-333 33 33");
  await db.contactWay.create({ data: { kind: "PHONE", label: "Arbetstelefon", value: "070-555 55 55", contactTimes: "Vardagar 07.00–16.00", staffMemberId: careWorker.id } });
  const handlaggare = await withPhone(homeCare.id, "351012", "070-666 66 66");
  await db.contactWay.create({ data: { kind: "DIGITAL", label: "Chatt med handläggaren", value: "https://chatt.example/handlaggare", staffMemberId: handlaggare.id } });
  const contactNurse = await withPhone(ward.id, "206021", "070-777 77 77");
  const leaver = await withPhone(ward.id, "206090", "070-888 88 88");
  const newcomer = await withPhone(ward.id, "206090", "070-999 99 99");

  const patient = await createPatient(db);
  const tomorrow = new Date(now.getTime() + DAY_MS);
  const yesterday = new Date(now.getTime() - DAY_MS);
  const base = { patientId: patient.id };
  const doctorContact = await assign({
    ...base,
    staffMemberId: doctor.id,
    careUnitId: vc.id,
    kind: "FAST_LAKARKONTAKT",
    extra: { teamId: team.id, directPhoneVisibleToPatient: true, externalNote: "Boka gärna via 1177 <e-tjänster>.", internalNote: "Patienten vill inte bli uppringd före 10." },
  });
  const wardContact = await assign({ ...base, staffMemberId: nurse.id, careUnitId: ward.id, kind: "FAST_VARDKONTAKT", endedAt: tomorrow });
  const coordinatorContact = await assign({ ...base, staffMemberId: coordinator.id, careUnitId: vc.id, kind: "FAST_VARDKONTAKT", extra: { overallCoordination: true } });
  const homeCareContact = await assign({ ...base, staffMemberId: careWorker.id, careUnitId: homeCare.id, kind: "FAST_OMSORGSKONTAKT", extra: { directPhoneVisibleToPatient: true } });
  const handlaggarContact = await assign({
    ...base,
    staffMemberId: handlaggare.id,
    careUnitId: homeCare.id,
    kind: "ANNAN_FAST_KONTAKT",
    extra: { roleTitle: "Biståndshandläggare", directPhoneVisibleToPatient: true },
  });
  const contactNurseContact = await assign({
    ...base,
    staffMemberId: contactNurse.id,
    careUnitId: ward.id,
    kind: "ANNAN_FAST_KONTAKT",
    extra: { roleTitle: "Kontaktsjuksköterska", contactAbout: "Frågor om din cancerbehandling", externalNote: "Lämna meddelande så ringer vi upp." },
  });
  const endedContact = await assign({ ...base, staffMemberId: leaver.id, careUnitId: ward.id, kind: "FAST_VARDKONTAKT", endedAt: yesterday });
  const futureContact = await assign({ ...base, staffMemberId: newcomer.id, careUnitId: ward.id, kind: "FAST_VARDKONTAKT", startedAt: tomorrow });

  const consumer = await createApiKey(db, "1177 Vårdguiden (test)", { careGiverId: region.id });
  // A key reads one care giver (decision 016): the kommun's contacts need a key of the kommun.
  const kommunConsumer = await createApiKey(db, "1177 Vårdguiden, kommunen (test)", { careGiverId: kommun.id });
  return {
    kommunConsumer,
    now,
    region,
    kommun,
    vc,
    ward,
    homeCare,
    team,
    staff: { doctor, nurse, coordinator, careWorker, handlaggare, contactNurse, leaver, newcomer },
    patient,
    contacts: { doctorContact, wardContact, coordinatorContact, homeCareContact, handlaggarContact, contactNurseContact, endedContact, futureContact },
    consumer,
  };
}

export type Scenario = Awaited<ReturnType<typeof buildScenario>>;
