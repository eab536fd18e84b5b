// The contract's simple building blocks as XML (core namespace, prefix "core" declared on the
// response element): IIType, CVType, DateType "YYYYMMDD", TimeStampType "YYYYMMDDhhmmss".
import { stockholmClock } from "~/domain/dates";
import { OID } from "./contract";
import { el, optionalEl, type XmlChild } from "./xml-writer";

export const CORE_PREFIX = "core";

export const coreEl = (name: string, ...children: XmlChild[]) => el(`${CORE_PREFIX}:${name}`, ...children);
export const optionalCoreEl = (name: string, text: string | null | undefined) => optionalEl(`${CORE_PREFIX}:${name}`, text);

/** IIType: root (an OID) and the id within it. */
export const ii = (name: string, root: string, extension: string) =>
  coreEl(name, coreEl("root", root), optionalCoreEl("extension", extension));

/** An HSA-id as IIType (root 1.2.752.129.2.1.4.1). */
export const hsaIdEl = (name: string, hsaId: string) => ii(name, OID.hsaId, hsaId);

export type CodedValue = {
  code?: string | null;
  codeSystem?: string | null;
  codeSystemName?: string | null;
  displayName?: string | null;
  originalText?: string | null;
};

/** CVType, its parts in the XSD's order. */
export const cv = (name: string, v: CodedValue) =>
  coreEl(
    name,
    optionalCoreEl("code", v.code),
    optionalCoreEl("codeSystem", v.codeSystem),
    optionalCoreEl("codeSystemName", v.codeSystemName),
    optionalCoreEl("displayName", v.displayName),
    optionalCoreEl("originalText", v.originalText),
  );

/** DateType from a calendar date "YYYY-MM-DD". */
export const rivDate = (isoDate: string) => isoDate.replaceAll("-", "");

/** TimeStampType: the instant on Stockholm clocks, as the Swedish platform reads times. */
export function rivTimestamp(instant: Date): string {
  const part = stockholmClock(instant);
  return `${part.year}${part.month}${part.day}${part.hour}${part.minute}${part.second}`;
}
