// Unit tests for the legal rules (machines/rules.ts). Every rule is tested on both sides of
// its boundary, dates included. Builders return eligible facts; each test overrides only
// what it checks and asserts on the reason codes.
import { describe, expect, it } from "vitest";
import { ageOn } from "~/domain/identifiers";
import {
  type ActiveAssignmentFacts,
  type AppointerFacts,
  type AppointmentFacts,
  type CareGiverUnitFacts,
  type ContactKind,
  type NotificationEntry,
  type PatientFacts,
  type ProcessCode,
  type Reason,
  type StaffFacts,
  type UnitFacts,
  type Verdict,
  annanFastKontaktRules,
  careContactAtUnit,
  careRelationWindow,
  hasCurrentCareRelation,
  isHandlaggare,
  personIdentifiedToPatient,
  RECENT_CARE_DAYS,
  appointerMayAppoint,
  checkAppointment,
  checkReplacement,
  employedOn,
  fastLakarkontaktRules,
  fastOmsorgskontaktRules,
  fastVardkontaktRules,
  lacksOverallCoordination,
  lakareCompetence,
  notificationInsteadOfPatientRules,
  medicallyResponsibleReplacementRules,
  medicallyResponsibleRules,
  listingRules,
  notificationRules,
  overallCoordinationRules,
  referralDeadline,
  referralReceiverRules,
  referralSenderRules,
  referralSentLate,
  caseOpeningRules,
  refusalPossible,
  nextReviewDateRules,
  reviewDateRequiredFor,
  reviewOverdue,
  requestClosingRules,
  requestedContactRules,
  REQUEST_CLOSING_REASONS,
  reviewDateRules,
  sipCallDeadline,
  underskoterskaQualified,
} from "./rules";
import { addDays } from "~/domain/dates";
import {
  DATE_FIELDS,
  datePlausibility,
  EMPLOYMENT_PLANNED_HORIZON_DAYS,
  EXPECTED_DISCHARGE_HORIZON_DAYS,
  plannedWindow,
  REVIEW_HORIZON_DAYS,
  SIP_HORIZON_DAYS,
  WORKING_LIFE_YEARS,
  workingLifeWindow,
  type DateFacts,
} from "./date-plausibility";

// ───────────────────────────── Builders ────────────────────────────────────────────

const DATE = "2026-03-15";
const UNIT_ID = "unit-vc";
const OTHER_UNIT_ID = "unit-other";
const HOME_CARE_UNIT_ID = "unit-hemtjanst";
const STAFF_ID = "staff-1";

const unit = (o: Partial<UnitFacts> = {}): UnitFacts => ({
  id: UNIT_ID,
  kind: "REGIONAL_PRIMARVARD",
  regionallyFinanced: true,
  ...o,
});

/** A legitimerad läkare, specialist in allmänmedicin, employed at UNIT_ID until further notice. */
const staff = (o: Partial<StaffFacts> = {}): StaffFacts => ({
  id: STAFF_ID,
  legitimations: ["LK"],
  specialties: [{ specialty: "ALLMANMEDICIN", status: "SPECIALIST" }],
  underskoterskaBevis: false,
  permanentUnderskoterskaFrom: null,
  permanentUnderskoterskaOnTitleDay: null,
  employmentEndDate: null,
  employments: [{ careUnitId: UNIT_ID, from: "2020-01-01" }],
  ...o,
});

/** An undersköterska with bevis, employed at the hemtjänst unit. */
const underskoterska = (o: Partial<StaffFacts> = {}): StaffFacts =>
  staff({
    legitimations: [],
    specialties: [],
    underskoterskaBevis: true,
    employments: [{ careUnitId: HOME_CARE_UNIT_ID, from: "2020-01-01" }],
    ...o,
  });

/** A patient aged 50 on DATE, listed at UNIT_ID, with hemtjänst at HOME_CARE_UNIT_ID, no contacts. */
const patient = (o: Partial<PatientFacts> = {}): PatientFacts => ({
  id: "patient-1",
  birthDate: "1976-01-20",
  listings: [{ careUnitId: UNIT_ID, from: "2020-01-01", to: null }],
  homeCareServices: [{ careUnitId: HOME_CARE_UNIT_ID, from: "2024-01-01", to: null }],
  activeAssignments: [],
  ...o,
});

const appointer = (o: Partial<AppointerFacts> = {}): AppointerFacts => ({
  roleCode: "VERKSAMHETSCHEF",
  careUnitId: UNIT_ID,
  delegated: false,
  ...o,
});

const assignment = (o: Partial<ActiveAssignmentFacts> = {}): ActiveAssignmentFacts => ({
  id: "assignment-old",
  kind: "FAST_VARDKONTAKT",
  careUnitId: UNIT_ID,
  staffMemberId: "staff-old",
  overallCoordination: false,
  lifeThreatening: false,
  ...o,
});

/** A fast vårdkontakt appointed by the verksamhetschef on DATE: eligible as it stands. */
const appointment = (o: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  process: "PATIENT_REQUEST",
  kind: "FAST_VARDKONTAKT",
  date: DATE,
  unit: unit(),
  staff: staff(),
  patient: patient(),
  appointer: appointer(),
  lifeThreatening: false,
  overallCoordination: false,
  coordinationConsentDate: null,
  competenceJustification: null,
  roleTitle: null,
  contactAbout: null,
  replacesAssignmentId: null,
  ...o,
});

/** A fast läkarkontakt at the listing unit (DOCTOR_CHOICE): eligible as it stands. */
const lakarAppointment = (o: Partial<AppointmentFacts> = {}): AppointmentFacts =>
  appointment({ process: "DOCTOR_CHOICE", kind: "FAST_LAKARKONTAKT", ...o });

/** A fast omsorgskontakt at the hemtjänst unit, appointed by its enhetschef: eligible as it stands. */
const omsorgAppointment = (o: Partial<AppointmentFacts> = {}): AppointmentFacts =>
  appointment({
    process: "HOME_CARE_CONTACT",
    kind: "FAST_OMSORGSKONTAKT",
    unit: unit({ id: HOME_CARE_UNIT_ID, kind: "HEMTJANST", regionallyFinanced: false }),
    staff: underskoterska(),
    appointer: appointer({ roleCode: "ENHETSCHEF_HEMTJANST", careUnitId: HOME_CARE_UNIT_ID }),
    ...o,
  });

/** Another fixed contact with role and subject: eligible as it stands. */
const annanAppointment = (o: Partial<AppointmentFacts> = {}): AppointmentFacts =>
  appointment({ kind: "ANNAN_FAST_KONTAKT", roleTitle: "Dietist", contactAbout: "Kost och nutrition", ...o });

const codes = (x: Verdict | Reason[]): string[] =>
  Array.isArray(x) ? x.map((r) => r.code) : x.eligible ? [] : x.reasons.map((r) => r.code);

/** Birth date of someone who turns `age` on `date`. */
const bornYearsBefore = (date: string, age: number) => `${Number(date.slice(0, 4)) - age}${date.slice(4)}`;

// ───────────────────────────── employedOn ──────────────────────────────────────────

describe("employedOn", () => {
  const s = staff({ employments: [{ careUnitId: UNIT_ID, from: "2026-03-15" }], employmentEndDate: "2026-06-30" });

  it("refuses the day before the employment starts, naming the start date", () => {
    expect(employedOn(s, UNIT_ID, "2026-03-14")).toEqual([{ code: "employmentNotStarted", params: { date: "2026-03-15" } }]);
  });

  it("accepts on the first day of employment", () => {
    expect(employedOn(s, UNIT_ID, "2026-03-15")).toEqual([]);
  });

  it("accepts on the last day of employment", () => {
    expect(employedOn(s, UNIT_ID, "2026-06-30")).toEqual([]);
  });

  it("refuses the day after the last day of employment, naming the last day", () => {
    expect(employedOn(s, UNIT_ID, "2026-07-01")).toEqual([{ code: "employmentEnded", params: { date: "2026-06-30" } }]);
  });

  it("compares dates across month and year boundaries", () => {
    const t = staff({ employments: [{ careUnitId: UNIT_ID, from: "2026-01-01" }], employmentEndDate: "2026-12-31" });
    expect(codes(employedOn(t, UNIT_ID, "2025-12-31"))).toEqual(["employmentNotStarted"]);
    expect(codes(employedOn(t, UNIT_ID, "2026-01-01"))).toEqual([]);
    expect(codes(employedOn(t, UNIT_ID, "2026-12-31"))).toEqual([]);
    expect(codes(employedOn(t, UNIT_ID, "2027-01-01"))).toEqual(["employmentEnded"]);
  });

  it("accepts without an end date (employed until further notice)", () => {
    expect(employedOn(staff({ employmentEndDate: null }), UNIT_ID, "2099-12-31")).toEqual([]);
  });

  it("refuses someone not employed at the unit", () => {
    expect(codes(employedOn(s, OTHER_UNIT_ID, DATE))).toEqual(["notEmployedAtUnit"]);
    expect(codes(employedOn(staff({ employments: [] }), UNIT_ID, DATE))).toEqual(["notEmployedAtUnit"]);
  });

  it("uses the employment at the asked unit when there are several", () => {
    const t = staff({
      employments: [
        { careUnitId: OTHER_UNIT_ID, from: "2010-01-01" },
        { careUnitId: UNIT_ID, from: "2026-04-01" },
      ],
    });
    expect(codes(employedOn(t, OTHER_UNIT_ID, DATE))).toEqual([]);
    expect(codes(employedOn(t, UNIT_ID, DATE))).toEqual(["employmentNotStarted"]);
  });
});

// ───────────────────────────── underskoterskaQualified ─────────────────────────────

describe("underskoterskaQualified (SoL 3 kap. 3 d § and the transitional rule)", () => {
  /** No bevis; permanent undersköterska from a date, and the recorded fact about 2023-07-01. */
  const noBevis = (permanentUnderskoterskaFrom: string | null, permanentUnderskoterskaOnTitleDay: boolean | null = null) =>
    underskoterska({ underskoterskaBevis: false, permanentUnderskoterskaFrom, permanentUnderskoterskaOnTitleDay });

  it("accepts anyone with a bevis, also after the transition", () => {
    expect(underskoterskaQualified(underskoterska(), DATE)).toEqual([]);
    expect(underskoterskaQualified(underskoterska(), "2040-01-01")).toEqual([]);
  });

  it("accepts someone recorded as permanent undersköterska on 2023-07-01, up to and including 2033-06-30", () => {
    expect(underskoterskaQualified(noBevis("2023-07-01", true), DATE)).toEqual([]);
    expect(underskoterskaQualified(noBevis("2015-05-01", true), "2033-06-30")).toEqual([]);
    // The fact decides, also where no start date is known.
    expect(underskoterskaQualified(noBevis(null, true), DATE)).toEqual([]);
  });

  it("refuses the same person from 2033-07-01, naming the last day of the transition", () => {
    expect(underskoterskaQualified(noBevis("2023-07-01", true), "2033-07-01")).toEqual([
      { code: "transitionEnded", params: { date: "2033-06-30" } },
    ]);
  });

  it("refuses someone recorded as not permanently employed on 2023-07-01, whatever the start date says", () => {
    // Employed from 2015 but no longer so on the day: the start date alone would have let her through.
    expect(codes(underskoterskaQualified(noBevis("2015-05-01", false), DATE))).toEqual(["notUnderskoterska"]);
    expect(codes(underskoterskaQualified(noBevis(null, false), DATE))).toEqual(["notUnderskoterska"]);
  });

  it("says the fact is missing when it is not recorded for someone employed as undersköterska by 2023-07-01", () => {
    expect(underskoterskaQualified(noBevis("2023-07-01"), DATE)).toEqual([
      { code: "underskoterskaTitleDayNotRecorded", params: { date: "2023-07-01" } },
    ]);
    expect(codes(underskoterskaQualified(noBevis("2015-05-01"), DATE))).toEqual(["underskoterskaTitleDayNotRecorded"]);
  });

  it("refuses, not recorded, someone permanently employed only from 2023-07-02, and someone with neither", () => {
    expect(codes(underskoterskaQualified(noBevis("2023-07-02"), DATE))).toEqual(["notUnderskoterska"]);
    expect(codes(underskoterskaQualified(noBevis(null), DATE))).toEqual(["notUnderskoterska"]);
  });
});

