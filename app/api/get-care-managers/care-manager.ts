// One fixed contact as a careManager (PractitionerRoleType), built from the patient-facing
// projection so that it shows what the 1177 view shows (seed §5.1, §6), plus the one
// staff-only field the contract defines: internalNotes. Children are written in the XSD's
// sequence order; the response element declares both namespaces.
import type { PatientIdentifier } from "~/domain/identifiers";
import type { PatientFacingContact } from "~/fixed-contacts/patient-facing";
import { CORE_NS, KV_BEFATTNING_NAME, KV_TYP_AV_FAST_KONTAKT_NAME, OID, RESPONDER_NS } from "./contract";
import { contactEl, telecomsOf } from "./contact";
import { contactAboutLine, OTHER_CONTACT_FALLBACK, PHONE_LABEL } from "./labels";
import { CORE_PREFIX, coreEl, cv, hsaIdEl, ii, optionalCoreEl, rivDate, rivTimestamp } from "./riv-types";
import { el, element, type Xml } from "./xml-writer";

export type CareManagerSource = {
  contact: PatientFacingContact;
  /** Staff-only. The contract's internalNotes: the consumer must never show it to the patient or an ombud (TKB). */
  internalNote: string | null;
  /** The assignment's start instant (blockComparisonTime). */
  startedAt: Date;
};

export type ResponseContext = {
  patient: PatientIdentifier;
  /** HSA-id of this system (config.sourceSystemHsaId). */
  sourceSystemHsaId: string;
  /** KV typ av fast kontakt display names by code (reference data). */
  typeDisplays: Readonly<Record<string, string>>;
};

const PATIENT_ROOT: Record<PatientIdentifier["kind"], string> = {
  PERSONNUMMER: OID.personnummer,
  SAMORDNINGSNUMMER: OID.samordningsnummer,
  // Never asked for (request.ts accepts no such root); the regional number has no national OID.
  RESERVNUMMER: OID.nationelltReservnummer,
};

export function getCareManagersResponse(careManagers: readonly Xml[]): Xml {
  return element("GetCareManagersResponse", { xmlns: RESPONDER_NS, [`xmlns:${CORE_PREFIX}`]: CORE_NS }, careManagers);
}

export function careManagerEl({ contact: c, internalNote, startedAt }: CareManagerSource, ctx: ResponseContext): Xml {
  return el(
    "careManager",
    coreEl(
      "careManagerHeader",
      coreEl(
        "accessControlHeader",
        hsaIdEl("accountableHealthcareProviderId", c.careGiver.hsaId),
        hsaIdEl("accountableCareUnitId", c.unit.hsaId),
        ii("patientId", PATIENT_ROOT[ctx.patient.kind], ctx.patient.value),
        // For spärr comparison (SVOD header): when the information came into being.
        coreEl("blockComparisonTime", rivTimestamp(startedAt)),
      ),
      hsaIdEl("sourceSystemId", ctx.sourceSystemHsaId),
    ),
    codeEl(c, ctx),
    coreEl(
      "practitioner",
      // A handläggare reaches the patient by role and unit only (seed §5.1): PractitionerType
      // requires hsaId, and IIType requires only its root, so the root alone says "an HSA-id,
      // not disclosed"; name is optional and left out (decision 022).
      c.person.identity ? hsaIdEl("hsaId", c.person.identity.hsaId) : coreEl("hsaId", coreEl("root", OID.hsaId)),
      c.person.identity && coreEl("name", c.person.identity.name),
      cv("qualification", { code: c.person.befattning.code, codeSystem: OID.kvBefattning, codeSystemName: KV_BEFATTNING_NAME, displayName: c.person.befattning.name }),
    ),
    c.team && teamEl(c.team, c.unit.hsaId),
    coreEl("period", coreEl("start", rivDate(c.start)), c.end && coreEl("end", rivDate(c.end))),
    optionalCoreEl("internalNotes", internalNote),
    optionalCoreEl("externalNotes", externalNotes(c)),
    coreEl("managingCareGiver", hsaIdEl("hsaId", c.careGiver.hsaId), coreEl("name", c.careGiver.name)),
    coreEl(
      "managingCareUnit",
      hsaIdEl("hsaId", c.unit.hsaId),
      coreEl("name", c.unit.name),
      contactEl(
        telecomsOf({ kind: "PHONE", label: PHONE_LABEL.unit, value: c.unit.publicPhone, contactTimes: null }, c.unit.contactWays),
        coreEl("address", coreEl("line", c.unit.visitingAddress), coreEl("city", c.unit.city), coreEl("postalCode", c.unit.postalCode)),
      ),
    ),
    // The person's own ways: the direct phone only where patientFacing allowed it (seed §6.1.1).
    contactEl(
      telecomsOf(
        c.person.directPhone ? { kind: "PHONE", label: PHONE_LABEL.direct, value: c.person.directPhone, contactTimes: null } : null,
        c.person.contactWays,
      ),
    ),
  );
}

/**
 * KV typ av fast kontakt. Annan fast kontakt (e.g. kontaktsjuksköterska, which the TKB says
 * may be delivered) has no code in that code system: CVType then carries only originalText,
 * the role title, which the XSD allows and which claims no code that does not exist.
 */
function codeEl(c: PatientFacingContact, ctx: ResponseContext): Xml {
  if (c.typeCode === null) return cv("code", { originalText: c.roleTitle ?? OTHER_CONTACT_FALLBACK });
  return cv("code", {
    code: c.typeCode,
    codeSystem: OID.kvTypAvFastKontakt,
    codeSystemName: KV_TYP_AV_FAST_KONTAKT_NAME,
    displayName: ctx.typeDisplays[c.typeCode] ?? null,
  });
}

/**
 * CareTeamType. HSA holds no teams, so the team id has no national root: the unit's HSA-id is
 * the root (the team belongs to exactly one unit, and the pair is unique everywhere) and this
 * system's team id the extension. The team's comment is written for patients (seed §6.3.2).
 */
function teamEl(team: NonNullable<PatientFacingContact["team"]>, unitHsaId: string): Xml {
  return coreEl(
    "careTeam",
    ii("id", unitHsaId, team.id),
    coreEl("name", team.name),
    optionalCoreEl("externalNotes", team.comment),
    contactEl(
      telecomsOf(team.phone ? { kind: "PHONE", label: PHONE_LABEL.team, value: team.phone, contactTimes: team.contactTimes } : null, team.contactWays),
    ),
  );
}

/** The external note; for annan fast kontakt first what to contact them about (no field of its own). */
function externalNotes(c: PatientFacingContact): string | null {
  const parts = [c.contactAbout ? contactAboutLine(c.contactAbout) : null, c.externalNote].filter((p): p is string => !!p && p.trim() !== "");
  return parts.length > 0 ? parts.join("\n") : null;
}
