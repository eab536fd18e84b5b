// The SOAP 1.1 envelope of an incoming call: its header blocks and its one body element.
import { SOAP_11_ENVELOPE, SOAP_12_ENVELOPE } from "./contract";
import { clientFault, FAULT, SoapFault } from "./faults";
import type { XmlElement } from "./xml-reader";

export type Envelope = { headers: XmlElement[]; body: XmlElement };

export type QName = { ns: string; name: string };

/** `understood`: the header blocks this service processes (SOAP 1.1 §4.2.3 mustUnderstand). */
export function readEnvelope(root: XmlElement, understood: readonly QName[]): Envelope {
  if (root.name === "Envelope" && root.ns !== SOAP_11_ENVELOPE) {
    // SOAP 1.1 §4.4.2: a wrong envelope namespace (SOAP 1.2's, for one) is a VersionMismatch.
    throw new SoapFault("VersionMismatch", root.ns === SOAP_12_ENVELOPE ? FAULT.versionMismatch : FAULT.notEnvelope);
  }
  if (root.ns !== SOAP_11_ENVELOPE || root.name !== "Envelope") throw clientFault(FAULT.notEnvelope);
  const header = root.children.find((c) => c.ns === SOAP_11_ENVELOPE && c.name === "Header");
  const body = root.children.find((c) => c.ns === SOAP_11_ENVELOPE && c.name === "Body");
  if (!body) throw clientFault(FAULT.missingBody);
  if (body.children.length !== 1) throw clientFault(FAULT.bodyElements(body.children.length));
  const headers = header?.children ?? [];
  const ignored = headers.find((h) => mustUnderstand(h) && !understood.some((u) => u.ns === h.ns && u.name === h.name));
  if (ignored) throw new SoapFault("MustUnderstand", FAULT.mustUnderstand(ignored.name));
  return { headers, body: body.children[0] };
}

const mustUnderstand = (block: XmlElement) =>
  block.attributes.some((a) => a.ns === SOAP_11_ENVELOPE && a.name === "mustUnderstand" && ["1", "true"].includes(a.value.trim()));
