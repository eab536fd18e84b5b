import { describe, expect, it } from "vitest";
import {
  ageOn,
  formatPatientIdentifier,
  isoDateInStockholm,
  luhnCheckDigit,
  parseHsaId,
  parsePersonalIdentityNumber,
  parseReservnummer,
} from "~/domain/identifiers";

const TODAY = "2026-11-25";
const parse = (input: string, today = TODAY) => parsePersonalIdentityNumber(input, today);

describe("personnummer (Skatteverket SKV 704)", () => {
  it("accepts every common written form of the same test number and stores 12 digits", () => {
    for (const form of ["19121212-1212", "191212121212", "121212+1212", "  19121212-1212 "]) {
      expect(parse(form), form).toEqual({
        ok: true,
        value: { kind: "PERSONNUMMER", value: "191212121212", birthDate: "1912-12-12" },
      });
    }
  });

  it("computes the Luhn check digit over ÅÅMMDDNNN", () => {
    expect(luhnCheckDigit("640823323")).toBe(4); // Skatteverket's worked example 640823-3234
    expect(luhnCheckDigit("121212121")).toBe(2);
  });

  it("rejects a wrong check digit", () => {
    expect(parse("19121212-1213")).toEqual({ ok: false, error: "identifier.checkDigit" });
    expect(parse("6408233235")).toEqual({ ok: false, error: "identifier.checkDigit" });
  });

  it("rejects spaces inside the number with a message saying so", () => {
    expect(parse("19121212 1212")).toEqual({ ok: false, error: "identifier.spaces" });
    expect(parse("121212 - 1212")).toEqual({ ok: false, error: "identifier.spaces" });
  });

  it("rejects 11 or 13 digits, letters and an empty field", () => {
    expect(parse("12121212121")).toEqual({ ok: false, error: "identifier.format" });
    expect(parse("1912121212121")).toEqual({ ok: false, error: "identifier.format" });
    expect(parse("19121212-12X2")).toEqual({ ok: false, error: "identifier.format" });
    expect(parse("")).toEqual({ ok: false, error: "identifier.empty" });
  });

  it("rejects a date that does not exist", () => {
    // 1913-02-29 is not a date; check digit made valid so only the date is wrong.
    const body = "130229123";
    expect(parse(`19${body}${luhnCheckDigit(body)}`)).toEqual({ ok: false, error: "identifier.date" });
  });

  it("puts a 10-digit number with '-' in the century that makes the person under 100", () => {
    const body = "640823323";
    expect(parse(`${body.slice(0, 6)}-${body.slice(6)}4`)).toMatchObject({ ok: true, value: { value: "196408233234" } });
    // 201012 → 2020-10-12, which is before today, so this century.
    const recent = "201012000";
    expect(parse(`${recent}${luhnCheckDigit(recent)}`)).toMatchObject({ ok: true, value: { birthDate: "2020-10-12" } });
  });

  it("turns a birthday later this year into last century (boundary: today vs tomorrow)", () => {
    const todayBody = "261125000"; // born 2026-11-25 → a newborn
    const tomorrowBody = "261126000"; // 2026-11-26 has not happened: 1926-11-26
    expect(parse(`${todayBody}${luhnCheckDigit(todayBody)}`)).toMatchObject({ value: { birthDate: "2026-11-25" } });
    expect(parse(`${tomorrowBody}${luhnCheckDigit(tomorrowBody)}`)).toMatchObject({ value: { birthDate: "1926-11-26" } });
  });

  it("reads '+' as 100 years or older (Skatteverket)", () => {
    expect(parse("121212+1212")).toMatchObject({ ok: true, value: { value: "191212121212", birthDate: "1912-12-12" } });
    // Without "+", the same digits are a child born 2012.
    expect(parse("121212-1212")).toMatchObject({ ok: true, value: { value: "201212121212", birthDate: "2012-12-12" } });
    expect(parse("1212121212")).toMatchObject({ ok: true, value: { birthDate: "2012-12-12" } });
  });

  it("rejects a 12-digit number born after today", () => {
    const body = "270101000";
    expect(parse(`20${body}${luhnCheckDigit(body)}`)).toEqual({ ok: false, error: "identifier.future" });
  });

  it("recognises a samordningsnummer by the day plus 60 (SKV 707)", () => {
    const body = "701063123"; // 1970-10-03 → day 63
    const result = parse(`19${body}${luhnCheckDigit(body)}`);
    expect(result).toEqual({
      ok: true,
      value: { kind: "SAMORDNINGSNUMMER", value: `19${body}${luhnCheckDigit(body)}`, birthDate: "1970-10-03" },
    });
  });

  it("rejects a samordningsnummer whose day minus 60 is no date", () => {
    const body = "700292123"; // day 92 → 32
    expect(parse(`19${body}${luhnCheckDigit(body)}`)).toEqual({ ok: false, error: "identifier.date" });
  });
});

describe("reservnummer", () => {
  it("accepts 12 digits or capitals and stores them upper-case", () => {
    expect(parseReservnummer("99ab12345678")).toEqual({
      ok: true,
      value: { kind: "RESERVNUMMER", value: "99AB12345678", birthDate: null },
    });
  });
  it("rejects other lengths and characters", () => {
    expect(parseReservnummer("99AB1234567")).toEqual({ ok: false, error: "identifier.format" });
    expect(parseReservnummer("99AB-2345678")).toEqual({ ok: false, error: "identifier.format" });
  });
});

describe("HSA-id (Inera)", () => {
  it("accepts well-formed ids of real catalogue owners", () => {
    for (const id of ["SE2321000016-2SG8", "SE2321000131-E000000008388", "SE5565594230-1337"]) {
      expect(parseHsaId(id), id).toEqual({ ok: true, value: id });
    }
  });

  it("rejects å, ä, ö in the suffix", () => {
    expect(parseHsaId("SE2321000016-ÅSA1")).toEqual({ ok: false, error: "hsaId.forbiddenCharacters" });
  });

  it("allows exactly 31 characters and rejects 32", () => {
    const prefix = "SE2321000016-";
    const at31 = prefix + "A".repeat(31 - prefix.length);
    expect(parseHsaId(at31)).toEqual({ ok: true, value: at31 });
    expect(parseHsaId(at31 + "A")).toEqual({ ok: false, error: "hsaId.length" });
  });

  it("rejects a missing suffix, a missing SE and a wrong organisationsnummer check digit", () => {
    expect(parseHsaId("SE2321000016-")).toEqual({ ok: false, error: "hsaId.format" });
    expect(parseHsaId("2321000016-2SG8")).toEqual({ ok: false, error: "hsaId.format" });
    expect(parseHsaId("SE2321000017-2SG8")).toEqual({ ok: false, error: "hsaId.organisationNumber" });
  });
});

describe("display helpers", () => {
  it("shows a stored personnummer as ÅÅÅÅMMDD-NNNN", () => {
    expect(formatPatientIdentifier("191212121212")).toBe("19121212-1212");
    expect(formatPatientIdentifier("99AB12345678")).toBe("99AB12345678");
  });

  it("counts age in whole years, the birthday itself included", () => {
    expect(ageOn("1950-11-25", "2026-11-24")).toBe(75);
    expect(ageOn("1950-11-25", "2026-11-25")).toBe(76);
  });

  it("gives the Swedish calendar date, not the UTC one", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(isoDateInStockholm(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(isoDateInStockholm(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
  });
});
