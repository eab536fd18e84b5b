// GetCareManagers faults (issue 6 §2): an invalid call gets a SOAP 1.1 Fault (HTTP 500, WS-I BP
// R1126) whose Swedish text says what is wrong; an unexpected error is soap:Server, logged with
// the request id; nothing about the patient is read or logged for a refused call.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { allowConsoleError } from "../../setup/setup-test-env";
import { buildScenario, testSamordningsnummer, type Scenario } from "./scenario";
import { call, envelope, faultOf, getCareManagersBody, ROOT, type Filters } from "./soap";

let s: Scenario;
beforeAll(async () => {
  s = await buildScenario();
});

const RESPONDER = "urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:1";
const CORE = "urn:riv:coreprocess:residentparticipation:residentparticipation:1";

async function faultFor(body: string, logicalAddress: string | null = s.region.hsaId) {
  return faultOf(await call({ key: s.consumer.key, body: envelope(body, logicalAddress) }));
}
const faultForFilters = (filters: Partial<Filters>) => faultFor(getCareManagersBody({ extension: s.patient.identifier, ...filters }));
const rawFault = async (text: string) => faultOf(await call({ key: s.consumer.key, body: text }));

describe("the patient identifier", () => {
  it("an unknown root names the roots the service takes", async () => {
    const fault = await faultForFilters({ root: "1.2.3.4" });
    expect(fault).toMatchObject({ status: 500, code: "soap:Client" });
    expect(fault.message).toBe(
      "patientId/root 1.2.3.4 stöds inte; använd 1.2.752.129.2.1.3.1 (personnummer) eller 1.2.752.129.2.1.3.3 (samordningsnummer).",
    );
  });

  it("nationellt reservnummer is not held here and says so the same way", async () => {
    expect((await faultForFilters({ root: "1.2.752.74.9.1" })).message).toContain("1.2.752.74.9.1 stöds inte");
  });

  it.each([
    ["19121212-1212", "värdet ska vara 12 siffror utan bindestreck (ÅÅÅÅMMDDNNNK)"],
    ["1212121212", "värdet ska vara 12 siffror utan bindestreck (ÅÅÅÅMMDDNNNK)"],
    ["191212121213", "kontrollsiffran stämmer inte"],
    ["191213321212", "födelsedatumet finns inte"],
    ["209912121218", "födelsedatumet ligger i framtiden"],
  ])("a malformed personnummer %s is refused: %s", async (extension, problem) => {
    const fault = await faultForFilters({ extension });
    expect(fault.code).toBe("soap:Client");
    expect(fault.message).toBe(`patientId/extension är inget giltigt person- eller samordningsnummer: ${problem}.`);
    // The identifier itself is never echoed back.
    expect(fault.text).not.toContain(extension);
  });

  it("a samordningsnummer sent with the personnummer root (and the reverse) is refused, naming the right root", async () => {
    const coordination = await faultForFilters({ root: ROOT.personnummer, extension: testSamordningsnummer() });
    expect(coordination.message).toBe(
      "patientId/extension är ett samordningsnummer men root 1.2.752.129.2.1.3.1 anger personnummer; använd root 1.2.752.129.2.1.3.3.",
    );
    const personal = await faultForFilters({ root: ROOT.samordningsnummer, extension: s.patient.identifier });
    expect(personal.message).toBe("patientId/extension är ett personnummer men root 1.2.752.129.2.1.3.3 anger samordningsnummer; använd root 1.2.752.129.2.1.3.1.");
  });

  it("a missing patientId or extension is refused", async () => {
    expect((await faultFor(`<GetCareManagers xmlns="${RESPONDER}"/>`)).message).toBe("Elementet GetCareManagers/patientId saknas men är obligatoriskt.");
    const noExtension = `<GetCareManagers xmlns="${RESPONDER}"><patientId><root xmlns="${CORE}">${ROOT.personnummer}</root></patientId></GetCareManagers>`;
    expect((await faultFor(noExtension)).message).toBe("Elementet patientId/extension saknas men är obligatoriskt.");
  });
});

