// Every text a user reads comes from the catalogs here: Swedish by default, English on
// request (the switch in the header). See docs/decisions/007-language-and-locale.md.
import * as apiKeys from "./catalogs/api-keys";
import * as audit from "./catalogs/audit";
import * as candidates from "./catalogs/candidates";
import * as cases from "./catalogs/cases";
import * as citizen from "./catalogs/citizen";
import * as compliance from "./catalogs/compliance";
import * as dates from "./catalogs/dates";
import * as edge from "./catalogs/edge";
import * as patients from "./catalogs/patients";
import * as staff from "./catalogs/staff";
import * as statechart from "./catalogs/statechart";
import * as turnover from "./catalogs/turnover";
import * as worklist from "./catalogs/worklist";
import { en as coreEn } from "./en";
import { sv as coreSv } from "./sv";

const sv = {
  ...coreSv,
  ...worklist.sv,
  ...patients.sv,
  ...cases.sv,
  ...candidates.sv,
  ...statechart.sv,
  ...staff.sv,
  ...audit.sv,
  ...compliance.sv,
  ...turnover.sv,
  ...citizen.sv,
  ...apiKeys.sv,
  ...edge.sv,
  ...dates.sv,
};
export type MessageKey = keyof typeof sv;
const en: Record<MessageKey, string> = {
  ...coreEn,
  ...worklist.en,
  ...patients.en,
  ...cases.en,
  ...staff.en,
  ...audit.en,
  ...compliance.en,
  ...candidates.en,
  ...statechart.en,
  ...turnover.en,
  ...citizen.en,
  ...apiKeys.en,
  ...edge.en,
  ...dates.en,
};

export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
const catalogs: Record<Locale, Record<MessageKey, string>> = { sv, en };

export const isLocale = (value: unknown): value is Locale => value === "sv" || value === "en";

/**
 * Where the language of the current render comes from. In the browser it is the page's
 * own <html lang>; the server replaces it with the request's language (locale.server.ts).
 */
let localeSource: () => Locale = () =>
  typeof document !== "undefined" && document.documentElement.lang === "en" ? "en" : "sv";

export function setLocaleSource(source: () => Locale): void {
  localeSource = source;
}

export function currentLocale(): Locale {
  return localeSource();
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalogs[localeSource()][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/**
 * A zod message resolved when the input is checked, not when the schema is built: the
 * same schema then answers in the language of whoever submits (zod 4 `error` function).
 */
export function message(key: MessageKey, values?: Record<string, string | number>) {
  return { error: () => t(key, values) };
}

/** "<page> – Fasta kontakter": every page title has the same shape. */
export function pageTitle(page: string): string {
  return `${page} – ${t("app.name")}`;
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(sv, key);
}

/** Dates and numbers as the current language writes them; dates are always YYYY-MM-DD. */
export function formatNumber(value: number): string {
  return value.toLocaleString(localeSource() === "en" ? "en-GB" : "sv-SE");
}
