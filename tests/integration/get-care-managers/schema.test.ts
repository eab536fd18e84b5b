// The XSD check behind every GetCareManagers test must be able to fail: it rejects answers the
// contract does not allow (order, patterns, unknown elements) and resolves prefixes declared on
// the envelope.
import { describe, expect, it } from "vitest";
import { expectValidResponses, responseDocument, validateAgainstContract } from "./schema";

const RESPONDER = "urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:1";
const CORE = "urn:riv:coreprocess:residentparticipation:residentparticipation:1";

const header = `<c:careManagerHeader><c:accessControlHeader><c:accountableHealthcareProviderId><c:root>1.2.752.129.2.1.4.1</c:root><c:extension>SE1-A</c:extension></c:accountableHealthcareProviderId><c:patientId><c:root>1.2.752.129.2.1.3.1</c:root><c:extension>191212121212</c:extension></c:patientId><c:blockComparisonTime>20260101090000</c:blockComparisonTime></c:accessControlHeader><c:sourceSystemId><c:root>1.2.752.129.2.1.4.1</c:root></c:sourceSystemId></c:careManagerHeader>`;
const careManager = (period: string, order: "xsd" | "swapped" = "xsd") => {
  const code = `<c:code><c:code>1</c:code></c:code>`;
  const practitioner = `<c:practitioner><c:hsaId><c:root>1.2.752.129.2.1.4.1</c:root></c:hsaId></c:practitioner>`;
  const parts = order === "xsd" ? [code, practitioner] : [practitioner, code];
  return `<r:careManager>${header}${parts.join("")}<c:period><c:start>${period}</c:start></c:period><c:managingCareGiver><c:hsaId><c:root>x</c:root></c:hsaId></c:managingCareGiver></r:careManager>`;
};
// Prefixes declared on the envelope only, as a SOAP stack may write them.
const envelope = (inner: string) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:r="${RESPONDER}" xmlns:c="${CORE}"><s:Body><r:GetCareManagersResponse>${inner}</r:GetCareManagersResponse></s:Body></s:Envelope>`;

const verdict = (inner: string) => validateAgainstContract(responseDocument(envelope(inner)));

describe("validation against the contract's XSDs", () => {
  it("accepts an empty answer and a minimal careManager, with prefixes bound on the envelope", () => {
    expect(verdict("")).toEqual({ valid: true, messages: expect.any(String) });
    expect(verdict(careManager("20260101")).valid).toBe(true);
  });

  it("rejects children out of sequence order, a dashed date and an unknown element", () => {
    expect(verdict(careManager("20260101", "swapped")).valid).toBe(false);
    const dashed = verdict(careManager("2026-01-01"));
    expect(dashed.valid).toBe(false);
    expect(dashed.messages).toContain("2026-01-01");
    expect(verdict(`<r:careManagers/>`).valid).toBe(false);
  });

  it("checks many answers in one run and names the one that fails", () => {
    expect(() => expectValidResponses([envelope(""), envelope(careManager("20260101"))])).not.toThrow();
    expect(() => expectValidResponses([envelope(""), envelope(careManager("2026-01-01"))])).toThrow(/answer-1\.xml/);
  });
});
