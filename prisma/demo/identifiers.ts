// Identifiers of the fictional region: organisationsnummer, HSA-ids, personnummer of
// Skatteverket's test-number kind, a regional reservnummer and telephone numbers.
// Every value is built with the same rules the application checks (app/domain/identifiers.ts).
import { luhnCheckDigit, parseHsaId, parsePersonalIdentityNumber } from "~/domain/identifiers";

/** A 10-digit organisationsnummer: the first nine digits plus the Luhn check digit. */
export function organisationNumber(firstNine: string): string {
  if (!/^\d{9}$/.test(firstNine)) throw new Error(`organisationsnummer needs nine digits: ${firstNine}`);
  return firstNine + luhnCheckDigit(firstNine);
}

// Fictional. Regions are 232100-xxxx and kommuner 212000-xxxx (domain-facts §1.2); the two
// aktiebolag use the 55-series of aktiebolag and may, by chance, match a real company.
export const ORG_NUMBERS = {
  /** Region Norrsjö, 232100-0990. */
  region: organisationNumber("232100099"),
  /** Norrsjö kommun, 212000-9853. */
  kommun: organisationNumber("212000985"),
  /** Läkarhuset Hammarvik AB (private vårdcentral in vårdvalet), 559412-7333. */
  lakarhuset: organisationNumber("559412733"),
  /** Omsorgshjälpen i Norrsjö AB (private hemtjänst utförare), 559388-1260. */
  omsorgshjalpen: organisationNumber("559388126"),
} as const;

/**
 * HSA-id "SE" + the catalogue owner's organisationsnummer + "-" + suffix (domain-facts §1.1).
 * Throws if the result would not pass the application's own check.
 */
export function hsaId(catalogueOwnerOrgNumber: string, suffix: string): string {
  const id = `SE${catalogueOwnerOrgNumber}-${suffix}`;
  const parsed = parseHsaId(id);
  if (!parsed.ok) throw new Error(`invalid demo HSA-id ${id}: ${parsed.error}`);
  return id;
}

/** A unit's HSA-id suffix in the style "E000000010012". */
export const unitHsaSuffix = (n: number) => `E${String(n).padStart(12, "0")}`;
/** A person's HSA-id suffix in the style "P000000101234" (HL7 Sweden example style). */
export const personHsaSuffix = (n: number) => `P${String(n).padStart(12, "0")}`;

/**
 * Personnummer (or samordningsnummer, day + 60) with a födelsenummer in the 980–999 series
 * that Skatteverket uses for its test numbers. `serial` is 80–99: the födelsenummer is
 * "9" + serial, so its last digit (the sex digit) is the serial's last digit.
 */
export function testIdentityNumber(birthDate: string, serial: number, coordination = false): string {
  if (serial < 80 || serial > 99) throw new Error(`serial ${serial} outside the test series`);
  const [year, month, day] = birthDate.split("-");
  const dayPart = coordination ? String(Number(day) + 60) : day;
  const nine = `${year.slice(2)}${month}${dayPart}9${serial}`;
  return `${year}${month}${dayPart}9${serial}${luhnCheckDigit(nine)}`;
}

/** Throws unless `value` is what parsePersonalIdentityNumber accepts, as `kind`. */
export function assertValidIdentityNumber(value: string, kind: "PERSONNUMMER" | "SAMORDNINGSNUMMER", today: string) {
  const parsed = parsePersonalIdentityNumber(value, today);
  if (!parsed.ok || parsed.value.kind !== kind || parsed.value.value !== value) {
    throw new Error(`invalid demo ${kind} ${value}: ${parsed.ok ? parsed.value.kind : parsed.error}`);
  }
}

/**
 * Region Norrsjö's local reservnummer (fictional format, modelled on Region Stockholm's
 * "99yyyyNNNNNC"): "99", the estimated birth year, a five-digit serial and a Luhn check
 * digit over the eleven digits before it. Read as a personnummer its "month" would be the
 * birth year's last two digits (> 12), so the two can never be confused.
 */
export function reservnummer(birthYear: number, serial: number): string {
  const eleven = `99${birthYear}${String(serial).padStart(5, "0")}`;
  return eleven + luhnCheckDigit(eleven);
}

/**
 * Telephone numbers are taken from series that PTS is understood to keep for use in fiction
 * (landlines 0980-319 200…299, mobiles 070-174 06 05…99; not re-checked against PTS here),
 * so that a demo number is unlikely to ring a real person.
 */
export function landline(n: number): string {
  if (n < 0 || n > 99) throw new Error(`landline ${n} outside 0–99`);
  return `0980-319 2${String(n).padStart(2, "0")}`;
}

export function mobile(n: number): string {
  if (n < 5 || n > 99) throw new Error(`mobile ${n} outside 5–99`);
  return `070-174 06 ${String(n).padStart(2, "0")}`;
}
