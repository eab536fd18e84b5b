// Seed §6.1.1: whether the patient sees a staff member's direct phone is decided per
// assignment — also when the same number is filed as one of the person's contact ways.
import { describe, expect, it } from "vitest";
import { personalContactWayShownToPatient } from "../../machines/rules";

const phone = (value: string) => ({ kind: "PHONE", value });

describe("a personal contact way against a hidden direct phone", () => {
  it("hides a phone way with the direct phone's digits, however written", () => {
    expect(personalContactWayShownToPatient(phone("070-174 06 27"), { number: "0701740627", shown: false })).toBe(false);
  });

  it("shows it when the direct phone is shown, or is another number, or there is none", () => {
    expect(personalContactWayShownToPatient(phone("070-174 06 27"), { number: "070-174 06 27", shown: true })).toBe(true);
    expect(personalContactWayShownToPatient(phone("070-174 06 28"), { number: "070-174 06 27", shown: false })).toBe(true);
    expect(personalContactWayShownToPatient(phone("070-174 06 27"), { number: null, shown: false })).toBe(true);
  });

  it("never hides a way that is not a phone", () => {
    expect(personalContactWayShownToPatient({ kind: "DIGITAL", value: "0701740627" }, { number: "0701740627", shown: false })).toBe(true);
  });
});
