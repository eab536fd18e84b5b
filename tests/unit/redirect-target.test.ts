import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_TARGET_LENGTH, safeRedirectTarget } from "~/auth/redirect-target";

// Each of these, used as a Location header, would leave the origin, smuggle a header or make
// the header invalid. None may come back.
const hostile: unknown[] = [
  "//evil.example",
  "//evil.example/path",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/%09/evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%5C/evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/a/..//evil.example",
  "/%2e%2e//evil.example",
  "/x\r\nSet-Cookie: fk_session=attacker",
  "/x\r\nLocation: https://evil.example",
  "/x\u0000y",
  "/x\u0085y",
  "/x\u007fy",
  "https://evil.example",
  "http://evil.example/",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "?next=//evil.example",
  "#//evil.example",
  "\uff0f\uff0fevil.example",
  "\u2215\u2215evil.example",
  `/${"a".repeat(MAX_REDIRECT_TARGET_LENGTH)}`,
  "",
  null,
  undefined,
];

describe("safeRedirectTarget", () => {
  it.each(hostile.map((value) => [JSON.stringify(value)?.slice(0, 60), value]))("refuses %s", (_label, value) => {
    expect(safeRedirectTarget(value as string)).toBe("/");
  });

  it("has at least 30 hostile values", () => {
    expect(hostile.length).toBeGreaterThanOrEqual(30);
  });

  it("refuses a File from a multipart form", () => {
    expect(safeRedirectTarget(new File(["/arenden"], "x.txt"))).toBe("/");
  });

  it("uses the caller's fallback", () => {
    expect(safeRedirectTarget("//evil.example", "/personal")).toBe("/personal");
  });

  it.each([
    ["/", "/"],
    ["/patienter/x?tab=1#a", "/patienter/x?tab=1#a"],
    ["/arenden/abc?klart=APPOINT", "/arenden/abc?klart=APPOINT"],
    ["/logg?anvandare=anna%20a", "/logg?anvandare=anna%20a"],
    ["/personalbyte/s1/korning/b1", "/personalbyte/s1/korning/b1"],
    ["/a/./b/../c", "/a/c"],
  ])("keeps the same-origin path %s", (value, expected) => {
    expect(safeRedirectTarget(value)).toBe(expected);
  });

  it("percent-encodes what is not ASCII, so the Location header stays valid", () => {
    const target = safeRedirectTarget("/patienter?namn=Åsa Öberg");
    expect(target).toBe("/patienter?namn=%C3%85sa%20%C3%96berg");
    expect(() => new Headers({ Location: target })).not.toThrow();
  });

  it("keeps a full-width dot as an encoded segment of our own origin", () => {
    expect(safeRedirectTarget("/\u3002/evil.example")).toBe("/%E3%80%82/evil.example");
  });

  it("answers with a valid header value for every hostile value", () => {
    for (const value of hostile) {
      expect(() => new Headers({ Location: safeRedirectTarget(value as string) })).not.toThrow();
    }
  });
});
