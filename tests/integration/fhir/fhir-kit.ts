// Shared by the FHIR tests: the official R4 JSON schema, invariant ctm-1, requests as a
// consumer system sends them, and a patient whose contacts exercise every rule of the mapping.
import Validator from "@asymmetrik/fhir-json-schema-validator";
import { expect } from "vitest";
import type { Db } from "~/db.server";
import { luhnCheckDigit } from "~/domain/identifiers";
import { createApiKey, createStaff, createUnit, testPersonnummer } from "../../factories";

// Compiling the bundled schema costs about a second: once per test file (Vitest gives each
// file its own module instance).
const validator = new Validator();

type Json = Record<string, unknown>;
type Resource = Json & { resourceType: string; id?: string };

/** R4 CareTeam ctm-1: onBehalfOf.exists() implies member.resolve() is empty or a Practitioner. */
export function ctm1Violations(careTeam: Resource): string[] {
  const contained = (careTeam.contained as Resource[] | undefined) ?? [];
  const resolve = (reference: string | undefined) =>
    reference?.startsWith("#") ? contained.find((r) => `#${r.id}` === reference) : undefined;
  const participants = (careTeam.participant as { member?: { reference?: string }; onBehalfOf?: unknown }[] | undefined) ?? [];
  const own = participants
    .filter((p) => p.onBehalfOf !== undefined)
    .filter((p) => {
      const member = resolve(p.member?.reference);
      return member !== undefined && member.resourceType !== "Practitioner";
    })
    .map(() => `CareTeam/${careTeam.id}: onBehalfOf with a member that is not a Practitioner`);
  return [...own, ...contained.filter((r) => r.resourceType === "CareTeam").flatMap(ctm1Violations)];
}

/** Valid against the official FHIR R4 JSON schema, and every CareTeam in it keeps ctm-1. */
export function expectValidFhir(resource: Resource) {
  expect(validator.validate(resource)).toEqual([]);
  const careTeams =
    resource.resourceType === "Bundle"
      ? ((resource.entry as { resource: Resource }[] | undefined) ?? []).map((e) => e.resource)
      : resource.resourceType === "CareTeam"
        ? [resource]
        : [];
  expect(careTeams.flatMap(ctm1Violations)).toEqual([]);
}

/** The body of a FHIR answer, after checking its media type and validity. */
export async function fhirBody<T extends Resource = Resource>(response: Response, status: number): Promise<T> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/fhir+json; charset=utf-8");
  const body = (await response.json()) as T;
  expectValidFhir(body);
  return body;
}

/** The one issue of an OperationOutcome, checked against the status and code expected. */
export async function outcome(response: Response, status: number, code: string) {
  const body = await fhirBody<Resource & { issue: { severity: string; code: string; details: { text: string }; diagnostics?: string }[] }>(response, status);
  expect(body.resourceType).toBe("OperationOutcome");
  expect(body.issue).toHaveLength(1);
  expect(body.issue[0].code).toBe(code);
  return body.issue[0];
}

export const PNR = "http://electronichealth.se/identifier/personnummer";
export const SNR = "http://electronichealth.se/identifier/samordningsnummer";

export function fhirRequest(path: string, key: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (key) headers.set("Authorization", `Bearer ${key}`);
  return new Request(`http://localhost${path}`, { ...init, headers });
}

export const searchPath = (system: string, value: string, rest = "") =>
  `/fhir/CareTeam?patient=${encodeURIComponent(`${system}|${value}`)}${rest}`;

let serial = 0;

/** A Luhn-valid samordningsnummer born 1970-10-03: the birth day + 60 (Skatteverket SKV 707). */
export function testSamordningsnummer(): string {
  const nine = `701063${String(++serial % 1000).padStart(3, "0")}`;
  return `19${nine}${luhnCheckDigit(nine)}`;
}

const DAY = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

/** Words that must never leave the product towards a patient. */
export const SECRETS = {
  internalNote: "INTERN-ANTECKNING-får-aldrig-visas",
  careToCarePhone: "010-123 45 67",
  hiddenDirectPhone: "070-999 99 99",
  handlaggarePhone: "070-888 88 88",
  handlaggareChat: "https://chatt.example.se/handlaggare",
} as const;

/**
 * A patient with one contact of each kind the mapping treats differently. The unit's
 * vård-till-vård phone is SECRETS.careToCarePhone (tests/factories createUnit).
 */
