import { sv, type MessageKey } from "./sv";

export type { MessageKey };

/** The text for a key, with {name} placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return sv[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** "<page> – Fasta kontakter": every page title has the same shape. */
export function pageTitle(page: string): string {
  return `${page} – ${t("app.name")}`;
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(sv, key);
}
