// The search parameters of GET /fhir/CareTeam: what a consumer may send, and what it is told
// when it sends something else (FHIR R4 search, "Handling errors").
import { describe, expect, it } from "vitest";
import { parseCareTeamSearch, prefersStrictHandling } from "~/api/fhir/search-params";

const TODAY = "2026-11-25";
const PNR = "http://electronichealth.se/identifier/personnummer";
const SNR = "http://electronichealth.se/identifier/samordningsnummer";
// Skatteverket's test number 19121212-1212; a samordningsnummer is the birth day + 60 (SKV 707).
const PERSON = "191212121212";
const COORDINATION = "197010632391";

const parse = (query: string, strict = false) => parseCareTeamSearch(new URLSearchParams(query), { today: TODAY, strict });
const problemOf = (query: string, strict = false) => {
  const result = parse(query, strict);
  if (result.ok) throw new Error(`expected ${query} to be refused`);
  return result.problem;
};

describe("the patient parameter", () => {
  it("takes a personnummer under the personnummer system and defaults to active contacts", () => {
    const result = parse(`patient=${encodeURIComponent(`${PNR}|${PERSON}`)}`);
    expect(result).toMatchObject({ ok: true, value: { patient: { kind: "PERSONNUMMER", system: PNR, value: PERSON }, statuses: ["active"] } });
    expect(result.ok && result.value.used.toString()).toBe(`patient=${encodeURIComponent(`${PNR}|${PERSON}`)}&status=active`);
  });

  it("takes a samordningsnummer under its own system, also as patient:identifier", () => {
    expect(parse(`patient:identifier=${SNR}|${COORDINATION}`)).toMatchObject({
      ok: true,
      value: { patient: { kind: "SAMORDNINGSNUMMER", system: SNR, value: COORDINATION } },
    });
  });

  it("stores a hyphenated number as its twelve digits", () => {
    expect(parse(`patient=${PNR}|19121212-1212`)).toMatchObject({ ok: true, value: { patient: { value: PERSON } } });
  });

  it("is required, once", () => {
    expect(problemOf("status=active")).toEqual({ code: "required", text: expect.stringContaining("Sökparametern patient saknas") });
    expect(problemOf(`patient=${PNR}|${PERSON}&patient=${PNR}|${PERSON}`)).toMatchObject({ code: "invalid", text: expect.stringContaining("en gång") });
    expect(problemOf(`patient=${PNR}|${PERSON}&patient:identifier=${PNR}|${PERSON}`).code).toBe("invalid");
  });

  it("needs both a system and a number", () => {
    for (const token of [PERSON, `|${PERSON}`, `${PNR}|`]) {
      expect(problemOf(`patient=${encodeURIComponent(token)}`), token).toEqual({
        code: "invalid",
        text: expect.stringContaining(`Sökparametern patient ska skrivas <system>|<nummer>`),
      });
    }
  });

  it("refuses an identifier system other than personnummer and samordningsnummer, naming both", () => {
    const problem = problemOf(`patient=urn:oid:1.2.752.129.2.1.3.1|${PERSON}`);
    expect(problem.code).toBe("not-supported");
    expect(problem.text).toBe(`Identifierarsystemet "urn:oid:1.2.752.129.2.1.3.1" stöds inte. Använd ${PNR} eller ${SNR}.`);
  });

  it("says what is wrong with a malformed number", () => {
    expect(problemOf(`patient=${PNR}|191212121213`)).toEqual({
      code: "value",
      text: '"191212121213" är inget giltigt personnummer eller samordningsnummer: kontrollsiffran stämmer inte.',
    });
    expect(problemOf(`patient=${PNR}|19121312121X`).text).toContain("tolv siffror");
    expect(problemOf(`patient=${PNR}|191302301212`).text).toContain("födelsedatumet i numret finns inte");
    expect(problemOf(`patient=${PNR}|${encodeURIComponent("121212 1212")}`).text).toContain("mellanslag");
  });

  it("refuses a number sent under the other kind's system and names the right system", () => {
    expect(problemOf(`patient=${PNR}|${COORDINATION}`)).toEqual({
      code: "value",
      text: `"${COORDINATION}" är ett samordningsnummer, men systemet anger något annat. Använd systemet ${SNR}.`,
    });
    expect(problemOf(`patient=${SNR}|${PERSON}`).text).toContain(`är ett personnummer`);
  });
});

describe("the status parameter", () => {
  const patient = `patient=${PNR}|${PERSON}`;

  it("takes active, inactive or both as a comma list, in a fixed order", () => {
    expect(parse(`${patient}&status=inactive`)).toMatchObject({ ok: true, value: { statuses: ["inactive"] } });
    expect(parse(`${patient}&status=inactive,active`)).toMatchObject({ ok: true, value: { statuses: ["active", "inactive"] } });
  });

  it("refuses other care-team statuses, an empty value and a repeated parameter", () => {
    for (const value of ["proposed", "entered-in-error", "", "active,ended"]) {
      expect(problemOf(`${patient}&status=${value}`), value).toMatchObject({ code: "value", text: expect.stringContaining("stöds inte") });
    }
    expect(problemOf(`${patient}&status=active&status=inactive`)).toMatchObject({ code: "invalid", text: expect.stringContaining("kommatecken") });
  });
});

describe("parameters the API does not know", () => {
  const patient = `patient=${PNR}|${PERSON}`;

  it("are ignored by default and left out of the self link", () => {
    const result = parse(`${patient}&_count=10&participant=x`);
    expect(result.ok && result.value.used.toString()).toBe(`patient=${encodeURIComponent(`${PNR}|${PERSON}`)}&status=active`);
  });

  it("are refused by name under Prefer: handling=strict, while _format stays harmless", () => {
    expect(problemOf(`${patient}&_count=10&participant=x`, true)).toEqual({
      code: "not-supported",
      text: expect.stringContaining('Sökparametrarna "_count", "participant" stöds inte'),
    });
    expect(parse(`${patient}&_format=json`, true).ok).toBe(true);
  });

  it("strict handling is read from the Prefer header, alone or among other preferences", () => {
    expect(prefersStrictHandling("handling=strict")).toBe(true);
    expect(prefersStrictHandling("return=minimal, handling=strict")).toBe(true);
    expect(prefersStrictHandling("handling=lenient")).toBe(false);
    expect(prefersStrictHandling("handling=strictest")).toBe(false);
    expect(prefersStrictHandling(null)).toBe(false);
  });
});