// ───────────────────────────── lakareCompetence ────────────────────────────────────

describe("lakareCompetence (seed §2.3)", () => {
  const lakare = (specialties: StaffFacts["specialties"]) => staff({ specialties });

  it("accepts a specialist in allmänmedicin and a doctor in ST in allmänmedicin for any age", () => {
    for (const age of [0, 17, 18, 50, 64, 65, 99]) {
      expect(lakareCompetence(lakare([{ specialty: "ALLMANMEDICIN", status: "SPECIALIST" }]), age, null)).toEqual([]);
      expect(lakareCompetence(lakare([{ specialty: "ALLMANMEDICIN", status: "IN_TRAINING" }]), age, null)).toEqual([]);
    }
  });

  it("accepts a barn- och ungdomsmedicin specialist for a 17-year-old, never for an 18-year-old, justification or not", () => {
    const s = lakare([{ specialty: "BARN_OCH_UNGDOMSMEDICIN", status: "SPECIALIST" }]);
    expect(codes(lakareCompetence(s, 0, null))).toEqual([]);
    expect(codes(lakareCompetence(s, 17, null))).toEqual([]);
    expect(codes(lakareCompetence(s, 18, null))).toEqual(["lakareOutsideTargetGroup"]);
    expect(codes(lakareCompetence(s, 40, "Följer patienten sedan barndomen"))).toEqual(["lakareOutsideTargetGroup"]);
    expect(lakareCompetence(s, 18, null)).toEqual([{ code: "lakareOutsideTargetGroup", params: { childAge: 18, olderAge: 65 } }]);
  });

  it("accepts a geriatrik specialist from 65, never below, justification or not", () => {
    const s = lakare([{ specialty: "GERIATRIK", status: "SPECIALIST" }]);
    expect(codes(lakareCompetence(s, 5, "Likvärdig kompetens"))).toEqual(["lakareOutsideTargetGroup"]);
    expect(codes(lakareCompetence(s, 64, null))).toEqual(["lakareOutsideTargetGroup"]);
    expect(codes(lakareCompetence(s, 64, "Likvärdig kompetens"))).toEqual(["lakareOutsideTargetGroup"]);
    expect(codes(lakareCompetence(s, 65, null))).toEqual([]);
  });

  it("lets a doctor with both group specialties serve both groups but not the adults between them", () => {
    const s = lakare([
      { specialty: "BARN_OCH_UNGDOMSMEDICIN", status: "SPECIALIST" },
      { specialty: "GERIATRIK", status: "SPECIALIST" },
    ]);
    expect(codes(lakareCompetence(s, 17, null))).toEqual([]);
    expect(codes(lakareCompetence(s, 18, "Motivering"))).toEqual(["lakareOutsideTargetGroup"]);
    expect(codes(lakareCompetence(s, 64, "Motivering"))).toEqual(["lakareOutsideTargetGroup"]);
    expect(codes(lakareCompetence(s, 65, null))).toEqual([]);
  });

  it("judges a group specialist who also holds another specialty as 'annan specialistutbildad läkare' outside the group", () => {
    const s = lakare([
      { specialty: "BARN_OCH_UNGDOMSMEDICIN", status: "SPECIALIST" },
      { specialty: "INTERNMEDICIN", status: "SPECIALIST" },
    ]);
    expect(codes(lakareCompetence(s, 17, null))).toEqual([]);
    expect(codes(lakareCompetence(s, 18, null))).toEqual(["justificationRequired"]);
    expect(codes(lakareCompetence(s, 18, "Likvärdig kompetens: internmedicin och lång erfarenhet i primärvård"))).toEqual([]);
  });

  it("accepts a specialist in another specialty only with a non-blank justification", () => {
    const s = lakare([{ specialty: "INTERNMEDICIN", status: "SPECIALIST" }]);
    expect(codes(lakareCompetence(s, 50, "Likvärdig kompetens: lång erfarenhet i primärvård"))).toEqual([]);
    expect(codes(lakareCompetence(s, 50, null))).toEqual(["justificationRequired"]);
    expect(codes(lakareCompetence(s, 50, ""))).toEqual(["justificationRequired"]);
    expect(codes(lakareCompetence(s, 50, "  \t\n "))).toEqual(["justificationRequired"]);
  });

  it("refuses a doctor without specialties, and a doctor only in ST outside allmänmedicin, justification or not", () => {
    expect(codes(lakareCompetence(lakare([]), 50, "Motivering"))).toEqual(["lakareLacksCompetence"]);
    const st = lakare([{ specialty: "BARN_OCH_UNGDOMSMEDICIN", status: "IN_TRAINING" }]);
    expect(codes(lakareCompetence(st, 5, null))).toEqual(["lakareLacksCompetence"]);
    expect(codes(lakareCompetence(lakare([{ specialty: "GERIATRIK", status: "IN_TRAINING" }]), 80, "x"))).toEqual([
      "lakareLacksCompetence",
    ]);
  });

  it("refuses someone without läkarlegitimation, whatever the specialties", () => {
    expect(codes(lakareCompetence(staff({ legitimations: ["SJ"] }), 50, null))).toEqual(["notLegitimeradLakare"]);
    expect(codes(lakareCompetence(staff({ legitimations: [] }), 50, "Motivering"))).toEqual(["notLegitimeradLakare"]);
  });
});

// ───────────────────────────── fastLakarkontaktRules ───────────────────────────────

describe("fastLakarkontaktRules (HSL 7 kap. 3 §, PL 6 kap. 3 §)", () => {
  it("accepts the eligible defaults", () => {
    expect(codes(fastLakarkontaktRules(lakarAppointment()))).toEqual([]);
    expect(codes(checkAppointment(lakarAppointment()))).toEqual([]);
  });

  it("accepts a doctor in ST in allmänmedicin", () => {
    const a = lakarAppointment({ staff: staff({ specialties: [{ specialty: "ALLMANMEDICIN", status: "IN_TRAINING" }] }) });
    expect(codes(fastLakarkontaktRules(a))).toEqual([]);
  });

  describe("a barn- och ungdomsmedicin specialist around the patient's 18th birthday", () => {
    const barnlakare = staff({ specialties: [{ specialty: "BARN_OCH_UNGDOMSMEDICIN", status: "SPECIALIST" }] });
    const p = patient({ birthDate: "2008-03-15" });

    it("accepts the day before the 18th birthday (17 years old)", () => {
      expect(ageOn("2008-03-15", "2026-03-14")).toBe(17);
      expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: barnlakare, patient: p, date: "2026-03-14" })))).toEqual([]);
    });

    it("refuses on the 18th birthday, also with a justification (seed §2.3: for their group)", () => {
      expect(ageOn("2008-03-15", "2026-03-15")).toBe(18);
      const a = lakarAppointment({ staff: barnlakare, patient: p, date: "2026-03-15" });
      expect(codes(fastLakarkontaktRules(a))).toEqual(["lakareOutsideTargetGroup"]);
      expect(codes(fastLakarkontaktRules({ ...a, competenceJustification: "Kontinuitet" }))).toEqual(["lakareOutsideTargetGroup"]);
    });

    it("counts the birthday across a year boundary", () => {
      const q = patient({ birthDate: "2008-01-01" });
      expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: barnlakare, patient: q, date: "2025-12-31" })))).toEqual([]);
      expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: barnlakare, patient: q, date: "2026-01-01" })))).toEqual([
        "lakareOutsideTargetGroup",
      ]);
    });
  });

  describe("a geriatrik specialist around the patient's 65th birthday", () => {
    const geriatriker = staff({ specialties: [{ specialty: "GERIATRIK", status: "SPECIALIST" }] });
    const p = patient({ birthDate: bornYearsBefore("2026-03-15", 65) });

    it("refuses the day before the 65th birthday (64 years old), also with a justification", () => {
      expect(ageOn(p.birthDate, "2026-03-14")).toBe(64);
      const a = lakarAppointment({ staff: geriatriker, patient: p, date: "2026-03-14" });
      expect(codes(fastLakarkontaktRules(a))).toEqual(["lakareOutsideTargetGroup"]);
      expect(codes(fastLakarkontaktRules({ ...a, competenceJustification: "Likvärdig kompetens" }))).toEqual(["lakareOutsideTargetGroup"]);
    });

    it("accepts on the 65th birthday", () => {
      expect(ageOn(p.birthDate, "2026-03-15")).toBe(65);
      expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: geriatriker, patient: p, date: "2026-03-15" })))).toEqual([]);
    });
  });

  it("accepts a specialist in another specialty with a justification, not with an empty or blank one", () => {
    const s = staff({ specialties: [{ specialty: "INTERNMEDICIN", status: "SPECIALIST" }] });
    expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: s, competenceJustification: "Likvärdig kompetens" })))).toEqual([]);
    expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: s, competenceJustification: null })))).toEqual([
      "justificationRequired",
    ]);
    expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: s, competenceJustification: "" })))).toEqual([
      "justificationRequired",
    ]);
    expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: s, competenceJustification: "   " })))).toEqual([
      "justificationRequired",
    ]);
  });

  it("refuses a doctor without specialties", () => {
    expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: staff({ specialties: [] }) })))).toEqual([
      "lakareLacksCompetence",
    ]);
  });

  it("refuses someone without läkarlegitimation", () => {
    const sjukskoterska = staff({ legitimations: ["SJ"], specialties: [] });
    expect(codes(fastLakarkontaktRules(lakarAppointment({ staff: sjukskoterska })))).toEqual(["notLegitimeradLakare"]);
  });

  describe("listing at the unit", () => {
    const listedUntil = (to: string | null, from = "2020-01-01") =>
      patient({ listings: [{ careUnitId: UNIT_ID, from, to }] });

    it("refuses when the listing ended the day before", () => {
      expect(codes(fastLakarkontaktRules(lakarAppointment({ patient: listedUntil("2026-03-14") })))).toEqual(["patientNotListed"]);
    });

    it("accepts on the last day of the listing", () => {
      expect(codes(fastLakarkontaktRules(lakarAppointment({ patient: listedUntil(DATE) })))).toEqual([]);
    });

    it("refuses the day before the listing starts and accepts on its first day", () => {
      expect(codes(fastLakarkontaktRules(lakarAppointment({ patient: listedUntil(null, "2026-03-16") })))).toEqual([
        "patientNotListed",
      ]);
      expect(codes(fastLakarkontaktRules(lakarAppointment({ patient: listedUntil(null, DATE) })))).toEqual([]);
    });

    it("refuses when the patient is listed only at another unit, or nowhere", () => {
      const elsewhere = patient({ listings: [{ careUnitId: OTHER_UNIT_ID, from: "2020-01-01", to: null }] });
      expect(codes(fastLakarkontaktRules(lakarAppointment({ patient: elsewhere })))).toEqual(["patientNotListed"]);
      expect(codes(fastLakarkontaktRules(lakarAppointment({ patient: patient({ listings: [] }) })))).toEqual([
        "patientNotListed",
      ]);
    });

    it("accepts a current listing next to an ended one", () => {
      const p = patient({
        listings: [
          { careUnitId: UNIT_ID, from: "2018-01-01", to: "2019-12-31" },
          { careUnitId: UNIT_ID, from: "2026-03-01", to: null },
        ],
      });
      expect(codes(fastLakarkontaktRules(lakarAppointment({ patient: p })))).toEqual([]);
    });
  });

  it("refuses a unit that is not regional primary care, or not regionally financed", () => {
    for (const kind of ["SLUTENVARD", "KOMMUNAL_PRIMARVARD", "SPECIALISERAD_OPPENVARD", "HEMTJANST"] as const) {
      expect(codes(fastLakarkontaktRules(lakarAppointment({ unit: unit({ kind }) })))).toEqual(["unitNotRegionalPrimaryCare"]);
    }
    expect(codes(fastLakarkontaktRules(lakarAppointment({ unit: unit({ regionallyFinanced: false }) })))).toEqual([
      "unitNotRegionalPrimaryCare",
    ]);
  });

  describe("at most one fast läkarkontakt", () => {
    const existing = assignment({ id: "lk-old", kind: "FAST_LAKARKONTAKT", staffMemberId: "doctor-old" });

    it("refuses when the patient already has one", () => {
      const a = lakarAppointment({ patient: patient({ activeAssignments: [existing] }) });
      expect(codes(fastLakarkontaktRules(a))).toEqual(["doctorContactExists"]);
    });

    it("also counts one at another unit", () => {
      const a = lakarAppointment({ patient: patient({ activeAssignments: [{ ...existing, careUnitId: OTHER_UNIT_ID }] }) });
      expect(codes(fastLakarkontaktRules(a))).toEqual(["doctorContactExists"]);
    });

    it("accepts when the existing one is the one being replaced", () => {
      const a = lakarAppointment({ patient: patient({ activeAssignments: [existing] }), replacesAssignmentId: "lk-old" });
      expect(codes(fastLakarkontaktRules(a))).toEqual([]);
    });

    it("refuses when the replaced id is another assignment", () => {
      const a = lakarAppointment({ patient: patient({ activeAssignments: [existing] }), replacesAssignmentId: "something-else" });
      expect(codes(fastLakarkontaktRules(a))).toEqual(["doctorContactExists"]);
    });

    it("ignores other kinds of contact", () => {
      const others = [
        assignment({ id: "v", kind: "FAST_VARDKONTAKT" }),
        assignment({ id: "o", kind: "FAST_OMSORGSKONTAKT" }),
        assignment({ id: "a", kind: "ANNAN_FAST_KONTAKT" }),
      ];
      expect(codes(fastLakarkontaktRules(lakarAppointment({ patient: patient({ activeAssignments: others }) })))).toEqual([]);
    });
  });
});

