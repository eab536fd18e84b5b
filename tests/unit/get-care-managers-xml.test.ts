// The XML plumbing of the GetCareManagers producer: elements matched by namespace whatever
// prefix a caller picks, text escaped on the way out, RIV date formats on Stockholm clocks,
// and one phone number sent once.
import { describe, expect, it } from "vitest";
import { telecomsOf } from "~/api/get-care-managers/contact";
import { SoapFault } from "~/api/get-care-managers/faults";
import { rivDate, rivTimestamp } from "~/api/get-care-managers/riv-types";
import { readXml } from "~/api/get-care-managers/xml-reader";
import { el, element, escapeXml, optionalEl } from "~/api/get-care-managers/xml-writer";

describe("reading XML by namespace", () => {
  it("resolves prefixes, default namespaces and their undeclaration to the same (namespace, name) pairs", () => {
    const root = readXml(`<a:x xmlns:a="urn:a" xmlns="urn:d"><y/><a:z/><w xmlns=""/><v xmlns="urn:v"><u/></v></a:x>`);
    expect(root).toMatchObject({ ns: "urn:a", name: "x" });
    expect(root.children.map((c) => [c.ns, c.name])).toEqual([
      ["urn:d", "y"],
      ["urn:a", "z"],
      [null, "w"],
      ["urn:v", "v"],
    ]);
    expect(root.children[3].children[0]).toMatchObject({ ns: "urn:v", name: "u" });
  });

  it("reads text with entities, character references and CDATA", () => {
    expect(readXml(`<t>&lt;1 &amp; &#50;&#x33;<![CDATA[<4>]]></t>`).text).toBe("<1 & 23<4>");
  });

  it("resolves prefixed attributes (soap:mustUnderstand) and leaves unprefixed ones without namespace", () => {
    const root = readXml(`<h xmlns:s="urn:s" s:mustUnderstand="1" plain="2"/>`);
    expect(root.attributes).toEqual([
      { ns: "urn:s", name: "mustUnderstand", value: "1" },
      { ns: null, name: "plain", value: "2" },
    ]);
  });

  it.each([
    ["two root elements", "<a/><b/>"],
    ["an undeclared prefix", "<p:a/>"],
    ["mismatched tags", "<a><b></a>"],
    ["stray text beside the root", "text<a/>"],
    ["a prototype-polluting name", "<__proto__/>"],
  ])("refuses %s as a Client fault", (_name, text) => {
    expect(() => readXml(text)).toThrow(SoapFault);
    try {
      readXml(text);
    } catch (error) {
      expect((error as SoapFault).code).toBe("Client");
    }
  });
});

describe("writing XML", () => {
  it("escapes markup and replaces characters XML 1.0 forbids", () => {
    expect(escapeXml(`a<b>&"c"\u0007d\uD800`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;\uFFFDd\uFFFD");
    expect(escapeXml("🙂 åäö\n\t")).toBe("🙂 åäö\n\t");
  });

  it("writes children in the given order, leaves out absent ones and closes empty elements", () => {
    expect(element("r", { "xmlns:c": "urn:&" }, el("c:a", "1"), null, optionalEl("c:b", "  "), [el("c:d"), false]).xml).toBe(
      `<r xmlns:c="urn:&amp;"><c:a>1</c:a><c:d/></r>`,
    );
  });
});

describe("RIV formats", () => {
  it("DateType drops the dashes", () => {
    expect(rivDate("2026-03-09")).toBe("20260309");
  });

  it("TimeStampType is Stockholm wall-clock time, in winter and in summer, 24-hour", () => {
    expect(rivTimestamp(new Date("2026-01-01T08:00:05Z"))).toBe("20260101090005");
    expect(rivTimestamp(new Date("2026-07-01T22:30:00Z"))).toBe("20260702003000");
    expect(rivTimestamp(new Date("2026-12-31T23:59:59Z"))).toBe("20270101005959");
  });
});

describe("one number sent once", () => {
  const way = (value: string, kind: "PHONE" | "E_SERVICE" = "PHONE") => ({ kind, label: "Rådgivning", value, contactTimes: "Vardagar 08–16" });
  const phone = { kind: "PHONE" as const, label: "Enhetens telefon", value: "0910-100 00", contactTimes: null };

  it("leaves out the phone field when a contact way repeats its digits (with its label and hours)", () => {
    expect(telecomsOf(phone, [way("0910-10000")])).toEqual([way("0910-10000")]);
  });

  it("keeps the phone field first when no way repeats it, and when there is no field sends the ways", () => {
    expect(telecomsOf(phone, [way("0910-10001")])).toEqual([phone, way("0910-10001")]);
    expect(telecomsOf(phone, [way("https://x/091010000", "E_SERVICE")])).toEqual([phone, way("https://x/091010000", "E_SERVICE")]);
    expect(telecomsOf(null, [way("1")])).toEqual([way("1")]);
  });
});
