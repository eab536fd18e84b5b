// One fast kontakt as a FHIR R4 CareTeam, after Inera's draft profile RIVCareManager (IG "Inera
// FHIR CareTeam" v0.9, domain-facts §8.3, §9.1). Pure, and built only from the patient-facing
// projection (app/fixed-contacts/patient-facing.ts): what it dropped (internal note, hidden
// direct phone, vård-till-vård phone, a handläggare's contact ways) cannot reach this output.
//
// Not claimed in meta.profile: the IG is written for FHIR 5.0.0 and binds participant.role
// (required) to KV Typ av fast kontakt, which annan fast kontakt has no code in.
import { activeAt, endedBy } from "../../../machines/rules";
import type { ContactWayView, PatientFacingContact } from "~/fixed-contacts/patient-facing";
import { messages } from "./messages";
import {
  BEFATTNING_SYSTEM,
  CONTACT_VIA_TEAM_EXTENSION,
  FAST_KONTAKT_CATEGORY,
  HSA_ID_SYSTEM,
  PATIENT_SYSTEMS,
  TEAM_CATEGORY,
  TYP_AV_FAST_KONTAKT_SYSTEM,
  type NationalIdentifierKind,
} from "./systems";
import type { Annotation, CareTeam, CareTeamStatus, CodeableConcept, ContactPoint, Organization, Practitioner, PractitionerRole } from "./types";

/** KV Typ av fast kontakt displays by code, from the FastKontaktTyp reference table. */
export type TypeDisplays = Readonly<Record<string, string>>;

export type CareTeamInput = {
  contact: PatientFacingContact;
  status: CareTeamStatus;
  patient: { kind: NationalIdentifierKind; identifier: string };
  typeDisplays: TypeDisplays;
};

/**
 * active while the contact runs, inactive once it has ended (rules: activeAt, endedBy). A contact
 * that starts later (a turnover sets it ahead, Bilaga 1.5) is "proposed": care-team-status has no
 * "planned", and "active" would claim a relation the patient does not have yet.
 */
export function careTeamStatus(a: { startedAt: Date; endedAt: Date | null }, at: Date): CareTeamStatus {
  if (activeAt(a, at)) return "active";
  return endedBy(a, at) ? "inactive" : "proposed";
}

/** Local ids of the contained resources ("#role" from the participant, and so on). */
const ROLE = "role";
const PRACTITIONER = "practitioner";
const UNIT = "unit";
const TEAM = "team";

export function careTeam({ contact, status, patient, typeDisplays }: CareTeamInput): CareTeam {
  const person = contact.person;
  const notes: Annotation[] = [contact.externalNote, contact.contactAbout && messages.contactAboutNote(contact.contactAbout)]
    .filter((text): text is string => Boolean(text))
    .map((text) => ({ text }));
  return {
    resourceType: "CareTeam",
    id: contact.id,
    // A handläggare has no Practitioner: only the role and the unit reach the patient (seed §5.1).
    contained: [
      practitionerRole(contact),
      ...(person.identity ? [practitioner(person.identity)] : []),
      unitOrganization(contact),
      ...(contact.team ? [teamCareTeam(contact.team)] : []),
    ],
    status,
    category: [{ coding: [FAST_KONTAKT_CATEGORY] }],
    // An identifier reference: the consumer knows the patient by this number, not by a Patient
    // resource of ours, and the patient's name is not needed (data minimisation, PDL 2 kap.).
    subject: { type: "Patient", identifier: { system: PATIENT_SYSTEMS[patient.kind], value: patient.identifier } },
    period: { start: contact.start, ...opt("end", contact.end) },
    participant: [
      {
        // RIVCareManager: the team the contact is reached through (contactViaTeam).
        ...opt("extension", contact.team ? [{ url: CONTACT_VIA_TEAM_EXTENSION, valueReference: { reference: `#${TEAM}`, display: contact.team.name } }] : null),
        role: [role(contact, typeDisplays)],
        // PractitionerRole, never onBehalfOf: invariant ctm-1 allows onBehalfOf only with a Practitioner.
        member: { reference: `#${ROLE}`, type: "PractitionerRole", display: person.identity?.name ?? person.befattning.name },
      },
    ],
    managingOrganization: [{ reference: `#${UNIT}`, type: "Organization", identifier: hsaId(contact.unit.hsaId), display: contact.unit.name }],
    // The unit's public ways in (seed §6.1.2): never its vård-till-vård number, which the projection drops.
    telecom: [{ system: "phone", value: contact.unit.publicPhone }, ...contact.unit.contactWays.map(contactPoint)],
    ...opt("note", notes),
  };
}