// ───────────────────────────── fastVardkontaktRules ────────────────────────────────

describe("fastVardkontaktRules (PL 6 kap. 2 §, SOSFS 2011:7)", () => {
  const sjukskoterska = staff({ legitimations: ["SJ"], specialties: [] });

  it("accepts any health care staff, whatever the profession", () => {
    expect(codes(fastVardkontaktRules(appointment({ staff: sjukskoterska })))).toEqual([]);
    expect(codes(fastVardkontaktRules(appointment({ staff: staff({ legitimations: [], specialties: [] }) })))).toEqual([]);
  });

  it("accepts every health care unit kind", () => {
    for (const kind of ["SLUTENVARD", "REGIONAL_PRIMARVARD", "KOMMUNAL_PRIMARVARD", "SPECIALISERAD_OPPENVARD"] as const) {
      expect(codes(fastVardkontaktRules(appointment({ unit: unit({ kind, regionallyFinanced: false }) })))).toEqual([]);
    }
  });

  it("refuses a hemtjänst unit", () => {
    expect(codes(fastVardkontaktRules(appointment({ unit: unit({ kind: "HEMTJANST" }) })))).toEqual(["unitNotHealthCare"]);
  });

  it("requires a legitimerad läkare in a life-threatening condition", () => {
    expect(codes(fastVardkontaktRules(appointment({ staff: sjukskoterska, lifeThreatening: true })))).toEqual([
      "notLegitimeradLakare",
    ]);
    expect(codes(fastVardkontaktRules(appointment({ staff: staff(), lifeThreatening: true })))).toEqual([]);
  });

  it("requires the läkare in the region's care, not in municipal care (SOSFS 2011:7 2 kap. 3 §)", () => {
    // The region's units: the läkare requirement holds.
    for (const kind of ["SLUTENVARD", "REGIONAL_PRIMARVARD", "SPECIALISERAD_OPPENVARD"] as const) {
      expect(codes(fastVardkontaktRules(appointment({ staff: sjukskoterska, lifeThreatening: true, unit: unit({ kind }) })))).toEqual([
        "notLegitimeradLakare",
      ]);
    }
    // Kommunal primärvård: the regulation does not bind it, a sjuksköterska may be appointed.
    const kommunal = unit({ kind: "KOMMUNAL_PRIMARVARD", regionallyFinanced: false });
    expect(codes(fastVardkontaktRules(appointment({ staff: sjukskoterska, lifeThreatening: true, unit: kommunal })))).toEqual([]);
    expect(codes(fastVardkontaktRules(appointment({ staff: staff(), lifeThreatening: true, unit: kommunal })))).toEqual([]);
  });

  it("reports both a wrong unit and a missing läkare", () => {
    const a = appointment({ staff: sjukskoterska, lifeThreatening: true, unit: unit({ kind: "HEMTJANST" }) });
    expect(codes(fastVardkontaktRules(a))).toEqual(["unitNotHealthCare", "notLegitimeradLakare"]);
  });
});

// ───────────────────────────── fastOmsorgskontaktRules ─────────────────────────────

describe("fastOmsorgskontaktRules (SoL 4 kap. 2 b §)", () => {
  const withHomeCare = (from: string, to: string | null, careUnitId = HOME_CARE_UNIT_ID) =>
    patient({ homeCareServices: [{ careUnitId, from, to }] });

  it("accepts the eligible defaults", () => {
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment()))).toEqual([]);
    expect(codes(checkAppointment(omsorgAppointment()))).toEqual([]);
  });

  it("refuses a unit that is not hemtjänst (without also checking hemtjänst there)", () => {
    for (const kind of ["SLUTENVARD", "REGIONAL_PRIMARVARD", "KOMMUNAL_PRIMARVARD", "SPECIALISERAD_OPPENVARD"] as const) {
      const a = omsorgAppointment({ unit: unit({ id: HOME_CARE_UNIT_ID, kind }) });
      expect(codes(fastOmsorgskontaktRules(a))).toEqual(["unitNotHomeCare"]);
    }
  });

  it("accepts on the last day of the hemtjänst and refuses the day after", () => {
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ patient: withHomeCare("2024-01-01", DATE) })))).toEqual([]);
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ patient: withHomeCare("2024-01-01", "2026-03-14") })))).toEqual([
      "noHomeCareAtUnit",
    ]);
  });

  it("accepts on the first day of the hemtjänst and refuses the day before", () => {
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ patient: withHomeCare(DATE, null) })))).toEqual([]);
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ patient: withHomeCare("2026-03-16", null) })))).toEqual([
      "noHomeCareAtUnit",
    ]);
  });

  it("refuses when the hemtjänst is carried out by another unit, or there is none", () => {
    const elsewhere = withHomeCare("2024-01-01", null, "unit-other-hemtjanst");
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ patient: elsewhere })))).toEqual(["noHomeCareAtUnit"]);
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ patient: patient({ homeCareServices: [] }) })))).toEqual([
      "noHomeCareAtUnit",
    ]);
  });

  it("requires an undersköterska, and applies the transition date to the appointment date", () => {
    const notUsk = underskoterska({ underskoterskaBevis: false, permanentUnderskoterskaFrom: null });
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ staff: notUsk })))).toEqual(["notUnderskoterska"]);
    const transition = underskoterska({ underskoterskaBevis: false, permanentUnderskoterskaFrom: "2023-07-01", permanentUnderskoterskaOnTitleDay: true });
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ staff: transition, date: "2033-06-30" })))).toEqual([]);
    expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ staff: transition, date: "2033-07-01" })))).toEqual([
      "transitionEnded",
    ]);
  });

  describe("one fast omsorgskontakt per patient and unit", () => {
    const existing = assignment({ id: "fo-old", kind: "FAST_OMSORGSKONTAKT", careUnitId: HOME_CARE_UNIT_ID });

    it("refuses when the patient has one at this unit", () => {
      const a = omsorgAppointment({ patient: patient({ activeAssignments: [existing] }) });
      expect(codes(fastOmsorgskontaktRules(a))).toEqual(["careContactExistsAtUnit"]);
    });

    it("accepts when the patient's one is at another unit", () => {
      const a = omsorgAppointment({ patient: patient({ activeAssignments: [{ ...existing, careUnitId: "unit-other-hemtjanst" }] }) });
      expect(codes(fastOmsorgskontaktRules(a))).toEqual([]);
    });

    it("accepts when the existing one is the one being replaced", () => {
      const a = omsorgAppointment({ patient: patient({ activeAssignments: [existing] }), replacesAssignmentId: "fo-old" });
      expect(codes(fastOmsorgskontaktRules(a))).toEqual([]);
    });

    it("ignores other kinds of contact at the unit", () => {
      const other = assignment({ id: "x", kind: "ANNAN_FAST_KONTAKT", careUnitId: HOME_CARE_UNIT_ID });
      expect(codes(fastOmsorgskontaktRules(omsorgAppointment({ patient: patient({ activeAssignments: [other] }) })))).toEqual([]);
    });
  });
});

// ───────────────────────────── annanFastKontaktRules ───────────────────────────────

describe("annanFastKontaktRules (seed §5)", () => {
  it("accepts a role and a subject", () => {
    expect(codes(annanFastKontaktRules(annanAppointment()))).toEqual([]);
    expect(codes(checkAppointment(annanAppointment()))).toEqual([]);
  });

  it("requires the role title (null, empty or whitespace)", () => {
    for (const roleTitle of [null, "", "   ", "\t\n"]) {
      expect(codes(annanFastKontaktRules(annanAppointment({ roleTitle })))).toEqual(["roleTitleRequired"]);
    }
  });

  it("requires what to contact it about (null, empty or whitespace)", () => {
    for (const contactAbout of [null, "", "   "]) {
      expect(codes(annanFastKontaktRules(annanAppointment({ contactAbout })))).toEqual(["contactAboutRequired"]);
    }
  });

  it("reports both when both are missing", () => {
    expect(codes(annanFastKontaktRules(annanAppointment({ roleTitle: " ", contactAbout: null })))).toEqual([
      "roleTitleRequired",
      "contactAboutRequired",
    ]);
  });
});

// ───────────────────────────── overallCoordinationRules ────────────────────────────

describe("overallCoordinationRules (seed §3.3.2)", () => {
  const coordinating = (o: Partial<AppointmentFacts> = {}) =>
    appointment({ overallCoordination: true, coordinationConsentDate: "2026-03-01", ...o });

  it("does not apply when no coordination is asked for", () => {
    const a = appointment({
      kind: "FAST_LAKARKONTAKT",
      overallCoordination: false,
      patient: patient({ activeAssignments: [assignment({ overallCoordination: true })] }),
    });
    expect(overallCoordinationRules(a)).toEqual([]);
  });

  it("accepts a fast vårdkontakt with earlier consent", () => {
    expect(codes(overallCoordinationRules(coordinating()))).toEqual([]);
    expect(codes(checkAppointment(coordinating()))).toEqual([]);
  });

  it("needs the consent to be recorded", () => {
    expect(codes(overallCoordinationRules(coordinating({ coordinationConsentDate: null })))).toEqual(["coordinationNeedsConsent"]);
  });

  it("accepts consent on the appointment date, not the day after", () => {
    expect(codes(overallCoordinationRules(coordinating({ coordinationConsentDate: DATE })))).toEqual([]);
    expect(codes(overallCoordinationRules(coordinating({ coordinationConsentDate: "2026-03-16" })))).toEqual([
      "coordinationNeedsConsent",
    ]);
  });

  it("only for a fast vårdkontakt", () => {
    for (const kind of ["FAST_LAKARKONTAKT", "FAST_OMSORGSKONTAKT", "ANNAN_FAST_KONTAKT"] as const) {
      expect(codes(overallCoordinationRules(coordinating({ kind })))).toEqual(["coordinationOnlyForVardkontakt"]);
    }
  });

  it("at most one at a time, unless the existing one is being replaced", () => {
    const existing = assignment({ id: "fvk-coord", overallCoordination: true, careUnitId: OTHER_UNIT_ID });
    const p = patient({ activeAssignments: [existing] });
    expect(codes(overallCoordinationRules(coordinating({ patient: p })))).toEqual(["coordinationExists"]);
    expect(codes(overallCoordinationRules(coordinating({ patient: p, replacesAssignmentId: "fvk-coord" })))).toEqual([]);
  });

  it("does not count active contacts without coordination", () => {
    const p = patient({ activeAssignments: [assignment({ id: "fvk-1" }), assignment({ id: "fvk-2" })] });
    expect(codes(overallCoordinationRules(coordinating({ patient: p })))).toEqual([]);
  });

  it("reports every problem at once", () => {
    const p = patient({ activeAssignments: [assignment({ overallCoordination: true })] });
    const a = coordinating({ kind: "ANNAN_FAST_KONTAKT", coordinationConsentDate: null, patient: p });
    expect(codes(overallCoordinationRules(a))).toEqual([
      "coordinationOnlyForVardkontakt",
      "coordinationNeedsConsent",
      "coordinationExists",
    ]);
  });
});

