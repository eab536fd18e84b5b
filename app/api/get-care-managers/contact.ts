// ContactType: a set of telecoms (each with its opening hours) and an optional address.
import { parseContactHours, type ServiceHours } from "~/domain/contact-hours";
import { phoneNotAmongWays, type ContactWayView } from "~/fixed-contacts/patient-facing";
import { CONTACT_WAY_KIND } from "./labels";
import { coreEl, cv } from "./riv-types";
import type { Xml } from "./xml-writer";

export type Telecom = { kind: ContactWayView["kind"]; label: string | null; value: string; contactTimes: string | null };

/** A phone number held as a field (direct, team or unit phone) and the labelled contact ways; the field only when no way repeats it. */
export function telecomsOf(phone: Telecom | null, ways: readonly ContactWayView[]): Telecom[] {
  return [...(phone && phoneNotAmongWays(phone.value, ways) ? [phone] : []), ...ways];
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
