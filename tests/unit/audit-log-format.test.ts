// How the audit pages read their filter and write their CSV file: the pieces a patient's
// log extract depends on to be complete and readable.
import { describe, expect, it } from "vitest";
import { describeAction, logTime, stepDetail, wordingText } from "~/models/audit-describe";
import { filterSearch, parseAuditFilter } from "~/models/audit-filter";
import { csvField, toCsv } from "~/models/csv";

describe("CSV for Swedish Excel", () => {
  it("quotes a field with ; \" or a line break and doubles its quotes", () => {
    expect(csvField("vanlig text")).toBe("vanlig text");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('säger "nej"')).toBe('"säger ""nej"""');
    expect(csvField("rad 1\r\nrad 2")).toBe('"rad 1\r\nrad 2"');
    expect(csvField(null)).toBe("");
  });

  it("keeps free text that looks like a formula from running in a spreadsheet", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+46 70")).toBe("'+46 70");
    expect(csvField("@summa")).toBe("'@summa");
  });

  it("starts with a byte-order mark and ends every row with CRLF", () => {
    expect(toCsv(["Å", "Ä"], [["ö", 1]])).toBe("\uFEFFÅ;Ä\r\nö;1\r\n");
  });
});

describe("the audit filter", () => {
  it("reads dates, kind and page from the address", () => {
    const { filter, errors } = parseAuditFilter(new URLSearchParams("fran=2026-01-01&till=2026-01-31&typ=visningar&sida=3"));
    expect(errors).toEqual({});
    expect(filter).toEqual({ from: "2026-01-01", to: "2026-01-31", kind: "visningar", page: 3 });
  });

  it("names the field of an impossible date and of an end before the start", () => {
    expect(parseAuditFilter(new URLSearchParams("fran=2026-02-29")).errors).toEqual({ fran: "event.dateFormat" });
    expect(parseAuditFilter(new URLSearchParams("till=25/11/2026")).errors).toEqual({ till: "event.dateFormat" });
    expect(parseAuditFilter(new URLSearchParams("fran=2026-02-02&till=2026-02-01")).errors).toEqual({ till: "audit.filter.toBeforeFrom" });
    expect(parseAuditFilter(new URLSearchParams("fran=2026-02-02&till=2026-02-02")).errors).toEqual({});
  });

  it("treats a tampered kind or page as the default instead of failing", () => {
    expect(parseAuditFilter(new URLSearchParams("typ=allt&sida=x")).filter).toMatchObject({ kind: "alla", page: 1 });
    expect(parseAuditFilter(new URLSearchParams("sida=0")).filter.page).toBe(1);
  });

  it("keeps the filter in paging links", () => {
    expect(filterSearch({ fran: "2026-01-01", till: "", typ: "andringar" }, { sida: "2" })).toBe("?fran=2026-01-01&typ=andringar&sida=2");
    expect(filterSearch({ fran: "", till: "", typ: "alla" })).toBe("");
  });
});

describe("log rows in words", () => {
  it("describes a case step by its event and process, and an unknown action by its code", () => {
    const step = stepDetail("case.step", JSON.stringify({ process: "PATIENT_REQUEST", event: "APPOINT" }));
    expect(wordingText(describeAction("case.step", step))).toBe("Steg i ärende: Utse fast kontakt (Patienten begär fast vårdkontakt)");
    expect(describeAction("brand.new")).toEqual({ label: null, code: "brand.new", detail: null });
    expect(stepDetail("case.step", "inte json")).toBeNull();
  });

  it("writes times on Stockholm clocks to the second, in summer and in winter", () => {
    expect(logTime("2026-07-01T10:00:05.000Z")).toBe("2026-07-01 12:00:05");
    expect(logTime("2026-01-01T23:30:00.000Z")).toBe("2026-01-02 00:30:00");
  });
});