export async function patientWithEveryKindOfContact(db: Db, kind: "PERSONNUMMER" | "SAMORDNINGSNUMMER" = "PERSONNUMMER") {
  const organisation = await kitCareGiver(db);
  const unit = await db.careUnit.update({
    where: { id: (await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Norrsjö")).id },
    data: { organisationId: organisation.id },
  });
  await db.contactWay.create({
    data: { careUnitId: unit.id, kind: "E_SERVICE", label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/vc-norrsjo", contactTimes: "Vardagar 08–17" },
  });
  const team = await db.team.create({
    data: { careUnitId: unit.id, name: "Team Blå", phone: "010-111 11 11", comment: "Ring teamet vid akuta frågor", contactTimes: "Vardagar 08–16" },
  });
  await db.contactWay.create({ data: { teamId: team.id, kind: "DIGITAL", label: "Teamets chatt", value: "https://chatt.example.se/team-bla", contactTimes: null } });

  const nurse = await createStaff(db, unit.id, "206011");
  await db.staffMember.update({ where: { id: nurse.id }, data: { directPhone: "070-111 22 33", firstName: "Eva", middleName: "Maria", lastName: "Svensson" } });
  await db.contactWay.create({ data: { staffMemberId: nurse.id, kind: "DIGITAL", label: "Chatt", value: "https://chatt.example.se/eva", contactTimes: null } });
  const doctor = await createStaff(db, unit.id, "201011");
  await db.staffMember.update({ where: { id: doctor.id }, data: { directPhone: SECRETS.hiddenDirectPhone } });
  const cancerNurse = await createStaff(db, unit.id, "206021");
  const handlaggare = await createStaff(db, unit.id, "351012");
  await db.staffMember.update({ where: { id: handlaggare.id }, data: { directPhone: SECRETS.handlaggarePhone } });
  await db.contactWay.create({ data: { staffMemberId: handlaggare.id, kind: "DIGITAL", label: "Chatt", value: SECRETS.handlaggareChat, contactTimes: null } });
  const homeCare = await db.careUnit.update({ where: { id: (await createUnit(db, "HEMTJANST", "Hemtjänsten Norrsjö")).id }, data: { organisationId: organisation.id } });
  const carer = await createStaff(db, homeCare.id, "207010", { underskoterskaBevis: true });

  const identifier = kind === "PERSONNUMMER" ? testPersonnummer() : testSamordningsnummer();
  const patient = await db.patient.create({
    data: { identifierKind: kind, identifier, firstName: "Test", lastName: "Patient", birthDate: "1970-10-03" },
  });

  const base = { patientId: patient.id, careUnitId: unit.id, startedAt: daysFromNow(-30) };
  const coordinating = await db.assignment.create({
    data: {
      ...base,
      kind: "FAST_VARDKONTAKT",
      staffMemberId: nurse.id,
      teamId: team.id,
      overallCoordination: true,
      coordinationConsentAt: daysFromNow(-30),
      directPhoneVisibleToPatient: true,
      externalNote: "Eva nås enklast via teamet.",
      internalNote: SECRETS.internalNote,
    },
  });
  const doctorContact = await db.assignment.create({
    data: { ...base, kind: "FAST_LAKARKONTAKT", staffMemberId: doctor.id, directPhoneVisibleToPatient: false, internalNote: SECRETS.internalNote },
  });
  const other = await db.assignment.create({
    data: { ...base, kind: "ANNAN_FAST_KONTAKT", staffMemberId: cancerNurse.id, roleTitle: "Kontaktsjuksköterska", contactAbout: "frågor om cytostatikabehandlingen" },
  });
  const handlaggarContact = await db.assignment.create({
    data: { ...base, kind: "ANNAN_FAST_KONTAKT", staffMemberId: handlaggare.id, roleTitle: "Biståndshandläggare", directPhoneVisibleToPatient: true },
  });
  const ended = await db.assignment.create({
    data: { ...base, careUnitId: homeCare.id, kind: "FAST_OMSORGSKONTAKT", staffMemberId: carer.id, endedAt: daysFromNow(-2), internalNote: SECRETS.internalNote },
  });
  const startsTomorrow = await db.assignment.create({
    data: { ...base, kind: "FAST_VARDKONTAKT", staffMemberId: nurse.id, startedAt: daysFromNow(1), internalNote: SECRETS.internalNote },
  });
  const endsTomorrow = await db.assignment.create({
    data: { ...base, careUnitId: homeCare.id, kind: "FAST_OMSORGSKONTAKT", staffMemberId: carer.id, endedAt: daysFromNow(1) },
  });
  return {
    patient,
    unit,
    organisation,
    homeCare,
    team,
    staff: { nurse, doctor, cancerNurse, handlaggare, carer },
    contacts: { coordinating, doctorContact, other, handlaggarContact, ended, startsTomorrow, endsTomorrow },
  };
}

/**
 * The one care giver every fixture's units belong to, so that one key (scoped to a care giver,
 * decision 016) reads all of a fixture patient's contacts.
 */
const KIT_CARE_GIVER = "SE2321000016-FHIRKIT";
export const kitCareGiver = (db: Db) =>
  db.organisation.upsert({
    where: { hsaId: KIT_CARE_GIVER },
    create: { hsaId: KIT_CARE_GIVER, name: "Region Norrsjö (test)", kind: "REGION", organisationNumber: "T-FHIRKIT" },
    update: {},
  });

/** A key of the fixtures' care giver with both services, or of `careGiverId` / the given services. */
export async function consumerKey(db: Db, name = "1177 Vårdguiden", options: Parameters<typeof createApiKey>[2] = {}) {
  return createApiKey(db, name, { careGiverId: (await kitCareGiver(db)).id, ...options });
}
