// Incoming XML as a tree of namespace-resolved elements. fast-xml-parser reads the text but
// keeps prefixes as written; a SOAP caller may pick any prefix (or a default namespace), so
// every element is resolved here to (namespace, local name) and matched on that pair only.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { clientFault, FAULT } from "./faults";

export type XmlAttribute = { ns: string | null; name: string; value: string };

export type XmlElement = {
  ns: string | null;
  name: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own text (CDATA included), untrimmed. */
  text: string;
};

// preserveOrder keeps siblings in document order with their attributes under ":@".
type OrderedNode = { [tag: string]: OrderedNode[] } & { ":@"?: Record<string, string>; "#text"?: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Decodes numeric character references (&#65;) besides the five XML entities. It also
  // knows HTML's named entities, a leniency that does no harm for ids and codes.
  htmlEntities: true,
});

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** The document's root element; a SOAP Client fault for anything that is not well-formed XML. */
export function readXml(text: string): XmlElement {
  // WS-I Basic Profile R1008: no DTD in a SOAP message (it also shuts out entity expansion attacks).
  if (/<!DOCTYPE/i.test(text)) throw clientFault(FAULT.doctype);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw clientFault(FAULT.notXml(`${valid.err.msg} (rad ${valid.err.line}, kolumn ${valid.err.col})`));
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    throw clientFault(FAULT.notXml(error instanceof Error ? error.message : String(error)));
  }
  const roots = nodes.filter((n) => !isText(n));
  const strayText = nodes.some((n) => isText(n) && n["#text"]!.trim() !== "");
  if (roots.length !== 1 || strayText) throw clientFault(FAULT.notXml("dokumentet ska ha exakt ett rotelement"));
  return resolve(roots[0], new Map([["xml", XML_NS]]));
}

const isText = (node: OrderedNode) => "#text" in node;

function resolve(node: OrderedNode, inherited: Map<string, string>): XmlElement {
  const qname = Object.keys(node).find((k) => k !== ":@")!;
  const rawAttributes = node[":@"] ?? {};
  const scope = new Map(inherited);
  for (const [name, value] of Object.entries(rawAttributes)) {
    if (name === "xmlns") scope.set("", value);
    else if (name.startsWith("xmlns:")) scope.set(name.slice(6), value);
  }
  const { prefix, local } = split(qname);
  const attributes = Object.entries(rawAttributes)
    .filter(([name]) => name !== "xmlns" && !name.startsWith("xmlns:"))
    .map(([name, value]) => {
      const a = split(name);
      // Unprefixed attributes are in no namespace (Namespaces in XML §6.2).
      return { ns: a.prefix === null ? null : namespaceOf(a.prefix, scope, name), name: a.local, value };
    });
  const content = node[qname] ?? [];
  return {
    ns: namespaceOf(prefix ?? "", scope, qname),
    name: local,
    attributes,
    children: content.filter((c) => !isText(c)).map((c) => resolve(c, scope)),
    text: content.map((c) => c["#text"] ?? "").join(""),
  };
}

function split(qname: string): { prefix: string | null; local: string } {
  const colon = qname.indexOf(":");
  return colon < 0 ? { prefix: null, local: qname } : { prefix: qname.slice(0, colon), local: qname.slice(colon + 1) };
}

function namespaceOf(prefix: string, scope: Map<string, string>, qname: string): string | null {
  const ns = scope.get(prefix);
  if (prefix === "") return ns ? ns : null; // xmlns="" undeclares the default namespace
  if (ns === undefined) throw clientFault(FAULT.notXml(`prefixet i ${qname} är inte deklarerat`));
  return ns;
}
