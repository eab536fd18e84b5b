// Reading the contract's element types (sequences of named children, IIType, CVType) from a
// namespace-resolved element, with a Client fault that names the element for every mistake.
// Each complex type of the contract ends in <xs:any namespace="##other">: children from other
// namespaces are allowed and ignored; anything else unknown is a mistake worth saying.
import { CORE_NS } from "./contract";
import { clientFault, FAULT } from "./faults";
import type { XmlElement } from "./xml-reader";

export type Children = { path: string; byName: Map<string, XmlElement[]> };

/** `el`'s children named in `names`, each of which must be in `ns`. */
export function childrenOf(el: XmlElement, ns: string, names: readonly string[], path: string): Children {
  const byName = new Map<string, XmlElement[]>();
  for (const child of el.children) {
    const known = names.includes(child.name);
    if (known && child.ns !== ns) throw clientFault(FAULT.wrongNamespace(`${path}/${child.name}`, ns, child.ns));
    if (!known && (child.ns === ns || child.ns === null)) throw clientFault(FAULT.unexpectedElement(`${path}/${child.name}`));
    if (known) byName.set(child.name, [...(byName.get(child.name) ?? []), child]);
  }
  return { path, byName };
}

/** The child if present; a fault if it is repeated. */
export function optionalChild(children: Children, name: string): XmlElement | null {
  const found = children.byName.get(name) ?? [];
  if (found.length > 1) throw clientFault(FAULT.repeatedElement(`${children.path}/${name}`));
  return found[0] ?? null;
}

export function requiredChild(children: Children, name: string): XmlElement {
  const found = optionalChild(children, name);
  if (!found) throw clientFault(FAULT.missingElement(`${children.path}/${name}`));
  return found;
}

export const repeatedChildren = (children: Children, name: string) => children.byName.get(name) ?? [];

/** Trimmed text of a leaf; empty text is a fault, since no leaf of the contract may be empty here. */
export function textOf(el: XmlElement, path: string): string {
  const text = el.text.trim();
  if (text === "") throw clientFault(FAULT.emptyValue(path));
  return text;
}

const optionalText = (children: Children, name: string) => {
  const el = optionalChild(children, name);
  return el ? textOf(el, `${children.path}/${name}`) : null;
};

export type II = { root: string; extension: string | null };

/** IIType: root 1..1, extension 0..1 (core namespace). */
export function readII(el: XmlElement, path: string): II {
  const children = childrenOf(el, CORE_NS, ["root", "extension"], path);
  return { root: textOf(requiredChild(children, "root"), `${path}/root`), extension: optionalText(children, "extension") };
}

export type CV = { code: string | null; codeSystem: string | null; displayName: string | null; originalText: string | null };

const CV_FIELDS = ["code", "codeSystem", "codeSystemName", "codeSystemVersion", "displayName", "originalText"] as const;

/** CVType: every part optional (core namespace). */
export function readCV(el: XmlElement, path: string): CV {
  const children = childrenOf(el, CORE_NS, CV_FIELDS, path);
  return {
    code: optionalText(children, "code"),
    codeSystem: optionalText(children, "codeSystem"),
    displayName: optionalText(children, "displayName"),
    originalText: optionalText(children, "originalText"),
  };
}
