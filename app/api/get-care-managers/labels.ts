// Swedish words this producer writes into responses where the data has no text of its own.
// (Fault texts are in faults.ts.)
import type { ContactWayView } from "~/fixed-contacts/patient-facing";

/**
 * ContactPointSystemType.system: RIV v1 names no code system for kinds of contact way, so the
 * kind goes in displayName and the unit's own label in originalText.
 */
export const CONTACT_WAY_KIND: Record<ContactWayView["kind"], string> = {
  PHONE: "Telefon",
  E_SERVICE: "E-tjänst",
  DIGITAL: "Digital kontaktväg",
};

/** Labels of the phone numbers that are fields rather than labelled contact ways. */
export const PHONE_LABEL = {
  direct: "Direktnummer",
  team: "Teamets telefon",
  unit: "Enhetens telefon",
} as const;

/** Annan fast kontakt without a role title still needs a text in `code` (CVType). */
export const OTHER_CONTACT_FALLBACK = "Annan fast kontakt";

/** externalNotes: what an annan fast kontakt is to be contacted about, before the note. */
export const contactAboutLine = (about: string) => `Kontakta om: ${about}`;
