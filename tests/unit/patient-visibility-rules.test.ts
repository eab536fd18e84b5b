// The rules of what the patient sees (machines/rules.ts, "What the patient sees"), each on
// both sides of its boundary.
import { describe, expect, it } from "vitest";
import { activeAt, directPhoneShownToPatient, endedBy, isHandlaggare, typAvFastKontakt } from "../../machines/rules";

const at = new Date("2026-11-26T12:00:00Z");
const before = new Date(at.getTime() - 1);
const after = new Date(at.getTime() + 1);

describe("activeAt and endedBy", () => {
  it("a contact runs from the instant it starts", () => {
    expect(activeAt({ startedAt: at, endedAt: null }, at)).toBe(true);
    expect(activeAt({ startedAt: after, endedAt: null }, at)).toBe(false);
    expect(endedBy({ endedAt: null }, at)).toBe(false);
  });

  it("a contact stops at the instant it ends (the replacement takes over at that instant)", () => {
    expect(activeAt({ startedAt: before, endedAt: after }, at)).toBe(true);
    expect(activeAt({ startedAt: before, endedAt: at }, at)).toBe(false);
    expect(endedBy({ endedAt: at }, at)).toBe(true);
    expect(endedBy({ endedAt: after }, at)).toBe(false);
  });

  it("a contact that has not started is neither active nor ended", () => {
    const future = { startedAt: after, endedAt: null };
    expect(activeAt(future, at) || endedBy(future, at)).toBe(false);
  });
});

describe("direct phone and personal contact ways", () => {
  it("shows the direct phone only where the assignment allows it", () => {
    expect(directPhoneShownToPatient({ directPhoneVisibleToPatient: true, befattningCode: "206011" })).toBe(true);
    expect(directPhoneShownToPatient({ directPhoneVisibleToPatient: false, befattningCode: "206011" })).toBe(false);
  });

  it("never shows a handläggare's direct phone, even where allowed (seed §5.1)", () => {
    expect(isHandlaggare("351012")).toBe(true);
    expect(isHandlaggare("352010")).toBe(false);
    expect(directPhoneShownToPatient({ directPhoneVisibleToPatient: true, befattningCode: "351012" })).toBe(false);
  });
});

describe("typAvFastKontakt (KV Typ av fast kontakt, 1.2.752.129.5.1.69)", () => {
  it("codes each kind, 4 only for the fast vårdkontakt with övergripande samordningsansvar", () => {
    expect(typAvFastKontakt({ kind: "FAST_VARDKONTAKT", overallCoordination: false })).toBe("1");
    expect(typAvFastKontakt({ kind: "FAST_VARDKONTAKT", overallCoordination: true })).toBe("4");
    expect(typAvFastKontakt({ kind: "FAST_LAKARKONTAKT", overallCoordination: false })).toBe("2");
    expect(typAvFastKontakt({ kind: "FAST_OMSORGSKONTAKT", overallCoordination: false })).toBe("3");
    expect(typAvFastKontakt({ kind: "ANNAN_FAST_KONTAKT", overallCoordination: false })).toBeNull();
  });
});
