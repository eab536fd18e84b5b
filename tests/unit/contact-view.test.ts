import { describe, expect, it } from "vitest";
import { lacksOverallCoordination, qualificationsOf } from "~/models/contact-view";

describe("the övergripande samordningsansvar warning (seed §3.3.2)", () => {
  const fvk = (overallCoordination = false) => ({ kind: "FAST_VARDKONTAKT" as const, overallCoordination });

  it("stays quiet with one fast vårdkontakt and warns from two", () => {
    expect(lacksOverallCoordination([fvk()])).toBe(0);
    expect(lacksOverallCoordination([fvk(), fvk()])).toBe(2);
  });

  it("stays quiet when one of them holds the responsibility", () => {
    expect(lacksOverallCoordination([fvk(), fvk(true), fvk()])).toBe(0);
  });

  it("counts only fasta vårdkontakter, not a fast läkarkontakt", () => {
    expect(lacksOverallCoordination([fvk(), { kind: "FAST_LAKARKONTAKT", overallCoordination: false }])).toBe(0);
  });
});

describe("qualifications shown with a contact", () => {
  it("names legitimation, specialist competence, ST and the undersköterska title in Swedish", () => {
    expect(
      qualificationsOf({
        legitimations: "LK",
        underskoterskaBevis: false,
        specialties: [
          { specialty: "ALLMANMEDICIN", status: "SPECIALIST" },
          { specialty: "GERIATRIK", status: "IN_TRAINING" },
        ],
      }),
    ).toEqual(["Legitimerad läkare", "Specialist i allmänmedicin", "ST i geriatrik"]);
    expect(qualificationsOf({ legitimations: "", underskoterskaBevis: true, specialties: [] })).toEqual([
      "Undersköterska med bevis från Socialstyrelsen",
    ]);
  });
});
