// What the patient may see of a fixed contact (SPEC §4, seed §5.1, §6): the one projection
// behind the 1177 view and both APIs. Everything staff-only is dropped here, by the rules in
// machines/rules.ts, so no output can forget a rule.
import { directPhoneShownToPatient, personalContactWayShownToPatient, personIdentifiedToPatient, typAvFastKontakt } from "../../machines/rules";
import { isoDateInStockholm } from "~/domain/dates";
import { fullName } from "~/models/contact-view";
import type { FixedContactRow } from "./contacts.server";

export type ContactWayView = { kind: "PHONE" | "E_SERVICE" | "DIGITAL"; label: string; value: string; contactTimes: string | null };

export type PatientFacingContact = {
  /** The assignment's id: the CareTeam id in FHIR. */
  id: string;
  kind: FixedContactRow["kind"];
  /** KV Typ av fast kontakt "1"–"4", null for annan fast kontakt (shown by its role title). */
  typeCode: "1" | "2" | "3" | "4" | null;
  roleTitle: string | null;
  contactAbout: string | null;
  /** Stockholm calendar dates "YYYY-MM-DD"; end only where an end is set. */
  start: string;
  end: string | null;
  externalNote: string | null;
  person: {
    /**
     * Who the person is: null for a handläggare (seed §5.1), whom the patient meets only as a
     * role (befattning) at the unit — no name, no HSA-id, no own ways of contact.
     */
    identity: {
      name: string;
      /** Förnamn and mellannamn, and efternamn, for outputs that keep them apart (FHIR HumanName). */
      given: string[];
      family: string;
      hsaId: string;
    } | null;
    befattning: { code: string; name: string };
    /** Only where the assignment allows it (seed §6.1.1), never a handläggare's (seed §5.1). */
    directPhone: string | null;
    contactWays: ContactWayView[];
  };
  team: { id: string; name: string; phone: string | null; comment: string | null; contactTimes: string | null; contactWays: ContactWayView[] } | null;
  /** The unit's public face: never the vård-till-vård phone (seed §6.1.2). */
  unit: { hsaId: string; name: string; visitingAddress: string; postalCode: string; city: string; publicPhone: string; contactWays: ContactWayView[] };
  careGiver: { hsaId: string; name: string };
};

const digits = (phone: string) => phone.replace(/\D/g, "");

/**
 * A phone held as a field (direct, team or unit phone), unless the same number is listed again
 * among the ways with its label and hours (seed §6.3.2: the contact time belongs to the way):
 * every output then shows the number once, as the way.
 */
export function phoneNotAmongWays(phone: string | null, ways: readonly ContactWayView[]): string | null {
  if (phone === null) return null;
  return ways.some((w) => w.kind === "PHONE" && digits(w.value) === digits(phone)) ? null : phone;
}

export function patientFacing(row: FixedContactRow): PatientFacingContact {
  const staff = row.staffMember;
  const assignment = { directPhoneVisibleToPatient: row.directPhoneVisibleToPatient, befattningCode: staff.befattning.code };
  return {
    id: row.id,
    kind: row.kind,
    typeCode: typAvFastKontakt(row),
    roleTitle: row.roleTitle,
    contactAbout: row.contactAbout,
    start: isoDateInStockholm(row.startedAt),
    end: row.endedAt ? isoDateInStockholm(row.endedAt) : null,
    externalNote: row.externalNote,
    person: {
      identity: personIdentifiedToPatient(assignment)
        ? {
            name: fullName(staff),
            given: [staff.firstName, ...(staff.middleName ? [staff.middleName] : [])],
            family: staff.lastName,
            hsaId: staff.hsaId,
          }
        : null,
      befattning: staff.befattning,
      directPhone: directPhoneShownToPatient(assignment) ? staff.directPhone : null,
      contactWays: staff.contactWays.filter((way) => personalContactWayShownToPatient(way, assignment)),
    },
    team: row.team,
    unit: {
      hsaId: row.careUnit.hsaId,
      name: row.careUnit.name,
      visitingAddress: row.careUnit.visitingAddress,
      postalCode: row.careUnit.postalCode,
      city: row.careUnit.city,
      publicPhone: row.careUnit.publicPhone,
      contactWays: row.careUnit.contactWays,
    },
    careGiver: row.careUnit.organisation,
  };
}
