import { sv, type MessageKey } from "./sv";

export type { MessageKey };

/** The text for a key, with {name} placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return sv[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export function isMessageKey(key: string): key is MessageKey {
  return key in sv;
}