// ───────────────────────────── appointerMayAppoint ─────────────────────────────────

describe("appointerMayAppoint", () => {
  const KINDS: ContactKind[] = ["FAST_LAKARKONTAKT", "FAST_VARDKONTAKT", "ANNAN_FAST_KONTAKT"];
  const check = (kind: ContactKind, a: Partial<AppointerFacts>, process: ProcessCode = "PATIENT_REQUEST") =>
    codes(appointerMayAppoint({ kind, process, unit: unit(), appointer: appointer(a) }));

  it("lets the verksamhetschef appoint every health care contact", () => {
    for (const kind of KINDS) expect(check(kind, { roleCode: "VERKSAMHETSCHEF" })).toEqual([]);
  });

  it("lets delegated vårdpersonal appoint every health care contact, a fast läkarkontakt included (decision 018)", () => {
    const delegated = { roleCode: "VARDPERSONAL", delegated: true };
    expect(check("FAST_VARDKONTAKT", delegated)).toEqual([]);
    expect(check("ANNAN_FAST_KONTAKT", delegated)).toEqual([]);
    expect(check("FAST_LAKARKONTAKT", delegated)).toEqual([]);
    expect(check("FAST_LAKARKONTAKT", delegated, "DOCTOR_CHOICE")).toEqual([]);
    expect(check("FAST_LAKARKONTAKT", { roleCode: "VARDPERSONAL", delegated: false }, "DOCTOR_CHOICE")).toEqual([
      "appointerNotVerksamhetschef",
    ]);
  });

  it("refuses vårdpersonal without delegation", () => {
    for (const kind of KINDS) expect(check(kind, { roleCode: "VARDPERSONAL", delegated: false })).toEqual(["appointerNotVerksamhetschef"]);
  });

  it("lets only the enhetschef for hemtjänst appoint a fast omsorgskontakt", () => {
    const hemtjanst = unit({ id: HOME_CARE_UNIT_ID, kind: "HEMTJANST" });
    const omsorg = (a: Partial<AppointerFacts>) =>
      codes(
        appointerMayAppoint({
          kind: "FAST_OMSORGSKONTAKT",
          process: "HOME_CARE_CONTACT",
          unit: hemtjanst,
          appointer: appointer({ careUnitId: HOME_CARE_UNIT_ID, ...a }),
        }),
      );
    expect(omsorg({ roleCode: "ENHETSCHEF_HEMTJANST" })).toEqual([]);
    expect(omsorg({ roleCode: "VERKSAMHETSCHEF" })).toEqual(["appointerNotEnhetschef"]);
    expect(omsorg({ roleCode: "VARDPERSONAL", delegated: true })).toEqual(["appointerNotEnhetschef"]);
    expect(omsorg({ roleCode: "ADMINISTRATOR" })).toEqual(["appointerNotEnhetschef"]);
  });

  it("does not let the enhetschef for hemtjänst appoint health care contacts", () => {
    for (const kind of KINDS) expect(check(kind, { roleCode: "ENHETSCHEF_HEMTJANST" })).toEqual(["appointerNotVerksamhetschef"]);
  });

  it("gives the administrator no right of its own, in a CHANGE neither (decision 018 supersedes 006)", () => {
    for (const process of ["PATIENT_REQUEST", "ASSESSMENT", "LIFE_THREATENING", "DOCTOR_CHOICE", "ENDING", "CHANGE"] as const) {
      for (const kind of KINDS) expect(check(kind, { roleCode: "ADMINISTRATOR" }, process)).toEqual(["appointerNotVerksamhetschef"]);
    }
  });

  it("lets an administrator holding the verksamhetschef's delegation carry out a CHANGE", () => {
    for (const kind of KINDS) expect(check(kind, { roleCode: "ADMINISTRATOR", delegated: true }, "CHANGE")).toEqual([]);
  });

  it("never lets a fast omsorgskontakt be appointed on a delegation, in a CHANGE neither (SoL, decision 018)", () => {
    const hemtjanst = unit({ id: HOME_CARE_UNIT_ID, kind: "HEMTJANST" });
    const omsorg = (a: Partial<AppointerFacts>) =>
      codes(appointerMayAppoint({ kind: "FAST_OMSORGSKONTAKT", process: "CHANGE", unit: hemtjanst, appointer: appointer({ careUnitId: HOME_CARE_UNIT_ID, ...a }) }));
    expect(omsorg({ roleCode: "ADMINISTRATOR", delegated: true })).toEqual(["appointerNotEnhetschef"]);
    expect(omsorg({ roleCode: "ADMINISTRATOR" })).toEqual(["appointerNotEnhetschef"]);
    expect(omsorg({ roleCode: "ENHETSCHEF_HEMTJANST" })).toEqual([]);
  });

  it("refuses anyone, whatever the role, from another unit", () => {
    expect(check("FAST_VARDKONTAKT", { roleCode: "VERKSAMHETSCHEF", careUnitId: OTHER_UNIT_ID })).toEqual(["appointerOtherUnit"]);
    expect(check("FAST_VARDKONTAKT", { roleCode: "ADMINISTRATOR", careUnitId: OTHER_UNIT_ID, delegated: true }, "CHANGE")).toEqual([
      "appointerOtherUnit",
    ]);
    expect(check("FAST_OMSORGSKONTAKT", { roleCode: "ENHETSCHEF_HEMTJANST", careUnitId: OTHER_UNIT_ID })).toEqual([
      "appointerOtherUnit",
    ]);
  });
});

// ───────────────────────────── checkAppointment ────────────────────────────────────

describe("checkAppointment", () => {
  it("returns eligible for the defaults of every kind", () => {
    expect(checkAppointment(appointment())).toEqual({ eligible: true });
    expect(checkAppointment(lakarAppointment())).toEqual({ eligible: true });
    expect(checkAppointment(omsorgAppointment())).toEqual({ eligible: true });
    expect(checkAppointment(annanAppointment())).toEqual({ eligible: true });
  });

  it("checks employment at the unit on the date for every kind", () => {
    const ended = { employmentEndDate: "2026-03-14" };
    expect(codes(checkAppointment(appointment({ staff: staff(ended) })))).toEqual(["employmentEnded"]);
    expect(codes(checkAppointment(lakarAppointment({ staff: staff(ended) })))).toEqual(["employmentEnded"]);
    expect(codes(checkAppointment(omsorgAppointment({ staff: underskoterska(ended) })))).toEqual(["employmentEnded"]);
    expect(codes(checkAppointment(annanAppointment({ staff: staff({ employments: [] }) })))).toEqual(["notEmployedAtUnit"]);
    expect(codes(checkAppointment(appointment({ staff: staff({ employmentEndDate: DATE }) })))).toEqual([]);
  });

  it("applies only the rules of the kind asked for", () => {
    // A sjuksköterska is fine as fast vårdkontakt, not as fast läkarkontakt.
    const sjukskoterska = staff({ legitimations: ["SJ"], specialties: [] });
    expect(codes(checkAppointment(appointment({ staff: sjukskoterska })))).toEqual([]);
    expect(codes(checkAppointment(lakarAppointment({ staff: sjukskoterska })))).toEqual(["notLegitimeradLakare"]);
    // Another fixed contact does not need a role for a fast vårdkontakt.
    expect(codes(checkAppointment(appointment({ roleTitle: null, contactAbout: null })))).toEqual([]);
  });

  it("composes the reasons of every rule, in order", () => {
    const a = lakarAppointment({
      staff: staff({ legitimations: ["SJ"], employments: [] }),
      unit: unit({ regionallyFinanced: false }),
      patient: patient({
        listings: [],
        activeAssignments: [assignment({ kind: "FAST_LAKARKONTAKT", id: "lk-old" }), assignment({ overallCoordination: true })],
      }),
      overallCoordination: true,
      appointer: appointer({ careUnitId: OTHER_UNIT_ID }),
    });
    const v = checkAppointment(a);
    expect(v.eligible).toBe(false);
    expect(codes(v)).toEqual([
      "notEmployedAtUnit",
      "unitNotRegionalPrimaryCare",
      "patientNotListed",
      "notLegitimeradLakare",
      "doctorContactExists",
      "coordinationOnlyForVardkontakt",
      "coordinationNeedsConsent",
      "coordinationExists",
      "appointerOtherUnit",
    ]);
  });

  it("keeps the reasons' parameters", () => {
    const a = omsorgAppointment({
      date: "2033-07-01",
      staff: underskoterska({
        underskoterskaBevis: false,
        permanentUnderskoterskaFrom: "2020-01-01",
        permanentUnderskoterskaOnTitleDay: true,
        employments: [{ careUnitId: HOME_CARE_UNIT_ID, from: "2034-01-01" }],
      }),
    });
    expect(checkAppointment(a)).toEqual({
      eligible: false,
      reasons: [
        { code: "employmentNotStarted", params: { date: "2034-01-01" } },
        { code: "transitionEnded", params: { date: "2033-06-30" } },
      ],
    });
  });
});

// ───────────────────────────── checkReplacement ────────────────────────────────────