/** RIVCareManager participant.role: "funktion i relation till invånaren, inte yrkestitel". */
function role(contact: PatientFacingContact, typeDisplays: TypeDisplays): CodeableConcept {
  if (contact.typeCode === null) {
    // Annan fast kontakt (e.g. kontaktsjuksköterska) has no code in KV Typ av fast kontakt v0.9.
    return { text: contact.roleTitle ?? messages.otherContactRole() };
  }
  return { coding: [{ system: TYP_AV_FAST_KONTAKT_SYSTEM, code: contact.typeCode, ...opt("display", typeDisplays[contact.typeCode]) }] };
}

function practitionerRole(contact: PatientFacingContact): PractitionerRole {
  const person = contact.person;
  const telecom: ContactPoint[] = [
    ...(person.directPhone ? [{ system: "phone" as const, value: person.directPhone }] : []),
    ...person.contactWays.map(contactPoint),
  ];
  return {
    resourceType: "PractitionerRole",
    id: ROLE,
    ...(person.identity ? { practitioner: { reference: `#${PRACTITIONER}`, type: "Practitioner" as const, display: person.identity.name } } : {}),
    organization: { reference: `#${UNIT}`, type: "Organization", display: contact.unit.name },
    // The IG mapping: "Personalens befattning kan uttryckas på PractitionerRole.code".
    code: [{ coding: [{ system: BEFATTNING_SYSTEM, code: person.befattning.code, display: person.befattning.name }] }],
    ...opt("telecom", telecom),
  };
}

function practitioner(identity: NonNullable<PatientFacingContact["person"]["identity"]>): Practitioner {
  const { name, family, given } = identity;
  return { resourceType: "Practitioner", id: PRACTITIONER, identifier: [hsaId(identity.hsaId)], name: [{ text: name, family, given }] };
}

/** The unit with its visiting address (as on 1177) and its vårdgivare (GetCareManagers managingCareGiver). */
function unitOrganization(contact: PatientFacingContact): Organization {
  const { unit, careGiver } = contact;
  return {
    resourceType: "Organization",
    id: UNIT,
    identifier: [hsaId(unit.hsaId)],
    name: unit.name,
    address: [{ use: "work", type: "physical", line: [unit.visitingAddress], postalCode: unit.postalCode, city: unit.city }],
    partOf: { type: "Organization", identifier: hsaId(careGiver.hsaId), display: careGiver.name },
  };
}

/** The team as Inera's RIVManagingTeam: a CareTeam of category "team" with its own ways in. */
function teamCareTeam(team: NonNullable<PatientFacingContact["team"]>): CareTeam {
  const telecom: ContactPoint[] = [...(team.phone ? [{ system: "phone" as const, value: team.phone }] : []), ...team.contactWays.map(contactPoint)];
  // Contact times are free text here ("Vardagar 08–16"); Inera's availability extension needs
  // structured days and times, so they travel as a note.
  const notes = [team.comment, team.contactTimes && messages.contactTimesNote(team.contactTimes)]
    .filter((text): text is string => Boolean(text))
    .map((text) => ({ text }));
  return { resourceType: "CareTeam", id: TEAM, category: [{ coding: [TEAM_CATEGORY] }], name: team.name, ...opt("telecom", telecom), ...opt("note", notes) };
}

const hsaId = (value: string) => ({ system: HSA_ID_SYSTEM, value });

/** Phones as phone; e-services and digital ways are addresses on the web (or, failing that, e-mail). */
function contactPoint(way: ContactWayView): ContactPoint {
  if (way.kind === "PHONE") return { system: "phone", value: way.value };
  if (/^https?:\/\//i.test(way.value)) return { system: "url", value: way.value };
  return { system: way.value.includes("@") ? "email" : "other", value: way.value };
}

/** `{ key: value }`, or nothing: FHIR JSON has no nulls and no empty arrays. */
function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return {};
  return { [key]: value } as { [P in K]?: V };
}
