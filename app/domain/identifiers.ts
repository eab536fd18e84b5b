// Swedish identifiers: personnummer, samordningsnummer, reservnummer and HSA-id.
// Pure functions; "today" is always passed in so results never depend on the clock.
// Sources: Skatteverket SKV 704 (personnummer, Luhn check digit, "+" after 100 years),
// SKV 707 (samordningsnummer: day + 60), Inera HSA-id format (domain-facts §1, §3).

export type PatientIdentifierKind = "PERSONNUMMER" | "SAMORDNINGSNUMMER" | "RESERVNUMMER";

/** Message keys (see app/i18n) explaining why an input is not a valid identifier. */
export type IdentifierError =
  | "identifier.empty"
  | "identifier.spaces"
  | "identifier.format"
  | "identifier.date"
  | "identifier.checkDigit"
  | "identifier.future"
  | "hsaId.format"
  | "hsaId.length"
  | "hsaId.forbiddenCharacters"
  | "hsaId.organisationNumber";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: IdentifierError };

export type PatientIdentifier = {
  kind: PatientIdentifierKind;
  /** Twelve characters without separator, as stored and as sent on the national platform. */
  value: string;
  /** Birth date "YYYY-MM-DD" (for samordningsnummer the real day, i.e. minus 60). */
  birthDate: string | null;
};

/** Luhn (mod 10) check over digits, weights 2,1,2,1… from the left. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (product > 9) product -= 9;
    sum += product;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "YYYY-MM-DD" of a calendar date in Swedish local time. */
export function isoDateInStockholm(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

// 12 digits with optional "-" (ÅÅÅÅMMDD-NNNK) or 10 digits with optional "-"/"+" (ÅÅMMDD-NNNK).
const TWELVE = /^(\d{8})-?(\d{4})$/;
const TEN = /^(\d{6})([-+]?)(\d{4})$/;

/**
 * Parses a personnummer or samordningsnummer in any common written form.
 * `today` ("YYYY-MM-DD") decides the century of a 10-digit form: with "-" the person is
 * under 100, with "+" 100 or older (Skatteverket).
 */
export function parsePersonalIdentityNumber(input: string, today: string): Parsed<PatientIdentifier> {
  const text = input.trim();
  if (text === "") return { ok: false, error: "identifier.empty" };
  if (/\s/.test(text)) return { ok: false, error: "identifier.spaces" };

  let full: string; // YYYYMMDDNNNK
  const twelve = TWELVE.exec(text);
  const ten = twelve ? null : TEN.exec(text);
  if (twelve) {
    full = twelve[1] + twelve[2];
  } else if (ten) {
    const [, yymmdd, separator, tail] = ten;
    const [ty, tm, td] = today.split("-").map(Number);
    const yy = Number(yymmdd.slice(0, 2));
    // Latest century that does not put the birthday after today.
    let year = Math.floor(ty / 100) * 100 + yy;
    const month = Number(yymmdd.slice(2, 4));
    const dd = Number(yymmdd.slice(4, 6));
    const monthDay = month * 100 + (dd > 60 ? dd - 60 : dd); // samordningsnummer: day + 60
    if (year > ty || (year === ty && monthDay > tm * 100 + td)) year -= 100;
    if (separator === "+") year -= 100;
    full = String(year) + yymmdd.slice(2) + tail;
  } else {
    return { ok: false, error: "identifier.format" };
  }

  const year = Number(full.slice(0, 4));
  const month = Number(full.slice(4, 6));
  const rawDay = Number(full.slice(6, 8));
  const isCoordination = rawDay > 60;
  const day = isCoordination ? rawDay - 60 : rawDay;
  if (!isRealDate(year, month, day)) return { ok: false, error: "identifier.date" };

  const checked = full.slice(2, 11);
  if (luhnCheckDigit(checked) !== Number(full[11])) return { ok: false, error: "identifier.checkDigit" };

  const birthDate = `${year}-${pad(month)}-${pad(day)}`;
  if (birthDate > today) return { ok: false, error: "identifier.future" };

  return {
    ok: true,
    value: { kind: isCoordination ? "SAMORDNINGSNUMMER" : "PERSONNUMMER", value: full, birthDate },
  };
}

/**
 * A local reservnummer (region-issued, for patients without personnummer). Its format is
 * regional; we accept 12 characters of digits and capital letters that are not a valid
 * personnummer, so the two can never be confused.
 */
export function parseReservnummer(input: string): Parsed<PatientIdentifier> {
  const text = input.trim().toUpperCase();
  if (text === "") return { ok: false, error: "identifier.empty" };
  if (!/^[0-9A-Z]{12}$/.test(text)) return { ok: false, error: "identifier.format" };
  return { ok: true, value: { kind: "RESERVNUMMER", value: text, birthDate: null } };
}

/** ÅÅÅÅMMDD-NNNN: how a stored 12-character identifier is shown to staff. */
export function formatPatientIdentifier(value: string): string {
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

/** Age in whole years on `today` ("YYYY-MM-DD"). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

// HSA-id: "SE" + the catalogue owner's 10-digit organisationsnummer + "-" + a suffix of
// A–Z, a–z, 0–9 (no å, ä, ö), at most 31 characters in all (Inera, domain-facts §1.1).
const HSA_ID = /^SE(\d{10})-([A-Za-z0-9]+)$/;
export const HSA_ID_MAX_LENGTH = 31;

export function parseHsaId(input: string): Parsed<string> {
  const text = input.trim();
  if (text === "") return { ok: false, error: "identifier.empty" };
  if (text.length > HSA_ID_MAX_LENGTH) return { ok: false, error: "hsaId.length" };
  if (/[åäöÅÄÖ@]/.test(text)) return { ok: false, error: "hsaId.forbiddenCharacters" };
  const match = HSA_ID.exec(text);
  if (!match) return { ok: false, error: "hsaId.format" };
  const orgNumber = match[1];
  if (luhnCheckDigit(orgNumber.slice(0, 9)) !== Number(orgNumber[9])) {
    return { ok: false, error: "hsaId.organisationNumber" };
  }
  return { ok: true, value: text };
}
