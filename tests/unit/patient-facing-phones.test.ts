// A number held as a field and listed again among the ways shows once, as the way with its
// label and hours (app/fixed-contacts/patient-facing.ts phoneNotAmongWays).
import { describe, expect, it } from "vitest";
import { phoneNotAmongWays, type ContactWayView } from "~/fixed-contacts/patient-facing";

const way = (kind: ContactWayView["kind"], value: string): ContactWayView => ({ kind, label: "Arbetstelefon", value, contactTimes: "Vardagar 08–16" });

describe("phoneNotAmongWays", () => {
  it("drops the field when a phone way has the same digits, however written", () => {
    expect(phoneNotAmongWays("070-174 06 35", [way("PHONE", "0701740635")])).toBeNull();
  });

  it("keeps it when no phone way has that number", () => {
    expect(phoneNotAmongWays("070-174 06 35", [way("PHONE", "070-174 06 36")])).toBe("070-174 06 35");
    expect(phoneNotAmongWays("070-174 06 35", [way("DIGITAL", "0701740635")])).toBe("070-174 06 35");
    expect(phoneNotAmongWays("070-174 06 35", [])).toBe("070-174 06 35");
  });

  it("has nothing to show without a number", () => {
    expect(phoneNotAmongWays(null, [way("PHONE", "0701740635")])).toBeNull();
  });
});
