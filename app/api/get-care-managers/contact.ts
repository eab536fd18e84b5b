// ContactType: a set of telecoms (each with its opening hours) and an optional address.
import { parseContactHours, type ServiceHours } from "~/domain/contact-hours";
import type { ContactWayView } from "~/fixed-contacts/patient-facing";
import { CONTACT_WAY_KIND } from "./labels";
import { coreEl, cv } from "./riv-types";
import type { Xml } from "./xml-writer";

export type Telecom = { kind: ContactWayView["kind"]; label: string | null; value: string; contactTimes: string | null };

const digits = (phone: string) => phone.replace(/\D/g, "");

/**
 * A phone number held as a field (direct, team or unit phone) and the labelled contact ways.
 * Units often list the same number again as a contact way with a label and its hours (seed
 * §6.3.2: the contact time belongs to the way); the field is then left out, not sent twice.
 */
export function telecomsOf(phone: Telecom | null, ways: readonly ContactWayView[]): Telecom[] {
  const repeated = phone !== null && ways.some((w) => w.kind === "PHONE" && digits(w.value) === digits(phone.value));
  return [...(phone && !repeated ? [phone] : []), ...ways];
}

/** One ContactType, or null when there is nothing to put in it. */
export function contactEl(telecoms: readonly Telecom[], address: Xml | null = null): Xml | null {
  if (telecoms.length === 0 && address === null) return null;
  return coreEl("contact", telecoms.map(telecomEl), address);
}

function telecomEl(t: Telecom): Xml {
  return coreEl(
    "telecom",
    cv("system", { displayName: CONTACT_WAY_KIND[t.kind], originalText: t.label }),
    coreEl("value", t.value),
    parseContactHours(t.contactTimes).map(hoursEl),
  );
}

/** HoursOfServiceType: weekDay* then time (XSD order; no datePeriod or month). */
const hoursEl = (h: ServiceHours) =>
  coreEl("period", h.weekDays.map((day) => coreEl("weekDay", day)), coreEl("time", coreEl("start", h.start), coreEl("end", h.end)));
