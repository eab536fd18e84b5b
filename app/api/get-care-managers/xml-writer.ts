// Writing XML: elements in exactly the order the code lists them (the contract's types are
// xs:sequence, so order is part of validity), with every text escaped.
export type Xml = { readonly xml: string };

export type XmlChild = Xml | string | null | undefined | false | readonly XmlChild[];

// Characters XML 1.0 does not allow at all (§2.2), e.g. a control character pasted into a note.
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** `<name attrs>children</name>`; strings are text, null/undefined/false are left out. */
export function element(name: string, attributes: Record<string, string>, ...children: XmlChild[]): Xml {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const inner = serialize(children);
  return { xml: inner === "" ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>` };
}

/** An element without attributes. */
export const el = (name: string, ...children: XmlChild[]) => element(name, {}, ...children);

/** A text-only element, left out when the text is missing or blank. */
export const optionalEl = (name: string, text: string | null | undefined) => (text && text.trim() !== "" ? el(name, text) : null);

function serialize(children: readonly XmlChild[]): string {
  return children
    .map((child) => {
      if (child === null || child === undefined || child === false) return "";
      if (typeof child === "string") return escapeXml(child);
      if (Array.isArray(child)) return serialize(child);
      return (child as Xml).xml;
    })
    .join("");
}