describe("checkReplacement (Bilaga 1.5)", () => {
  const change = (o: Partial<AppointmentFacts> = {}) => appointment({ process: "CHANGE", ...o });
  const old = assignment({ id: "fvk-old", staffMemberId: "staff-old" });

  it("accepts another person of the same kind at the same unit", () => {
    const a = change({ patient: patient({ activeAssignments: [old] }) });
    expect(checkReplacement(old, a)).toEqual({ eligible: true });
  });

  it("refuses when the replaced assignment is not active", () => {
    expect(codes(checkReplacement(null, change()))).toEqual(["replacedNotActive"]);
  });

  it("refuses the same person", () => {
    expect(codes(checkReplacement({ ...old, staffMemberId: STAFF_ID }, change()))).toEqual(["replacementIsSamePerson"]);
  });

  it("refuses a change of kind", () => {
    expect(codes(checkReplacement({ ...old, kind: "ANNAN_FAST_KONTAKT" }, change()))).toEqual(["replacementChangesKind"]);
  });

  it("refuses a change of unit", () => {
    expect(codes(checkReplacement({ ...old, careUnitId: OTHER_UNIT_ID }, change()))).toEqual(["replacementChangesUnit"]);
  });

  it("keeps a legitimerad läkare for a life-threatening case even when the new facts say otherwise", () => {
    const replaced = { ...old, lifeThreatening: true };
    const sjukskoterska = staff({ legitimations: ["SJ"], specialties: [] });
    expect(codes(checkReplacement(replaced, change({ staff: sjukskoterska, lifeThreatening: false })))).toEqual([
      "notLegitimeradLakare",
    ]);
    expect(codes(checkReplacement(replaced, change({ staff: staff(), lifeThreatening: false })))).toEqual([]);
    // Without the life-threatening condition a sjuksköterska may replace.
    expect(codes(checkReplacement(old, change({ staff: sjukskoterska })))).toEqual([]);
  });

  it("keeps the övergripande samordningsansvar with its consent, not counting the replaced one as another", () => {
    const replaced = { ...old, overallCoordination: true };
    const p = patient({ activeAssignments: [replaced] });
    expect(codes(checkReplacement(replaced, change({ patient: p, coordinationConsentDate: null })))).toEqual([
      "coordinationNeedsConsent",
    ]);
    expect(codes(checkReplacement(replaced, change({ patient: p, coordinationConsentDate: "2025-01-01" })))).toEqual([]);
  });

  it("does not count the replaced fast läkarkontakt as an existing one", () => {
    const replaced = assignment({ id: "lk-old", kind: "FAST_LAKARKONTAKT", staffMemberId: "doctor-old" });
    const a = lakarAppointment({ process: "CHANGE", patient: patient({ activeAssignments: [replaced] }) });
    expect(codes(checkReplacement(replaced, a))).toEqual([]);
  });

  it("still checks the replacement's own eligibility, e.g. employment and appointer", () => {
    const a = change({ staff: staff({ employmentEndDate: "2026-03-14" }), appointer: appointer({ roleCode: "VARDPERSONAL" }) });
    expect(codes(checkReplacement(old, a))).toEqual(["employmentEnded", "appointerNotVerksamhetschef"]);
  });

  it("lets the administrator carry out the change only on the verksamhetschef's delegation", () => {
    expect(codes(checkReplacement(old, change({ appointer: appointer({ roleCode: "ADMINISTRATOR", delegated: true }) })))).toEqual([]);
    expect(codes(checkReplacement(old, change({ appointer: appointer({ roleCode: "ADMINISTRATOR" }) })))).toEqual([
      "appointerNotVerksamhetschef",
    ]);
  });

  it("combines its own reasons with the appointment's", () => {
    const replaced = { ...old, staffMemberId: STAFF_ID, lifeThreatening: true, careUnitId: OTHER_UNIT_ID };
    const a = change({ staff: staff({ legitimations: [] }) });
    expect(codes(checkReplacement(replaced, a))).toEqual([
      "replacementIsSamePerson",
      "replacementChangesUnit",
      "notLegitimeradLakare",
    ]);
  });
});

// ───────────────────────────── Process-level rules ─────────────────────────────────

describe("refusalPossible", () => {
  it.each(["ASSESSMENT", "DISCHARGE_REFERRAL", "HOME_CARE_CONTACT"] as const)("%s offers a contact that may be refused", (p) => {
    expect(refusalPossible(p)).toEqual({ eligible: true });
  });

  it.each(["PATIENT_REQUEST", "LIFE_THREATENING", "CHANGE", "ENDING", "DOCTOR_CHOICE"] as const)("%s has no refusal", (p) => {
    expect(codes(refusalPossible(p))).toEqual(["refusalNotOffered"]);
  });
});

describe("referralReceiverRules (lag 2017:612 2 kap. 5 §)", () => {
  const FROM = "unit-slutenvard";

  it("accepts regional primary care and specialised open care", () => {
    expect(referralReceiverRules(FROM, unit({ kind: "REGIONAL_PRIMARVARD" }))).toEqual({ eligible: true });
    expect(referralReceiverRules(FROM, unit({ kind: "SPECIALISERAD_OPPENVARD" }))).toEqual({ eligible: true });
  });

  it.each(["SLUTENVARD", "KOMMUNAL_PRIMARVARD", "HEMTJANST"] as const)("refuses a %s unit", (kind) => {
    expect(codes(referralReceiverRules(FROM, unit({ kind })))).toEqual(["referralReceiverNotOpenCare"]);
  });

  it("requires the open care unit to be regionally financed (regionfinansierad öppen vård)", () => {
    for (const kind of ["REGIONAL_PRIMARVARD", "SPECIALISERAD_OPPENVARD"] as const) {
      expect(referralReceiverRules(FROM, unit({ kind, regionallyFinanced: true }))).toEqual({ eligible: true });
      expect(codes(referralReceiverRules(FROM, unit({ kind, regionallyFinanced: false })))).toEqual([
        "referralReceiverNotRegionallyFinanced",
      ]);
    }
  });

  it("names the wrong kind of unit, not its financing, when it is no open care at all", () => {
    expect(codes(referralReceiverRules(FROM, unit({ kind: "KOMMUNAL_PRIMARVARD", regionallyFinanced: false })))).toEqual([
      "referralReceiverNotOpenCare",
    ]);
  });

  it("refuses sending to the same unit", () => {
    expect(codes(referralReceiverRules(UNIT_ID, unit()))).toEqual(["referralToSameUnit"]);
    expect(codes(referralReceiverRules(FROM, unit({ id: FROM, kind: "SLUTENVARD" })))).toEqual([
      "referralToSameUnit",
      "referralReceiverNotOpenCare",
    ]);
  });
});

describe("referralSenderRules and caseOpeningRules (lag 2017:612: the slutenvård sends)", () => {
  it("a discharge case opens at the slutenvård", () => {
    expect(referralSenderRules({ kind: "SLUTENVARD" })).toEqual([]);
    expect(caseOpeningRules("DISCHARGE_REFERRAL", unit({ kind: "SLUTENVARD", regionallyFinanced: false }))).toEqual({ eligible: true });
  });

  it.each(["REGIONAL_PRIMARVARD", "KOMMUNAL_PRIMARVARD", "SPECIALISERAD_OPPENVARD", "HEMTJANST"] as const)(
    "a discharge case does not open at a %s unit",
    (kind) => {
      expect(codes(referralSenderRules({ kind }))).toEqual(["referralSenderNotInpatientCare"]);
      expect(codes(caseOpeningRules("DISCHARGE_REFERRAL", unit({ kind })))).toEqual(["referralSenderNotInpatientCare"]);
    },
  );

  it("other processes open where processAppliesAt says they apply", () => {
    expect(caseOpeningRules("DOCTOR_CHOICE", unit())).toEqual({ eligible: true });
    expect(codes(caseOpeningRules("DOCTOR_CHOICE", unit({ regionallyFinanced: false })))).toEqual(["processNotAtUnit"]);
    expect(caseOpeningRules("HOME_CARE_CONTACT", unit({ kind: "HEMTJANST" }))).toEqual({ eligible: true });
    expect(codes(caseOpeningRules("LIFE_THREATENING", unit({ kind: "HEMTJANST" })))).toEqual(["processNotAtUnit"]);
    expect(caseOpeningRules("CHANGE", unit({ kind: "HEMTJANST" }))).toEqual({ eligible: true });
  });
});

describe("referralSentLate (lag 2017:612: within 24 hours)", () => {
  const ADMITTED = "2026-03-10T08:00:00.000Z";
  const due = referralDeadline(ADMITTED, ADMITTED);

  it("exactly 24 h 0 min after admission is in time; 24 h + 1 min is late", () => {
    expect(referralSentLate(due, "2026-03-11T08:00:00.000Z")).toBe(false);
    expect(referralSentLate(due, "2026-03-11T08:01:00.000Z")).toBe(true);
  });

  it("the boundary is the instant: a millisecond before is in time, a millisecond after is late", () => {
    expect(referralSentLate(due, "2026-03-11T07:59:59.999Z")).toBe(false);
    expect(referralSentLate(due, "2026-03-11T08:00:00.001Z")).toBe(true);
  });

  it("from a late assessment the 24 hours run from the assessment", () => {
    const fromAssessment = referralDeadline(ADMITTED, "2026-03-11T10:00:00.000Z");
    expect(referralSentLate(fromAssessment, "2026-03-12T10:00:00.000Z")).toBe(false);
    expect(referralSentLate(fromAssessment, "2026-03-12T10:01:00.000Z")).toBe(true);
  });

  it("counts elapsed hours across the autumn DST change: 24 h later shows one hour earlier on Stockholm clocks", () => {
    // Admitted Saturday 2026-10-24 10:00 CEST (08:00 UTC); clocks go back on Sunday 03:00 → 02:00.
    const autumn = referralDeadline("2026-10-24T08:00:00.000Z", "2026-10-24T08:00:00.000Z");
    expect(autumn).toBe("2026-10-25T08:00:00.000Z"); // Sunday 09:00 CET
    expect(referralSentLate(autumn, "2026-10-25T08:00:00.000Z")).toBe(false); // 09:00 on the clock
    expect(referralSentLate(autumn, "2026-10-25T08:01:00.000Z")).toBe(true); // 09:01
    expect(referralSentLate(autumn, "2026-10-25T09:00:00.000Z")).toBe(true); // 10:00, "the same time next day": 25 h
  });

  it("counts elapsed hours across the spring DST change: 24 h later shows one hour later on Stockholm clocks", () => {
    // Admitted Saturday 2026-03-28 10:00 CET (09:00 UTC); clocks go forward on Sunday 02:00 → 03:00.
    const spring = referralDeadline("2026-03-28T09:00:00.000Z", "2026-03-28T09:00:00.000Z");
    expect(spring).toBe("2026-03-29T09:00:00.000Z"); // Sunday 11:00 CEST
    expect(referralSentLate(spring, "2026-03-29T08:30:00.000Z")).toBe(false); // 10:30 on the clock, 23.5 h
    expect(referralSentLate(spring, "2026-03-29T09:00:00.000Z")).toBe(false); // 11:00, 24 h
    expect(referralSentLate(spring, "2026-03-29T09:01:00.000Z")).toBe(true);
  });
});

describe("referralDeadline (24 hours)", () => {
  const ADMITTED = "2026-03-10T08:00:00.000Z";

  it("runs 24 hours from admission when assessed at admission", () => {
    expect(referralDeadline(ADMITTED, ADMITTED)).toBe("2026-03-11T08:00:00.000Z");
  });

  it("runs from admission when assessed within the first 24 hours", () => {
    expect(referralDeadline(ADMITTED, "2026-03-10T20:30:00.000Z")).toBe("2026-03-11T08:00:00.000Z");
  });

  it("runs from the assessment when assessed exactly 24 hours after admission (never a deadline at the moment of judging)", () => {
    expect(referralDeadline(ADMITTED, "2026-03-11T08:00:00.000Z")).toBe("2026-03-12T08:00:00.000Z");
  });

  it("runs from the assessment when assessed just after 24 hours", () => {
    expect(referralDeadline(ADMITTED, "2026-03-11T08:00:00.001Z")).toBe("2026-03-12T08:00:00.001Z");
  });

  it("runs 24 hours from the assessment when assessed 25 hours after admission", () => {
    expect(referralDeadline(ADMITTED, "2026-03-11T09:00:00.000Z")).toBe("2026-03-12T09:00:00.000Z");
  });

  it("accepts instants with an offset and answers in UTC", () => {
    expect(referralDeadline("2026-03-10T09:00:00+01:00", "2026-03-10T09:00:00+01:00")).toBe("2026-03-11T08:00:00.000Z");
  });
});

describe("sipCallDeadline", () => {
  it("is three days after the notice that the patient is ready", () => {
    expect(sipCallDeadline("2026-03-10T08:00:00.000Z", 3)).toBe("2026-03-13T08:00:00.000Z");
  });

  it("crosses month and year ends", () => {
    expect(sipCallDeadline("2026-02-27T12:00:00.000Z", 3)).toBe("2026-03-02T12:00:00.000Z");
    expect(sipCallDeadline("2025-12-30T12:00:00.000Z", 3)).toBe("2026-01-02T12:00:00.000Z");
  });

  it("counts calendar days on Swedish clocks across the change to summer time", () => {
    // Ready Friday 2026-03-27 10:00 (UTC+1); three days later is Monday 10:00 (UTC+2).
    expect(sipCallDeadline("2026-03-27T09:00:00.000Z", 3)).toBe("2026-03-30T08:00:00.000Z");
  });

  it("follows the configured number of days", () => {
    expect(sipCallDeadline("2026-03-10T08:00:00.000Z", 1)).toBe("2026-03-11T08:00:00.000Z");
    expect(sipCallDeadline("2026-03-10T08:00:00.000Z", 0)).toBe("2026-03-10T08:00:00.000Z");
  });
});