describe("namespaces and structure", () => {
  it("GetCareManagers in another namespace: the fault names the expected one", async () => {
    const body = getCareManagersBody({ extension: s.patient.identifier }).replace(`${RESPONDER}"`, `urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:2"`);
    const fault = await faultFor(body);
    expect(fault.code).toBe("soap:Client");
    expect(fault.message).toBe(
      `Elementet GetCareManagers ska ha namnrymden ${RESPONDER}, men har urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:2.`,
    );
  });

  it("root and extension without the core namespace: the fault names it", async () => {
    const body = `<GetCareManagers xmlns="${RESPONDER}"><patientId><root>${ROOT.personnummer}</root><extension>${s.patient.identifier}</extension></patientId></GetCareManagers>`;
    expect((await faultFor(body)).message).toBe(`Elementet patientId/root ska ha namnrymden ${CORE}, men har ${RESPONDER}.`);
  });

  it("another operation in the body is refused", async () => {
    expect((await faultFor(`<GetCareContacts xmlns="urn:x"/>`)).message).toBe(
      `Tjänsten hanterar bara GetCareManagers i namnrymden ${RESPONDER}, inte {urn:x}GetCareContacts.`,
    );
  });

  it("an unknown element of the contract's namespace is refused; one of another namespace (xs:any ##other) is ignored", async () => {
    const misspelt = getCareManagersBody({ extension: s.patient.identifier }).replace("</urn:GetCareManagers>", "<urn:careManagertype/></urn:GetCareManagers>");
    expect((await faultFor(misspelt)).message).toBe("Elementet GetCareManagers/careManagertype finns inte i GetCareManagers v1.");
    const extended = getCareManagersBody({ extension: s.patient.identifier }).replace("</urn:GetCareManagers>", `<x:extra xmlns:x="urn:other">1</x:extra></urn:GetCareManagers>`);
    expect((await call({ key: s.consumer.key, body: envelope(extended, s.region.hsaId) })).status).toBe(200);
  });

  it("a repeated careUnitId is refused", async () => {
    const body = getCareManagersBody({ extension: s.patient.identifier, careUnitId: s.vc.hsaId }).replace(
      "</urn:GetCareManagers>",
      `<urn:careUnitId><urn1:root>${ROOT.hsaId}</urn1:root><urn1:extension>${s.ward.hsaId}</urn1:extension></urn:careUnitId></urn:GetCareManagers>`,
    );
    expect((await faultFor(body)).message).toBe("Elementet GetCareManagers/careUnitId får förekomma högst en gång.");
  });

  it("a careUnitId that is not an HSA-id root is refused", async () => {
    const body = getCareManagersBody({ extension: s.patient.identifier, careUnitId: s.vc.hsaId }).replace(`${ROOT.hsaId}<`, `1.2.752.129.2.1.4.9<`);
    expect((await faultFor(body)).message).toBe("careUnitId/root ska vara 1.2.752.129.2.1.4.1 (HSA-id), inte 1.2.752.129.2.1.4.9.");
  });
});

describe("careManagerType", () => {
  it("an unknown code is refused, listing the codes of KV typ av fast kontakt", async () => {
    const fault = await faultForFilters({ careManagerTypes: ["2", "5"] });
    expect(fault.message).toMatch(/^careManagerType\/code 5: KV typ av fast kontakt har koderna 1 \(fast vårdkontakt\), 2/);
  });

  it("another code system is refused", async () => {
    const body = getCareManagersBody({ extension: s.patient.identifier, careManagerTypes: ["1"] }).replace(ROOT.kvTyp, "1.2.752.129.2.2.1.4");
    expect((await faultFor(body)).message).toBe("careManagerType/codeSystem ska vara 1.2.752.129.5.1.69 (KV typ av fast kontakt), inte 1.2.752.129.2.2.1.4.");
  });
});

describe("LogicalAddress (RIV-TA Basic Profile 2.1)", () => {
  const body = () => getCareManagersBody({ extension: s.patient.identifier });

  it("a missing LogicalAddress is refused", async () => {
    expect((await faultFor(body(), null)).message).toBe(
      "SOAP-huvudet saknar LogicalAddress (namnrymden urn:riv:itintegration:registry:1) med HSA-id för den vårdgivare som frågas (RIV-TA Basic Profile 2.1).",
    );
  });

  it("a LogicalAddress that names no care giver here (a unit, or unknown) is refused", async () => {
    expect((await faultFor(body(), s.vc.hsaId)).message).toBe(`LogicalAddress ${s.vc.hsaId} är inte HSA-id för någon vårdgivare i tjänsten.`);
    expect((await faultFor(body(), "SE0000000000-X")).code).toBe("soap:Client");
  });

  it("a LogicalAddress in the wrong namespace is refused, naming the right one", async () => {
    const text = envelope(body(), s.region.hsaId).replace('xmlns="urn:riv:itintegration:registry:1"', 'xmlns="urn:riv:itintegration:registry:2"');
    expect((await rawFault(text)).message).toBe(
      "Elementet LogicalAddress ska ha namnrymden urn:riv:itintegration:registry:1, men har urn:riv:itintegration:registry:2.",
    );
  });
});

