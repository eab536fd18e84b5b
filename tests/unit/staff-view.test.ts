// A leaver is "leaving soon" from 30 days before the last day — the window in which the
// worklist shows them — and has left only after the last day itself.
import { describe, expect, it } from "vitest";
import { employmentStatus, employmentStatusText, latestEmploymentStart, qualificationDetails } from "~/models/staff-view";

describe("employment status", () => {
  it("is soon at 30 days before the last day, not at 31", () => {
    expect(employmentStatus("2026-12-25", "2026-11-25")).toEqual({ kind: "leaving", lastDay: "2026-12-25", daysLeft: 30, soon: true });
    expect(employmentStatus("2026-12-26", "2026-11-25")).toMatchObject({ daysLeft: 31, soon: false });
  });

  it("still counts the last day as employed, and has left the day after", () => {
    expect(employmentStatusText(employmentStatus("2026-11-25", "2026-11-25"))).toEqual({
      text: "Slutar 2026-11-25",
      warning: "Sista dagen är i dag",
    });
    expect(employmentStatusText(employmentStatus("2026-11-24", "2026-11-25"))).toEqual({ text: "Slutade 2026-11-24", warning: null });
    expect(employmentStatusText(employmentStatus(null, "2026-11-25"))).toBeNull();
  });

  it("takes the latest start among several employments", () => {
    expect(latestEmploymentStart([{ from: "2019-03-01" }, { from: "2024-08-15" }, { from: "2021-01-01" }])).toBe("2024-08-15");
    expect(latestEmploymentStart([])).toBeNull();
  });
});

describe("qualifications", () => {
  const base = {
    id: "s",
    legitimations: "",
    underskoterskaBevis: false,
    permanentUnderskoterskaFrom: null,
    permanentUnderskoterskaOnTitleDay: null,
    employmentEndDate: null,
    specialties: [],
    employments: [],
  };

  it("names legitimations, specialties and ST separately", () => {
    const q = qualificationDetails(
      { ...base, legitimations: "LK", specialties: [{ specialty: "ALLMANMEDICIN", status: "IN_TRAINING" }, { specialty: "GERIATRIK", status: "SPECIALIST" }] },
      "2026-11-25",
    );
    expect(q).toEqual({ legitimations: ["Läkare"], specialist: ["Geriatrik"], inTraining: ["Allmänmedicin"], underskoterska: null });
  });

  it("applies the undersköterska transitional rule only where permanent employment on 2023-07-01 is recorded", () => {
    const onTitleDay = (permanentUnderskoterskaFrom: string | null, permanentUnderskoterskaOnTitleDay: boolean | null, today = "2026-11-25") =>
      qualificationDetails({ ...base, permanentUnderskoterskaFrom, permanentUnderskoterskaOnTitleDay }, today).underskoterska;
    expect(onTitleDay("2023-07-01", true)).toMatch(/den 2023-07-01 \(registrerat\): omfattas av övergångsregeln.*2033-06-30/);
    expect(onTitleDay("2000-01-01", true, "2033-07-01")).toMatch(/gällde till och med 2033-06-30/);
    // A start date before the day is not the fact: not recorded, or recorded as no.
    expect(onTitleDay("2015-05-01", null)).toMatch(/sedan 2015-05-01.*Det är inte registrerat om personen var tillsvidareanställd/);
    expect(onTitleDay("2015-05-01", false)).toMatch(/inte bevis/);
    expect(onTitleDay("2023-07-02", null)).toMatch(/inte bevis/);
    expect(onTitleDay(null, null)).toBeNull();
  });
});
