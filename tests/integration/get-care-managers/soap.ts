// Calling the GetCareManagers route the way a consumer system does (a SOAP 1.1 envelope over
// POST with an API key), and reading its answer.
import { randomUUID } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { action, loader } from "~/routes/riv.GetCareManagers.1";
import { expectValidResponse } from "./schema";

export const ROOT = {
  personnummer: "1.2.752.129.2.1.3.1",
  samordningsnummer: "1.2.752.129.2.1.3.3",
  hsaId: "1.2.752.129.2.1.4.1",
  kvTyp: "1.2.752.129.5.1.69",
} as const;

export type Filters = {
  root?: string;
  extension: string;
  careGiverId?: string;
  careUnitId?: string;
  careManagerTypes?: string[];
  careProcessId?: string;
};

/** The GetCareManagers body element as a consumer writes it (prefixes as in the TKB's examples). */
export function getCareManagersBody(f: Filters): string {
  const ii = (name: string, root: string, extension: string) =>
    `<urn:${name}><urn1:root>${root}</urn1:root><urn1:extension>${extension}</urn1:extension></urn:${name}>`;
  return [
    `<urn:GetCareManagers xmlns:urn="urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:1" xmlns:urn1="urn:riv:coreprocess:residentparticipation:residentparticipation:1">`,
    ii("patientId", f.root ?? ROOT.personnummer, f.extension),
    f.careGiverId ? ii("careGiverId", ROOT.hsaId, f.careGiverId) : "",
    f.careUnitId ? ii("careUnitId", ROOT.hsaId, f.careUnitId) : "",
    ...(f.careManagerTypes ?? []).map((code) => `<urn:careManagerType><urn1:code>${code}</urn1:code><urn1:codeSystem>${ROOT.kvTyp}</urn1:codeSystem></urn:careManagerType>`),
    f.careProcessId ? ii("careProcessId", "1.2.752.129.2.1.2.1", f.careProcessId) : "",
    `</urn:GetCareManagers>`,
  ].join("");
}

/** A SOAP 1.1 envelope with the RIV-TA LogicalAddress header (none when `logicalAddress` is null). */
export function envelope(body: string, logicalAddress: string | null): string {
  const header = logicalAddress === null ? "" : `<soapenv:Header><LogicalAddress xmlns="urn:riv:itintegration:registry:1">${logicalAddress}</LogicalAddress></soapenv:Header>`;
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">${header}<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export type Call = { key?: string | null; body: string; method?: string; headers?: Record<string, string> };

export const requestIdOfCall = () => `req-gcm-${randomUUID().slice(0, 8)}`;

/** Calls the route's action as the server would, with a request id in the load context. */
export async function call({ key, body, method = "POST", headers = {} }: Call, requestId = requestIdOfCall()): Promise<Response> {
  const request = new Request("http://localhost/riv/GetCareManagers/1", {
    method,
    headers: {
      "Content-Type": "text/xml; charset=utf-8",
      SOAPAction: "urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:1:GetCareManagers",
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body: method === "GET" || method === "HEAD" ? undefined : body,
  });
  if (method === "GET") return loader();
  return action({ request, params: {}, context: { requestId } });
}

// Tests read answers by local name; the namespaces are checked by the XSD validation.
const reader = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["careManager", "contact", "telecom", "period", "weekDay", "line"].includes(name),
});

export type Parsed = any;

/** A successful answer: 200, text/xml, schema-valid; its careManager elements. */
export async function careManagersOf(response: Response): Promise<Parsed[]> {
  const text = await successText(response);
  expectValidResponse(text);
  return readCareManagers(text);
}

/** The text of a 200 text/xml answer (not yet validated). */
export async function successText(response: Response): Promise<string> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${text}`);
  if (response.headers.get("content-type") !== "text/xml; charset=utf-8") throw new Error(`unexpected content type ${response.headers.get("content-type")}`);
  return text;
}

export const readCareManagers = (text: string): Parsed[] => reader.parse(text).Envelope.Body.GetCareManagersResponse.careManager ?? [];

/** A fault answer: its status, faultcode and faultstring. */
export async function faultOf(response: Response): Promise<{ status: number; code: string; message: string; text: string }> {
  const text = await response.text();
  const fault = reader.parse(text).Envelope?.Body?.Fault;
  if (!fault) throw new Error(`expected a SOAP Fault, got ${response.status}: ${text}`);
  return { status: response.status, code: fault.faultcode, message: fault.faultstring["#text"] ?? fault.faultstring, text };
}