describe("not a SOAP 1.1 call", () => {
  it.each([
    ["plain text", "detta är ingen XML", /^Anropet är inte välformad XML: /],
    ["an empty body", "", /^Anropet är inte välformad XML: /],
    ["a cut-off envelope", envelope("<a>", null).slice(0, 80), /^Anropet är inte välformad XML: /],
    ["an undeclared prefix", "<soapenv:Envelope/>", /^Anropet är inte välformad XML: prefixet i soapenv:Envelope är inte deklarerat$/],
    ["another root element", `<GetCareManagers xmlns="${RESPONDER}"/>`, /^Anropet är inget SOAP 1\.1-kuvert/],
    ["a DOCTYPE", `<!DOCTYPE x [<!ENTITY a "b">]>${envelope("<a/>", null)}`, /^Anropet får inte innehålla någon dokumenttypsdeklaration/],
  ])("%s is a Client fault", async (_name, text, message) => {
    const fault = await rawFault(text);
    expect(fault).toMatchObject({ status: 500, code: "soap:Client" });
    expect(fault.message).toMatch(message);
  });

  it("an envelope without Body, or with an empty one, is refused", async () => {
    const noBody = `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Header/></e:Envelope>`;
    expect((await rawFault(noBody)).message).toBe("SOAP-kuvertet saknar Body.");
    expect((await faultFor("")).message).toBe("SOAP Body ska innehålla exakt ett element (GetCareManagers), men innehåller 0.");
  });

  it("a SOAP 1.2 envelope gets VersionMismatch", async () => {
    const soap12 = envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId).replace(
      "http://schemas.xmlsoap.org/soap/envelope/",
      "http://www.w3.org/2003/05/soap-envelope",
    );
    const fault = await rawFault(soap12);
    expect(fault.code).toBe("soap:VersionMismatch");
    expect(fault.message).toContain("SOAP 1.1");
  });

  it("a header block marked mustUnderstand that the service does not process gets MustUnderstand", async () => {
    const text = envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId).replace(
      "</soapenv:Header>",
      `<sec:Security xmlns:sec="urn:x-security" soapenv:mustUnderstand="1"/></soapenv:Header>`,
    );
    expect(await rawFault(text)).toMatchObject({ code: "soap:MustUnderstand", message: "Huvudelementet Security är märkt mustUnderstand men hanteras inte av tjänsten." });
  });

  it("a body over 64 kB is refused", async () => {
    const fault = await rawFault(envelope(`<x>${"a".repeat(70_000)}</x>`, s.region.hsaId));
    expect(fault.message).toMatch(/^Anropet är större än 64 kB/);
  });

  it("faults go as text/xml in UTF-8 and no access is logged for a refused call", async () => {
    const before = await db.accessLog.count({ where: { patientId: s.patient.id } });
    const response = await call({ key: s.consumer.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier, root: "1.2.3" }), s.region.hsaId) });
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(await db.accessLog.count({ where: { patientId: s.patient.id } })).toBe(before);
  });
});

describe("methods", () => {
  it("GET answers 405 and says to POST", async () => {
    const response = await call({ key: s.consumer.key, body: "", method: "GET" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.text()).toContain("POST");
  });

  it("PUT to the action answers 405 as well", async () => {
    const response = await call({ key: s.consumer.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId), method: "PUT" });
    expect(response.status).toBe(405);
  });
});

describe("unexpected errors", () => {
  it("answer soap:Server with the request id, and log the error with it", async () => {
    allowConsoleError();
    // This file's own database copy: break the access log for real (every answer writes to it
    // before it goes out), then mend it.
    await db.$executeRawUnsafe(`ALTER TABLE "AccessLog" RENAME TO "AccessLog_gone"`);
    try {
      const response = await call({ key: s.consumer.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId) }, "req-broken-1");
      const fault = await faultOf(response);
      expect(fault).toMatchObject({ status: 500, code: "soap:Server", message: "Ett internt fel uppstod i tjänsten. Ange anrops-id req-broken-1 vid felanmälan." });
      expect(vi.mocked(console.error).mock.calls.some((args) => String(args[0]).includes("req-broken-1"))).toBe(true);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "AccessLog_gone" RENAME TO "AccessLog"`);
    }
  });
});
