// Seed §6.1.1: whether the patient sees a staff member's direct phone is decided per
// assignment, and that choice covers every phone number filed on the person.
import { describe, expect, it } from "vitest";
import { personalContactWayShownToPatient } from "../../machines/rules";

const hidden = { directPhoneVisibleToPatient: false, befattningCode: "207010" };
const shown = { directPhoneVisibleToPatient: true, befattningCode: "207010" };

describe("a personal contact way and the assignment's direct-phone choice", () => {
  it("hides every personal phone way while the direct phone is hidden", () => {
    expect(personalContactWayShownToPatient({ kind: "PHONE" }, hidden)).toBe(false);
  });

  it("shows the personal phone ways where the direct phone is shown", () => {
    expect(personalContactWayShownToPatient({ kind: "PHONE" }, shown)).toBe(true);
  });

  it("never hides a way that is not a phone", () => {
    expect(personalContactWayShownToPatient({ kind: "DIGITAL" }, hidden)).toBe(true);
    expect(personalContactWayShownToPatient({ kind: "E_SERVICE" }, hidden)).toBe(true);
  });

  it("never shows a handläggare's own ways, even where the direct phone is allowed (seed §5.1)", () => {
    const handlaggare = { directPhoneVisibleToPatient: true, befattningCode: "351012" };
    expect(personalContactWayShownToPatient({ kind: "PHONE" }, handlaggare)).toBe(false);
    expect(personalContactWayShownToPatient({ kind: "DIGITAL" }, handlaggare)).toBe(false);
  });
});