describe("notificationRules (Bilaga 1.1–1.6)", () => {
  const to = (recipient: NotificationEntry["recipient"], channel: NotificationEntry["channel"]): NotificationEntry => ({
    recipient,
    channel,
    notifiedOn: DATE,
  });
  const plain = { personal: false, direct: false, relatives: false };
  const personal = { personal: true, direct: true, relatives: false };
  const direct = { personal: false, direct: true, relatives: false };

  it("requires the patient to be told", () => {
    expect(codes(notificationRules(plain, []))).toEqual(["patientNotNotified"]);
    expect(codes(notificationRules(plain, [to("RELATIVE", "PHONE")]))).toEqual(["patientNotNotified"]);
  });

  it("accepts via 1177 or a letter where 1177 suffices", () => {
    expect(notificationRules(plain, [to("PATIENT", "VIA_1177")])).toEqual({ eligible: true });
    expect(notificationRules(plain, [to("PATIENT", "LETTER")])).toEqual({ eligible: true });
  });

  it("does not accept 1177 or a letter where personal information is required", () => {
    expect(codes(notificationRules(personal, [to("PATIENT", "VIA_1177")]))).toEqual(["patientNotToldPersonally"]);
    expect(codes(notificationRules(personal, [to("PATIENT", "LETTER")]))).toEqual(["patientNotToldPersonally"]);
    expect(codes(notificationRules(personal, [to("PATIENT", "VIA_1177"), to("RELATIVE", "PHONE")]))).toEqual([
      "patientNotToldPersonally",
    ]);
  });

  it("does not accept 1177 alone where the patient must be told directly (an ending), but a letter", () => {
    expect(codes(notificationRules(direct, [to("PATIENT", "VIA_1177")]))).toEqual(["patientNotToldDirectly"]);
    expect(notificationRules(direct, [to("PATIENT", "LETTER")])).toEqual({ eligible: true });
  });

  it("accepts by phone or in person where personal information is required", () => {
    expect(notificationRules(personal, [to("PATIENT", "PHONE")])).toEqual({ eligible: true });
    expect(notificationRules(personal, [to("PATIENT", "IN_PERSON")])).toEqual({ eligible: true });
    expect(notificationRules(personal, [to("PATIENT", "VIA_1177"), to("PATIENT", "PHONE")])).toEqual({ eligible: true });
  });

  it("requires the relatives to be told where the case says so", () => {
    const relatives = { personal: false, direct: false, relatives: true };
    expect(codes(notificationRules(relatives, [to("PATIENT", "VIA_1177")]))).toEqual(["relativesNotNotified"]);
    expect(notificationRules(relatives, [to("PATIENT", "VIA_1177"), to("RELATIVE", "LETTER")])).toEqual({ eligible: true });
  });

  it("requires the relatives to be told personally when the patient must be", () => {
    const both = { personal: true, direct: true, relatives: true };
    expect(codes(notificationRules(both, [to("PATIENT", "PHONE"), to("RELATIVE", "VIA_1177")]))).toEqual([
      "relativesNotToldPersonally",
    ]);
    expect(notificationRules(both, [to("PATIENT", "PHONE"), to("RELATIVE", "IN_PERSON")])).toEqual({ eligible: true });
    expect(codes(notificationRules(both, []))).toEqual(["patientNotNotified", "relativesNotNotified"]);
  });
});

describe("lacksOverallCoordination (seed §3.3.2)", () => {
  const fvk = (overallCoordination = false) => ({ kind: "FAST_VARDKONTAKT" as const, overallCoordination });

  it("stays quiet with no or one fast vårdkontakt", () => {
    expect(lacksOverallCoordination([])).toBe(0);
    expect(lacksOverallCoordination([fvk()])).toBe(0);
  });

  it("counts two or more fasta vårdkontakter without coordination", () => {
    expect(lacksOverallCoordination([fvk(), fvk()])).toBe(2);
    expect(lacksOverallCoordination([fvk(), fvk(), fvk()])).toBe(3);
  });

  it("stays quiet when one of them coordinates", () => {
    expect(lacksOverallCoordination([fvk(), fvk(true)])).toBe(0);
  });

  it("counts only fasta vårdkontakter", () => {
    expect(
      lacksOverallCoordination([
        fvk(),
        { kind: "FAST_LAKARKONTAKT", overallCoordination: false },
        { kind: "ANNAN_FAST_KONTAKT", overallCoordination: true },
      ]),
    ).toBe(0);
    expect(lacksOverallCoordination([fvk(), fvk(), { kind: "ANNAN_FAST_KONTAKT", overallCoordination: true }])).toBe(2);
  });
});

describe("reviewDateRules (seed §3.3: the need is re-assessed regularly)", () => {
  it("wants a chosen review date after the appointment date: tomorrow yes, today no", () => {
    expect(reviewDateRules("2026-03-16", null, "2026-03-15")).toEqual([]);
    expect(reviewDateRules("2026-03-15", null, "2026-03-15").map((r) => r.code)).toEqual(["reviewDateNotAhead"]);
  });

  it("lets a replacement keep the review date of the contact it replaces, even one already due", () => {
    expect(reviewDateRules(null, "2026-01-01", "2026-03-15")).toEqual([]);
    expect(reviewDateRules("2026-03-14", "2026-09-01", "2026-03-15").map((r) => r.code)).toEqual(["reviewDateNotAhead"]);
  });

  it("requires one when there is nothing to keep", () => {
    expect(reviewDateRules(null, null, "2026-03-15").map((r) => r.code)).toEqual(["reviewDateRequired"]);
  });
});

describe("review dates by kind (seed §3.3: the review duty is the fast vårdkontakt's; a fast läkarkontakt is the patient's choice)", () => {
  it("asks every kind but a fast läkarkontakt for a review date", () => {
    expect(reviewDateRequiredFor("FAST_VARDKONTAKT")).toBe(true);
    expect(reviewDateRequiredFor("FAST_OMSORGSKONTAKT")).toBe(true);
    expect(reviewDateRequiredFor("ANNAN_FAST_KONTAKT")).toBe(true);
    expect(reviewDateRequiredFor("FAST_LAKARKONTAKT")).toBe(false);
  });

  it("lets an appointment of a fast läkarkontakt go without one, but a date given still lies ahead", () => {
    expect(reviewDateRules(null, null, "2026-03-15", reviewDateRequiredFor("FAST_LAKARKONTAKT"))).toEqual([]);
    expect(reviewDateRules(null, null, "2026-03-15", reviewDateRequiredFor("FAST_VARDKONTAKT")).map((r) => r.code)).toEqual(["reviewDateRequired"]);
    expect(reviewDateRules("2026-03-15", null, "2026-03-15", false).map((r) => r.code)).toEqual(["reviewDateNotAhead"]);
  });

  it("REVIEW keeping the contact: the next review date strictly after the review day (2020-01-01 is not)", () => {
    expect(nextReviewDateRules("FAST_VARDKONTAKT", true, "2026-03-16", "2026-03-15")).toEqual([]);
    expect(nextReviewDateRules("FAST_VARDKONTAKT", true, "2026-03-15", "2026-03-15").map((r) => r.code)).toEqual(["reviewDateNotAhead"]);
    expect(nextReviewDateRules("FAST_VARDKONTAKT", true, "2020-01-01", "2026-03-15").map((r) => r.code)).toEqual(["reviewDateNotAhead"]);
  });

  it("REVIEW keeping the contact: required for a fast vårdkontakt, not for a fast läkarkontakt", () => {
    expect(nextReviewDateRules("FAST_VARDKONTAKT", true, null, "2026-03-15").map((r) => r.code)).toEqual(["reviewDateRequired"]);
    expect(nextReviewDateRules("FAST_OMSORGSKONTAKT", true, null, "2026-03-15").map((r) => r.code)).toEqual(["reviewDateRequired"]);
    expect(nextReviewDateRules("FAST_LAKARKONTAKT", true, null, "2026-03-15")).toEqual([]);
    expect(nextReviewDateRules("FAST_LAKARKONTAKT", true, "2026-03-15", "2026-03-15").map((r) => r.code)).toEqual(["reviewDateNotAhead"]);
  });

  it("REVIEW ending the contact asks for no next date", () => {
    expect(nextReviewDateRules("FAST_VARDKONTAKT", false, null, "2026-03-15")).toEqual([]);
  });
});

// ───────────────────────────── Dates that can be true (machines/date-plausibility.ts) ──

describe("datePlausibility: happened dates (received, visited, informed, accepted …)", () => {
  const facts = (o: Partial<DateFacts> = {}): DateFacts => ({
    today: "2026-03-15",
    now: "2026-03-15T11:00:00.000Z", // 12:00 in Stockholm
    birthDate: "1950-06-01",
    caseOpenedOn: "2026-03-10",
    ...o,
  });
  const codes = (values: Record<string, string>, f: DateFacts = facts()) =>
    Object.fromEntries(Object.entries(datePlausibility(values, f)).map(([k, rs]) => [k, rs.map((r) => r.code)]));

  it("is not in the future: today yes, tomorrow no (a visit in 2031, accepted in 2040)", () => {
    expect(codes({ visitDate: "2026-03-15", acceptedOn: "2026-03-15" })).toEqual({});
    expect(codes({ visitDate: "2026-03-16" })).toEqual({ visitDate: ["dateInFuture"] });
    expect(codes({ visitDate: "2031-01-01", acceptedOn: "2040-01-01" })).toEqual({ visitDate: ["dateInFuture"], acceptedOn: ["dateInFuture"] });
  });

  it("judges today on Swedish clocks: at 00:30 in Stockholm (23:30 UTC the day before) the new day is today", () => {
    // The executor passes isoDateInStockholm(now); just after midnight the Swedish day has turned.
    const justAfterMidnight = facts({ today: "2026-03-16", now: "2026-03-15T23:30:00.000Z" });
    expect(codes({ informedOn: "2026-03-16" }, justAfterMidnight)).toEqual({});
    expect(codes({ informedOn: "2026-03-17" }, justAfterMidnight)).toEqual({ informedOn: ["dateInFuture"] });
  });

  it("is not before the patient's birth: the day of birth yes, the day before no ('informed' in 1999 of a child born 2010)", () => {
    const child = facts({ birthDate: "2010-05-05", caseOpenedOn: null });
    expect(codes({ receivedOn: "2010-05-05" }, child)).toEqual({});
    expect(codes({ receivedOn: "2010-05-04" }, child)).toEqual({ receivedOn: ["dateBeforeBirth"] });
    expect(datePlausibility({ informedOn: "1999-01-01" }, child).informedOn).toEqual([{ code: "dateBeforeBirth", params: { date: "2010-05-05" } }]);
  });

  it("is not before the case opened: the opening day yes, the day before no", () => {
    expect(codes({ informedOn: "2026-03-10" })).toEqual({});
    expect(datePlausibility({ informedOn: "2026-03-09" }, facts()).informedOn).toEqual([{ code: "dateBeforeCaseOpened", params: { date: "2026-03-10" } }]);
  });

  it("the opening event has no case to be after: a request received before the case was opened is fine", () => {
    expect(codes({ receivedOn: "2026-03-01" }, facts({ caseOpenedOn: null }))).toEqual({});
    // …but never one received 9999-12-31.
    expect(codes({ receivedOn: "9999-12-31" }, facts({ caseOpenedOn: null }))).toEqual({ receivedOn: ["dateInFuture"] });
  });

  it("a consent to coordination may precede the case, but not the appointment (made today)", () => {
    expect(codes({ coordinationConsentDate: "2026-01-02" })).toEqual({});
    expect(codes({ coordinationConsentDate: "2026-03-15" })).toEqual({});
    expect(codes({ coordinationConsentDate: "2026-03-16" })).toEqual({ coordinationConsentDate: ["dateInFuture"] });
  });

  it("an instant (admission, readiness) is not after now: 12:00 yes, 12:01 no, in Stockholm time", () => {
    expect(codes({ readyAt: "2026-03-15T12:00" })).toEqual({});
    expect(codes({ readyAt: "2026-03-15T12:01" })).toEqual({ readyAt: ["timeInFuture"] });
  });

  it("skips empty, missing and malformed values (the form's schema answers for those)", () => {
    expect(codes({ relativeNotifiedOn: "", visitDate: "15/3" })).toEqual({});
  });
});

