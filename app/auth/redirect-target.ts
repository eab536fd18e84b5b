// Where a redirect built from user input may go: only a path on our own origin.
//
// Judged after the WHATWG URL parser has normalised the value, because that is what a
// browser does with a Location header: it strips tabs and newlines, turns "\" into "/",
// and resolves "." segments, so "/\t/evil.example" or "/\\evil.example" become
// "//evil.example", another site. We parse against a fixed dummy origin, keep the value
// only when the result still has that origin, and hand back the normalised path, which
// the parser has percent-encoded and which is therefore always a valid header value.

const DUMMY_ORIGIN = "http://same-origin.invalid";

/** Longer than any path the product builds; a longer value is not one of ours. */
export const MAX_REDIRECT_TARGET_LENGTH = 2048;

// C0 controls, DEL and C1 controls. Browsers drop some of them silently (tab, newline),
// so anything carrying one was not produced by our own pages.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function safeRedirectTarget(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string") return fallback;
  if (target.length === 0 || target.length > MAX_REDIRECT_TARGET_LENGTH) return fallback;
  // A path, never a scheme or a host; a backslash is a slash to a browser.
  if (!target.startsWith("/") || target.includes("\\") || CONTROL.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, DUMMY_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY_ORIGIN) return fallback;
  const normalised = url.pathname + url.search + url.hash;
  // "/%2F%2Fevil" stays one segment for us, but a proxy or a later decode could read it as
  // "//evil"; and "/.//evil" normalises to "//evil", which a browser takes as a host.
  if (normalised.startsWith("//") || /^\/(%2f|%5c)/i.test(normalised)) return fallback;
  // An encoded control character ("/%09/evil") is harmless to the parser but a later decode
  // by a proxy or a log reader turns it back into one; our own pages never produce it.
  if (/%(0[0-9a-f]|1[0-9a-f]|7f)/i.test(normalised)) return fallback;
  // The parser percent-encodes everything outside ASCII; make sure nothing slipped through
  // that would make the Location header invalid.
  if (!/^[\x21-\x7e]*$/.test(normalised)) return fallback;
  return normalised;
}
