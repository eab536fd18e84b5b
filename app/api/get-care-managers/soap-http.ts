// SOAP 1.1 over HTTP: how answers and faults go back. WS-I Basic Profile 1.1 R1126: a Fault
// goes with HTTP 500 (SOAP 1.1 §6.2), except the authentication failure, which is HTTP's own
// 401 so that gateways and clients see it for what it is (RFC 6750 §3 for the challenge).
import type { Rejection } from "~/api/consumers.server";
import { MAX_REQUEST_BYTES, SOAP_11_ENVELOPE } from "./contract";
import { clientFault, FAULT, SoapFault } from "./faults";
import { el, element, type Xml } from "./xml-writer";

const XML_HEADERS = {
  "Content-Type": "text/xml; charset=utf-8",
  // Personal data: no cache on the way may keep it.
  "Cache-Control": "no-store",
};

const envelope = (body: Xml) =>
  `<?xml version="1.0" encoding="UTF-8"?>${element("soap:Envelope", { "xmlns:soap": SOAP_11_ENVELOPE }, el("soap:Body", body)).xml}`;

export const soapResponse = (body: Xml) => new Response(envelope(body), { status: 200, headers: XML_HEADERS });

/** SOAP 1.1 §4.4: faultcode is a qualified name in the envelope namespace; faultstring is for people. */
const faultEl = (fault: SoapFault) =>
  el("soap:Fault", el("faultcode", `soap:${fault.code}`), element("faultstring", { "xml:lang": "sv" }, fault.message));

export function faultResponse(fault: SoapFault, status = 500, headers: Record<string, string> = {}): Response {
  return new Response(envelope(faultEl(fault)), { status, headers: { ...XML_HEADERS, ...headers } });
}

export function unauthorizedResponse(rejection: Rejection): Response {
  // No key: a bare challenge. A key we do not accept: invalid_token, without saying whether
  // it was unknown or revoked (the audit trail says which).
  const challenge = rejection === "missing" ? `Bearer realm="fasta-kontakter"` : `Bearer realm="fasta-kontakter", error="invalid_token"`;
  const message = rejection === "missing" ? FAULT.missingKey : FAULT.invalidKey;
  return faultResponse(new SoapFault("Client", message), 401, { "WWW-Authenticate": challenge });
}

/** Anything but POST: this endpoint only takes SOAP calls. */
export function methodNotAllowed(): Response {
  return new Response("GetCareManagers v1 tar bara emot SOAP 1.1-anrop med POST.\n", {
    status: 405,
    headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * The request body as text, read no further than MAX_REQUEST_BYTES (a client that streams
 * megabytes is cut off, not buffered), decoded as UTF-8 (WS-I Basic Profile R4003).
 */
export async function readBody(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) throw clientFault(FAULT.tooLarge);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_REQUEST_BYTES) {
      await reader.cancel();
      throw clientFault(FAULT.tooLarge);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw clientFault(FAULT.notXml("texten är inte UTF-8"));
  }
}
