// The language of one request, from its `lang` cookie, held for everything the request
// runs: loaders, actions and the render (AsyncLocalStorage keeps it across awaits).
import { AsyncLocalStorage } from "node:async_hooks";
import { isLocale, setLocaleSource, type Locale } from "./index";

const storage = new AsyncLocalStorage<Locale>();
setLocaleSource(() => storage.getStore() ?? "sv");

export const LOCALE_COOKIE = "lang";

export function localeFromCookies(cookieHeader: string | null | undefined): Locale {
  const match = /(?:^|;\s*)lang=([a-z]{2})(?:;|$)/.exec(cookieHeader ?? "");
  return match && isLocale(match[1]) ? match[1] : "sv";
}

export function withLocale<T>(locale: Locale, work: () => T): T {
  return storage.run(locale, work);
}

/** A year-long, non-secret preference cookie: the language is not personal data. */
export function localeCookieHeader(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}
