// The identifier systems, code systems and extension of the FHIR CareTeam API, each with the
// place it was read (domain-facts §8.3, §9.2). The Inera ones come from the draft IG "Inera FHIR
// CareTeam" v0.9 (repo tobiasblom/Inera-FHIR-CareTeam, canonical https://fhir.inera.se/ig/careteam
// in sushi-config.yaml): a draft in a personal repository, so they may still change.
import type { PatientIdentifierKind } from "~/domain/identifiers";

/** HL7 Sweden basprofiler NamingSystems SE-Personnummer and SE-samordningsnummer. */
export const PATIENT_SYSTEMS = {
  PERSONNUMMER: "http://electronichealth.se/identifier/personnummer",
  SAMORDNINGSNUMMER: "http://electronichealth.se/identifier/samordningsnummer",
} as const satisfies Partial<Record<PatientIdentifierKind, string>>;

/** The identifier kinds this API serves: a local reservnummer has no national system. */
export type NationalIdentifierKind = keyof typeof PATIENT_SYSTEMS;

export const isNationalIdentifierKind = (kind: string): kind is NationalIdentifierKind => kind in PATIENT_SYSTEMS;

/** HSA-id as HL7 Sweden names it in FHIR (RIV-TA uses the root 1.2.752.129.2.1.4.1 instead). */
export const HSA_ID_SYSTEM = "urn:oid:1.2.752.29.4.19";

/** HSA kodverk KV_befattning, OID 1.2.752.129.2.2.1.4 (domain-facts §2.1). */
export const BEFATTNING_SYSTEM = "urn:oid:1.2.752.129.2.2.1.4";

/** Inera KV Typ av fast kontakt, OID 1.2.752.129.5.1.69 (IG codeSystems/TypAvFastKontaktCS.fsh, ^url). */
export const TYP_AV_FAST_KONTAKT_SYSTEM = "https://terminologitjansten.inera.se/inera-kodverksforvaltning/kodverk/kv_typ_av_fast_kontakt";

/**
 * Inera TypAvCareTeamCS (IG codeSystems/TypAvCareTeamCS.fsh, id typ-av-careteam-cs under the IG
 * canonical; the generated CodeSystem-typ-av-careteam-cs.json states this url).
 */
export const TYP_AV_CARETEAM_SYSTEM = "https://fhir.inera.se/ig/careteam/CodeSystem/typ-av-careteam-cs";
export const FAST_KONTAKT_CATEGORY = { system: TYP_AV_CARETEAM_SYSTEM, code: "fast-kontakt", display: "Fast kontakt" } as const;
export const TEAM_CATEGORY = { system: TYP_AV_CARETEAM_SYSTEM, code: "team", display: "Team" } as const;

/**
 * Inera RIVContactViaTeamExtension on CareTeam.participant: "Anger det team som den fasta
 * kontakten kan nås via" (IG extensions/RIVContactViaTeamExtension.fsh; url as stated in the
 * generated StructureDefinition-riv-contact-via-team-extension.json).
 */
export const CONTACT_VIA_TEAM_EXTENSION = "https://fhir.inera.se/ig/careteam/StructureDefinition/riv-contact-via-team-extension";