describe("datePlausibility: planned dates lie within their horizon", () => {
  const f: DateFacts = { today: "2026-03-15", now: "2026-03-15T11:00:00.000Z", birthDate: "1950-06-01", caseOpenedOn: "2026-03-10" };
  const codes = (values: Record<string, string>) =>
    Object.fromEntries(Object.entries(datePlausibility(values, f)).map(([k, rs]) => [k, rs.map((r) => r.code)]));

  it("a SIP meeting: today to the horizon's last day, not the day before or the day after (a SIP date of 2020-01-01)", () => {
    const last = addDays("2026-03-15", SIP_HORIZON_DAYS);
    expect(codes({ sipDate: "2026-03-15" })).toEqual({});
    expect(codes({ sipDate: last })).toEqual({});
    expect(codes({ sipDate: "2026-03-14" })).toEqual({ sipDate: ["dateBeforeToday"] });
    expect(codes({ sipDate: "2020-01-01" })).toEqual({ sipDate: ["dateBeforeToday"] });
    expect(datePlausibility({ sipDate: addDays(last, 1) }, f).sipDate).toEqual([{ code: "dateBeyondHorizon", params: { date: last } }]);
  });

  it("an expected discharge: up to the horizon's last day, not the day after", () => {
    const last = addDays("2026-03-15", EXPECTED_DISCHARGE_HORIZON_DAYS);
    expect(codes({ expectedDischargeDate: last })).toEqual({});
    expect(codes({ expectedDischargeDate: addDays(last, 1) })).toEqual({ expectedDischargeDate: ["dateBeyondHorizon"] });
  });

  it("a review date: from tomorrow to the horizon's last day", () => {
    const last = addDays("2026-03-15", REVIEW_HORIZON_DAYS);
    expect(codes({ reviewDueDate: "2026-03-16", nextReviewDate: last })).toEqual({});
    expect(codes({ reviewDueDate: "2026-03-15" })).toEqual({ reviewDueDate: ["reviewDateNotAhead"] });
    expect(codes({ nextReviewDate: addDays(last, 1) })).toEqual({ nextReviewDate: ["dateBeyondHorizon"] });
  });

  it("a planned date from tomorrow without a message of its own: 'after today'", () => {
    const kinds = { meeting: { kind: "planned", earliest: "tomorrow", horizonDays: 10 } } as const;
    expect(datePlausibility({ meeting: "2026-03-16" }, f, kinds)).toEqual({});
    expect(datePlausibility({ meeting: "2026-03-15" }, f, kinds)).toEqual({ meeting: [{ code: "dateNotAfterToday" }] });
  });

  it("plannedWindow is the window the rules use", () => {
    expect(plannedWindow({ kind: "planned", earliest: "tomorrow", horizonDays: 10 }, "2026-12-31")).toEqual({ first: "2027-01-01", last: "2027-01-10" });
  });
});

describe("datePlausibility: ordered pairs keep their order", () => {
  const f: DateFacts = { today: "2026-03-15", now: "2026-03-15T11:00:00.000Z", birthDate: "1950-06-01", caseOpenedOn: null };

  it("admission ≤ expected discharge: the same day yes, the day before no", () => {
    expect(datePlausibility({ admittedAt: "2026-03-15T08:00", expectedDischargeDate: "2026-03-15" }, f)).toEqual({});
    const custom = { admittedAt: { kind: "happened", sinceCaseOpened: true }, expectedDischargeDate: { kind: "happened", sinceCaseOpened: true } } as const;
    // With both as happened dates (so only the pair can fail): discharge the day before admission.
    expect(datePlausibility({ admittedAt: "2026-03-12T08:00", expectedDischargeDate: "2026-03-11" }, f, custom)).toEqual({
      expectedDischargeDate: [{ code: "dischargeBeforeAdmission", params: { date: "2026-03-12" } }],
    });
  });

  it("an admission on 2027-05-01 with expected discharge 2026-01-01: both are wrong, each next to its field", () => {
    const problems = datePlausibility({ admittedAt: "2027-05-01T10:00", expectedDischargeDate: "2026-01-01" }, f);
    expect(Object.keys(problems).sort()).toEqual(["admittedAt", "expectedDischargeDate"]);
    expect(problems.admittedAt[0].code).toBe("timeInFuture");
  });

  it("call ≤ SIP meeting, and start ≤ end of employment", () => {
    const sameKind = { calledOn: DATE_FIELDS.calledOn, sipDate: DATE_FIELDS.calledOn, employmentFrom: DATE_FIELDS.employmentFrom, employmentEndDate: DATE_FIELDS.employmentFrom };
    expect(datePlausibility({ calledOn: "2026-03-12", sipDate: "2026-03-12", employmentFrom: "2020-01-01", employmentEndDate: "2020-01-01" }, f, sameKind)).toEqual({});
    const problems = datePlausibility({ calledOn: "2026-03-12", sipDate: "2026-03-11", employmentFrom: "2020-01-01", employmentEndDate: "2019-12-31" }, f, sameKind);
    expect(problems.sipDate.map((r) => r.code)).toEqual(["sipBeforeCall"]);
    expect(problems.employmentEndDate.map((r) => r.code)).toEqual(["endBeforeStart"]);
  });
});

describe("datePlausibility: employment dates within a working life", () => {
  const f: DateFacts = { today: "2026-03-15", now: "2026-03-15T11:00:00.000Z", birthDate: null, caseOpenedOn: null };
  const { first, last } = workingLifeWindow("2026-03-15");

  it("spans WORKING_LIFE_YEARS back and a year ahead", () => {
    expect(first).toBe(`${2026 - WORKING_LIFE_YEARS}-03-15`);
    expect(last).toBe(addDays("2026-03-15", EMPLOYMENT_PLANNED_HORIZON_DAYS));
  });

  it("the first and last day yes, the day outside no (employed from 1800-01-01 or 2999-01-01)", () => {
    expect(datePlausibility({ employmentFrom: first, employmentEndDate: last }, f)).toEqual({});
    expect(datePlausibility({ employmentFrom: addDays(first, -1) }, f).employmentFrom).toEqual([{ code: "dateBeforeWorkingLife", params: { date: first } }]);
    expect(datePlausibility({ permanentUnderskoterskaFrom: addDays(last, 1) }, f).permanentUnderskoterskaFrom).toEqual([
      { code: "dateBeyondWorkingLife", params: { date: last } },
    ]);
    expect(Object.keys(datePlausibility({ employmentFrom: "1800-01-01" }, f))).toEqual(["employmentFrom"]);
    expect(Object.keys(datePlausibility({ employmentFrom: "2999-01-01" }, f))).toEqual(["employmentFrom"]);
  });

  it("a leap day stays a real date when counted back", () => {
    expect(workingLifeWindow("2028-02-29").first).toBe(`${2028 - WORKING_LIFE_YEARS}-02-28`);
  });
});

describe("DATE_FIELDS covers every date a process event takes", () => {
  it("registers each date and instant field of the event forms", async () => {
    const { EVENT_FIELDS } = await import("~/components/event-forms/fields");
    const dateFields = Object.values(EVENT_FIELDS)
      .flat()
      .filter((field) => field.kind === "date" || field.kind === "datetime")
      .map((field) => field.name);
    expect(dateFields.length).toBeGreaterThan(10);
    expect(dateFields.filter((name) => !(name in DATE_FIELDS))).toEqual([]);
  });
});

describe("careContactAtUnit (lag 2017:612 2 kap. 5 §: unless the patient already has one)", () => {
  const contact = (kind: ActiveAssignmentFacts["kind"], careUnitId: string) => assignment({ id: `${kind}-${careUnitId}`, kind, careUnitId });

  it("finds a fast vårdkontakt at the receiving unit, not one elsewhere nor another kind there", () => {
    expect(careContactAtUnit([contact("FAST_VARDKONTAKT", "vc")], "vc")?.id).toBe("FAST_VARDKONTAKT-vc");
    expect(careContactAtUnit([contact("FAST_VARDKONTAKT", "ward"), contact("FAST_LAKARKONTAKT", "vc")], "vc")).toBeNull();
  });
});

describe("notificationInsteadOfPatientRules (seed §3.3, SPEC §3.4: the patient could not be informed)", () => {
  const told = (channel: NotificationEntry["channel"], who: string | null = "Eva Lind, dotter"): NotificationEntry => ({
    recipient: "RELATIVE",
    channel,
    notifiedOn: DATE,
    who,
  });
  const patientTold: NotificationEntry = { recipient: "PATIENT", channel: "IN_PERSON", notifiedOn: DATE };
  const unconscious = { reason: "Medvetslös efter hjärtstopp" };
  const plain = { personal: false, direct: false, relatives: false };
  const personal = { personal: true, direct: true, relatives: true };

  it("is enough with a reason and a named relative or representative told how and when", () => {
    expect(notificationRules(plain, [told("LETTER")], unconscious)).toEqual({ eligible: true });
    expect(notificationRules(personal, [told("PHONE", "god man Per Olsson")], unconscious)).toEqual({ eligible: true });
    expect(notificationRules(personal, [told("IN_PERSON")], unconscious)).toEqual({ eligible: true });
  });

  it("needs the reason written out", () => {
    expect(codes(notificationInsteadOfPatientRules(plain, [told("LETTER")], { reason: "   " }))).toEqual(["patientNotInformedReasonRequired"]);
    expect(codes(notificationInsteadOfPatientRules(plain, [told("LETTER")], { reason: "I livets slutskede" }))).toEqual([]);
  });

  it("needs someone told instead, by name", () => {
    expect(codes(notificationRules(plain, [], unconscious))).toEqual(["representativeNotNotified"]);
    expect(codes(notificationRules(plain, [told("PHONE", null)], unconscious))).toEqual(["representativeNotNamed"]);
    expect(codes(notificationRules(plain, [told("PHONE", " ")], unconscious))).toEqual(["representativeNotNamed"]);
    expect(codes(notificationRules(plain, [told("PHONE", "Eva")], unconscious))).toEqual([]);
  });

  it("refuses an entry saying the patient was told after all", () => {
    expect(codes(notificationRules(plain, [patientTold, told("PHONE")], unconscious))).toEqual(["patientBothInformedAndNot"]);
    expect(notificationRules(plain, [patientTold], null)).toEqual({ eligible: true });
  });

  it("never counts 1177, which reaches only the patient's own account", () => {
    expect(codes(notificationRules(plain, [told("VIA_1177")], unconscious))).toEqual(["representativeVia1177"]);
    expect(codes(notificationRules(plain, [told("LETTER")], unconscious))).toEqual([]);
  });

  it("tells personally where the case asks for personal information (Bilaga 1.4, 1.5)", () => {
    expect(codes(notificationRules(personal, [told("LETTER")], unconscious))).toEqual(["relativesNotToldPersonally"]);
    expect(codes(notificationRules(personal, [told("PHONE")], unconscious))).toEqual([]);
  });

  it("without a recorded reason, still requires the patient to be told", () => {
    expect(codes(notificationRules(plain, [told("PHONE")]))).toEqual(["patientNotNotified"]);
  });
});

