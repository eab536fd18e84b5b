import { describe, expect, it } from "vitest";
import { qualificationsOf } from "~/models/contact-view";

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