describe("requestClosingRules (PL 6 kap. 2 §: a patient's request never closes for lack of need)", () => {
  it("allows exactly: withdrawn, died, moved away — in a patient's request", () => {
    expect([...REQUEST_CLOSING_REASONS]).toEqual(["WITHDRAWN", "DIED", "MOVED_AWAY"]);
    for (const reason of REQUEST_CLOSING_REASONS) expect(requestClosingRules("PATIENT_REQUEST", reason)).toEqual({ eligible: true });
  });

  it("refuses any other reason, lack of need above all", () => {
    for (const reason of ["NO_NEED", "NOT_NEEDED", "DECLINED", "CANCELLED", ""]) {
      expect(codes(requestClosingRules("PATIENT_REQUEST", reason))).toEqual(["requestClosingReasonNotAllowed"]);
    }
  });

  it("belongs to the patient's request only", () => {
    expect(codes(requestClosingRules("ASSESSMENT", "WITHDRAWN"))).toEqual(["requestClosingReasonNotAllowed"]);
    expect(codes(requestClosingRules("DOCTOR_CHOICE", "DIED"))).toEqual(["requestClosingReasonNotAllowed"]);
  });
});

describe("requestedContactRules (PL 6 kap. 2 §: no second fast vårdkontakt at the unit on request)", () => {
  const existingHere = assignment({ id: "fvk-here" });

  it("refuses a second fast vårdkontakt at the same unit, through checkAppointment", () => {
    const a = appointment({ patient: patient({ activeAssignments: [existingHere] }) });
    expect(codes(requestedContactRules(a))).toEqual(["vardkontaktExistsAtUnit"]);
    expect(codes(checkAppointment(a))).toEqual(["vardkontaktExistsAtUnit"]);
  });

  it("allows one when the patient's fast vårdkontakt is at another unit, or is of another kind here", () => {
    const elsewhere = assignment({ careUnitId: OTHER_UNIT_ID });
    const lakarHere = assignment({ kind: "FAST_LAKARKONTAKT" });
    expect(checkAppointment(appointment({ patient: patient({ activeAssignments: [elsewhere, lakarHere] }) }))).toEqual({ eligible: true });
  });

  it("applies to the patient's request only, and to a fast vårdkontakt only", () => {
    const withContact = patient({ activeAssignments: [existingHere] });
    expect(codes(requestedContactRules(appointment({ process: "ASSESSMENT", patient: withContact })))).toEqual([]);
    expect(codes(requestedContactRules(annanAppointment({ patient: withContact })))).toEqual([]);
  });

  it("does not count the contact being replaced", () => {
    const a = appointment({ patient: patient({ activeAssignments: [existingHere] }), replacesAssignmentId: "fvk-here" });
    expect(codes(requestedContactRules(a))).toEqual([]);
  });
});

// ───────────────────────────── medicallyResponsibleRules ───────────────────────────

describe("medicallyResponsibleRules (seed §3.3, SPEC §3)", () => {
  const CARE_GIVER = "org-region";
  const workplace = (o: Partial<CareGiverUnitFacts> = {}): CareGiverUnitFacts => ({
    id: UNIT_ID,
    kind: "REGIONAL_PRIMARVARD",
    organisationId: CARE_GIVER,
    ...o,
  });
  const check = (person: StaffFacts, workplaces = [workplace()], date = DATE) =>
    codes(medicallyResponsibleRules(person, workplaces, CARE_GIVER, date));

  it("accepts a legitimerad läkare employed in the care giver's health care", () => {
    expect(check(staff())).toEqual([]);
    // Any of the care giver's health care units will do, also another than the contact's.
    const hospital = workplace({ id: OTHER_UNIT_ID, kind: "SLUTENVARD" });
    expect(check(staff({ employments: [{ careUnitId: OTHER_UNIT_ID, from: "2020-01-01" }] }), [hospital])).toEqual([]);
  });

  it("refuses someone without legitimation as läkare, e.g. a vårdbiträde", () => {
    expect(check(staff({ legitimations: [] }))).toEqual(["medicallyResponsibleNotLakare"]);
    expect(check(staff({ legitimations: ["SJ"] }))).toEqual(["medicallyResponsibleNotLakare"]);
  });

  it("refuses a läkare employed only at a hemtjänst unit or at another care giver", () => {
    expect(check(staff(), [workplace({ kind: "HEMTJANST" })])).toEqual(["medicallyResponsibleOutsideCareGiver"]);
    expect(check(staff(), [workplace({ organisationId: "org-other" })])).toEqual(["medicallyResponsibleOutsideCareGiver"]);
    expect(check(staff(), [])).toEqual(["medicallyResponsibleOutsideCareGiver"]);
  });

  it("judges the employment on the date: from its first day, to its last", () => {
    const starts = staff({ employments: [{ careUnitId: UNIT_ID, from: DATE }] });
    expect(check(starts)).toEqual([]);
    expect(check(starts, [workplace()], "2026-03-14")).toEqual(["medicallyResponsibleOutsideCareGiver"]);
    const leaves = staff({ employmentEndDate: DATE });
    expect(check(leaves)).toEqual([]);
    expect(check(leaves, [workplace()], "2026-03-16")).toEqual(["medicallyResponsibleOutsideCareGiver"]);
  });

  it("gives both reasons when both fail", () => {
    expect(check(staff({ legitimations: [] }), [workplace({ kind: "HEMTJANST" })])).toEqual([
      "medicallyResponsibleNotLakare",
      "medicallyResponsibleOutsideCareGiver",
    ]);
  });

  it("in a turnover: a replacement must be chosen, and it must pass the same rule", () => {
    expect(codes(medicallyResponsibleReplacementRules(null, CARE_GIVER, DATE))).toEqual(["medicallyResponsibleRequired"]);
    expect(codes(medicallyResponsibleReplacementRules({ person: staff(), workplaces: [workplace()] }, CARE_GIVER, DATE))).toEqual([]);
    expect(
      codes(medicallyResponsibleReplacementRules({ person: staff({ legitimations: [] }), workplaces: [workplace()] }, CARE_GIVER, DATE)),
    ).toEqual(["medicallyResponsibleNotLakare"]);
  });
});

// ───────────────────────────── listingRules ────────────────────────────────────────

describe("listingRules (HSL 7 kap. 3 a §: one listing at a time)", () => {
  const open = { from: "2020-01-01", to: null };

  it("refuses a second open listing, and one that starts while an ended one still ran", () => {
    expect(listingRules([open], { from: "2026-03-15", to: null })).toEqual([{ code: "alreadyListed", params: { date: "2020-01-01" } }]);
    expect(codes(listingRules([{ from: "2020-01-01", to: "2026-03-15" }], { from: "2026-03-15", to: null }))).toEqual(["alreadyListed"]);
    expect(codes(listingRules([{ from: "2026-04-01", to: null }], { from: "2026-03-01", to: "2026-04-01" }))).toEqual(["alreadyListed"]);
  });

  it("accepts a listing that starts the day after the other ended, or ends the day before it starts", () => {
    expect(listingRules([{ from: "2020-01-01", to: "2026-03-14" }], { from: "2026-03-15", to: null })).toEqual([]);
    expect(listingRules([{ from: "2026-04-01", to: null }], { from: "2026-03-01", to: "2026-03-31" })).toEqual([]);
    expect(listingRules([], open)).toEqual([]);
  });
});

// ───────────────────────────── hasCurrentCareRelation ──────────────────────────────

describe("hasCurrentCareRelation (PDL 4 kap. 1 §, decision 022)", () => {
  // 2026-03-15 10:00 in Stockholm (CET, UTC+1).
  const at = new Date("2026-03-15T09:00:00Z");
  const none = { listings: [], homeCareServices: [], careEpisodes: [], assignments: [], openCases: 0, referralsReceived: [] };
  const { recentSince } = careRelationWindow(at);
  const justBefore = new Date(recentSince.getTime() - 1);

  it("puts the window's start at midnight in Stockholm, RECENT_CARE_DAYS days before today", () => {
    expect(RECENT_CARE_DAYS).toBe(365);
    expect(careRelationWindow(at)).toEqual({ today: "2026-03-15", recentSince: new Date("2025-03-14T23:00:00Z") });
  });

  it("knows nobody without a relation, nor through a stay that ended in 2012", () => {
    expect(hasCurrentCareRelation(none, at)).toBe(false);
    expect(hasCurrentCareRelation({ ...none, careEpisodes: [{ endedAt: new Date("2012-05-01T10:00:00Z") }] }, at)).toBe(false);
  });

  it("counts a stay or visit while open and until RECENT_CARE_DAYS after its end", () => {
    expect(hasCurrentCareRelation({ ...none, careEpisodes: [{ endedAt: null }] }, at)).toBe(true);
    expect(hasCurrentCareRelation({ ...none, careEpisodes: [{ endedAt: recentSince }] }, at)).toBe(true);
    expect(hasCurrentCareRelation({ ...none, careEpisodes: [{ endedAt: justBefore }] }, at)).toBe(false);
  });

  it("counts a listing and hemtjänst in force today: not the day after the end, not before the start", () => {
    for (const key of ["listings", "homeCareServices"] as const) {
      expect(hasCurrentCareRelation({ ...none, [key]: [{ from: "2020-01-01", to: "2026-03-15" }] }, at)).toBe(true);
      expect(hasCurrentCareRelation({ ...none, [key]: [{ from: "2020-01-01", to: "2026-03-14" }] }, at)).toBe(false);
      expect(hasCurrentCareRelation({ ...none, [key]: [{ from: "2026-03-15", to: null }] }, at)).toBe(true);
      expect(hasCurrentCareRelation({ ...none, [key]: [{ from: "2026-03-16", to: null }] }, at)).toBe(false);
    }
  });

  it("counts a fixed contact until the moment it ends", () => {
    expect(hasCurrentCareRelation({ ...none, assignments: [{ endedAt: null }] }, at)).toBe(true);
    expect(hasCurrentCareRelation({ ...none, assignments: [{ endedAt: new Date(at.getTime() + 1) }] }, at)).toBe(true);
    expect(hasCurrentCareRelation({ ...none, assignments: [{ endedAt: at }] }, at)).toBe(false);
  });

  it("counts an open case, and an inskrivningsmeddelande received within RECENT_CARE_DAYS", () => {
    expect(hasCurrentCareRelation({ ...none, openCases: 1 }, at)).toBe(true);
    expect(hasCurrentCareRelation({ ...none, referralsReceived: [{ sentAt: recentSince }] }, at)).toBe(true);
    expect(hasCurrentCareRelation({ ...none, referralsReceived: [{ sentAt: justBefore }] }, at)).toBe(false);
  });
});

// ───────────────────────────── Handläggare (seed §5.1) ─────────────────────────────

describe("handläggare: only role and unit reach the patient (seed §5.1)", () => {
  it("counts every KV_befattning code that is a handläggare: Socialsekreterare and Biståndsbedömare", () => {
    expect(isHandlaggare("351010")).toBe(true);
    expect(isHandlaggare("351012")).toBe(true);
    expect(personIdentifiedToPatient({ befattningCode: "351010" })).toBe(false);
    expect(personIdentifiedToPatient({ befattningCode: "351012" })).toBe(false);
  });

  it("identifies everyone else by name and HSA-id, the kurator next to them in the code list included", () => {
    for (const code of ["352010", "206011", "207010", "201011", "301010"]) {
      expect(isHandlaggare(code)).toBe(false);
      expect(personIdentifiedToPatient({ befattningCode: code })).toBe(true);
    }
  });
});

describe("reviewOverdue (seed §3.3: the review duty is the fast vårdkontakt's)", () => {
  it("is overdue from the day after the review date, not on it", () => {
    expect(reviewOverdue({ kind: "FAST_VARDKONTAKT", reviewDueDate: "2026-03-15" }, "2026-03-15")).toBe(false);
    expect(reviewOverdue({ kind: "FAST_VARDKONTAKT", reviewDueDate: "2026-03-15" }, "2026-03-16")).toBe(true);
    expect(reviewOverdue({ kind: "FAST_OMSORGSKONTAKT", reviewDueDate: "2026-03-15" }, "2026-03-16")).toBe(true);
  });

  it("is never overdue for a fast läkarkontakt, or without a date", () => {
    expect(reviewOverdue({ kind: "FAST_LAKARKONTAKT", reviewDueDate: "2026-03-15" }, "2026-03-16")).toBe(false);
    expect(reviewOverdue({ kind: "FAST_VARDKONTAKT", reviewDueDate: null }, "2026-03-16")).toBe(false);
  });
});
