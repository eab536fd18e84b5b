// The legal rules for fixed contacts, in one place (SPEC §3, §5; seed §2–§4, Bilaga 1).
//
// Every function is pure: the date is passed in ("YYYY-MM-DD", Swedish local date) and the
// facts are plain data loaded by the caller. Each returns a verdict: eligible, or the list of
// reasons why not, as message codes with parameters (app/i18n turns them into Swedish). The
// machines use these functions as guards; the executor calls them again with fresh data
// inside the transaction, and the staff pickers call them to explain who is not eligible.
import { addDays, isoDateInStockholm, stockholmInstant, stockholmTimeOfDay } from "~/domain/dates";
import { ageOn } from "~/domain/identifiers";
import type { DateReasonCode } from "./date-plausibility";

export type ContactKind = "FAST_LAKARKONTAKT" | "FAST_VARDKONTAKT" | "FAST_OMSORGSKONTAKT" | "ANNAN_FAST_KONTAKT";
export type CareUnitKind =
  | "SLUTENVARD"
  | "REGIONAL_PRIMARVARD"
  | "KOMMUNAL_PRIMARVARD"
  | "SPECIALISERAD_OPPENVARD"
  | "HEMTJANST";
export type ProcessCode =
  | "PATIENT_REQUEST"
  | "ASSESSMENT"
  | "DISCHARGE_REFERRAL"
  | "LIFE_THREATENING"
  | "CHANGE"
  | "ENDING"
  | "HOME_CARE_CONTACT"
  | "DOCTOR_CHOICE";

/** A calendar date "YYYY-MM-DD". Such strings compare correctly as text. */
export type IsoDate = string;

export type ReasonCode =
  | "notEmployedAtUnit"
  | "employmentEnded"
  | "employmentNotStarted"
  | "unitNotHealthCare"
  | "notLegitimeradLakare"
  | "appointerNotVerksamhetschef"
  | "appointerNotEnhetschef"
  | "appointerOtherUnit"
  | "medicallyResponsibleNotLakare"
  | "medicallyResponsibleOutsideCareGiver"
  | "medicallyResponsibleRequired"
  | "patientNotListed"
  | "alreadyListed"
  | "unitNotRegionalPrimaryCare"
  | "lakareLacksCompetence"
  | "justificationRequired"
  | "lakareOutsideTargetGroup"
  | "doctorContactExists"
  | "unitNotHomeCare"
  | "noHomeCareAtUnit"
  | "notUnderskoterska"
  | "transitionEnded"
  | "underskoterskaTitleDayNotRecorded"
  | "careContactExistsAtUnit"
  | "coordinationOnlyForVardkontakt"
  | "coordinationNeedsConsent"
  | "coordinationExists"
  | "roleTitleRequired"
  | "contactAboutRequired"
  | "replacementIsSamePerson"
  | "replacementChangesKind"
  | "replacementChangesUnit"
  | "replacedNotActive"
  | "noContactAtUnit"
  | "caseAlreadyOpen"
  | "reviewDateRequired"
  | "reviewDateNotAhead"
  // Dates that cannot be true (machines/date-plausibility.ts).
  | DateReasonCode
  | "refusalNotOffered"
  | "referralReceiverNotOpenCare"
  | "referralReceiverNotRegionallyFinanced"
  | "referralSenderNotInpatientCare"
  | "processNotAtUnit"
  | "referralToSameUnit"
  | "patientNotNotified"
  | "patientNotToldPersonally"
  | "patientNotToldDirectly"
  | "relativesNotNotified"
  | "relativesNotToldPersonally"
  | "patientNotInformedReasonRequired"
  | "patientBothInformedAndNot"
  | "representativeNotNotified"
  | "representativeNotNamed"
  | "representativeVia1177"
  | "vardkontaktExistsAtUnit"
  | "requestClosingReasonNotAllowed";

export type Reason = { code: ReasonCode; params?: Record<string, string | number> };
export type Verdict = { eligible: true } | { eligible: false; reasons: Reason[] };

const verdict = (reasons: Reason[]): Verdict => (reasons.length === 0 ? { eligible: true } : { eligible: false, reasons });

// ───────────────────────────── Facts ───────────────────────────────────────────────

export type StaffFacts = {
  id: string;
  /** HOSP legitimationsyrken, e.g. ["LK"] (domain-facts §2.2). */
  legitimations: readonly string[];
  specialties: readonly { specialty: string; status: "SPECIALIST" | "IN_TRAINING" }[];
  underskoterskaBevis: boolean;
  /** Start of permanent employment with the title undersköterska, if any. */
  permanentUnderskoterskaFrom: IsoDate | null;
  /**
   * Tillsvidareanställd with the title undersköterska on UNDERSKOTERSKA_TITLE_FROM, as recorded:
   * the fact the transitional rule turns on; null = not recorded.
   */
  permanentUnderskoterskaOnTitleDay: boolean | null;
  /** Last day of employment; null while employed until further notice. */
  employmentEndDate: IsoDate | null;
  employments: readonly { careUnitId: string; from: IsoDate }[];
};

export type UnitFacts = { id: string; kind: CareUnitKind; regionallyFinanced: boolean };

export type ActiveAssignmentFacts = {
  id: string;
  kind: ContactKind;
  careUnitId: string;
  staffMemberId: string;
  overallCoordination: boolean;
  lifeThreatening: boolean;
};

export type PatientFacts = {
  id: string;
  birthDate: IsoDate;
  listings: readonly { careUnitId: string; from: IsoDate; to: IsoDate | null }[];
  homeCareServices: readonly { careUnitId: string; from: IsoDate; to: IsoDate | null }[];
  activeAssignments: readonly ActiveAssignmentFacts[];
};

/** The user who appoints: role in the unit, and whether a delegation covers the appointment. */
export type AppointerFacts = { roleCode: string; careUnitId: string; delegated: boolean };

export type AppointmentFacts = {
  process: ProcessCode;
  kind: ContactKind;
  date: IsoDate;
  unit: UnitFacts;
  staff: StaffFacts;
  patient: PatientFacts;
  appointer: AppointerFacts;
  lifeThreatening: boolean;
  overallCoordination: boolean;
  /** The date the patient consented to coordination between fasta vårdkontakter. */
  coordinationConsentDate: IsoDate | null;
  competenceJustification: string | null;
  roleTitle: string | null;
  contactAbout: string | null;
  /** The assignment this one replaces (CHANGE, a new choice of doctor): not counted as "another". */
  replacesAssignmentId: string | null;
};

// ───────────────────────────── Unit kinds ──────────────────────────────────────────

/** Health care units where a fast vårdkontakt can be appointed (seed §3.3). */
export const HEALTH_CARE_UNIT_KINDS: readonly CareUnitKind[] = [
  "SLUTENVARD",
  "REGIONAL_PRIMARVARD",
  "KOMMUNAL_PRIMARVARD",
  "SPECIALISERAD_OPPENVARD",
];

/**
 * Units whose care recipients are offered a fast omsorgskontakt (SoL 4 kap. 2 b §, seed §4.1).
 * Prop. 2025/26:60 proposes extending this to särskilt boende för äldre: add the kind here.
 */
export const HOME_CARE_UNIT_KINDS: readonly CareUnitKind[] = ["HEMTJANST"];

/**
 * Lag (2017:612) 2 kap. 5 §: a unit in the regionally financed open care that receives an
 * inskrivningsmeddelande appoints a fast vårdkontakt (seed §3.1, §3.3).
 */
export const REFERRAL_RECEIVER_KINDS: readonly CareUnitKind[] = ["REGIONAL_PRIMARVARD", "SPECIALISERAD_OPPENVARD"];

/** HSL 7 kap. 3 §: fasta läkarkontakter are held in the regionally financed primary care. */
const isRegionalPrimaryCare = (unit: Pick<UnitFacts, "kind" | "regionallyFinanced">) =>
  unit.kind === "REGIONAL_PRIMARVARD" && unit.regionallyFinanced;

/** Lag (2017:612): the slutenvård unit assesses and sends the inskrivningsmeddelande. */
export const REFERRAL_SENDER_KINDS: readonly CareUnitKind[] = ["SLUTENVARD"];

/**
 * Where a user may open a case of a process that starts from the patient (the start
 * buttons on the patient page): fast vårdkontakt in health care (PL 6 kap. 2 §), the
 * discharge process at the ward (lag 2017:612), a choice of fast läkarkontakt in the
 * regionally financed primary care (HSL 7 kap. 3 §), a fast omsorgskontakt in hemtjänsten
 * (SoL 4 kap. 2 b §). CHANGE and ENDING start from an assignment, at its unit.
 */
export function processAppliesAt(process: ProcessCode, unit: Pick<UnitFacts, "kind" | "regionallyFinanced">): boolean {
  switch (process) {
    case "PATIENT_REQUEST":
    case "ASSESSMENT":
    case "LIFE_THREATENING":
      return HEALTH_CARE_UNIT_KINDS.includes(unit.kind);
    case "DISCHARGE_REFERRAL":
      return REFERRAL_SENDER_KINDS.includes(unit.kind);
    case "DOCTOR_CHOICE":
      return isRegionalPrimaryCare(unit);
    case "HOME_CARE_CONTACT":
      return HOME_CARE_UNIT_KINDS.includes(unit.kind);
    case "CHANGE":
    case "ENDING":
      return true;
  }
}

// ───────────────────────────── Age groups for fast läkarkontakt ───────────────────

/** Seed §2.3: a specialist in barn- och ungdomsmedicin serves patients under 18 (a child, FB). */
export const CHILD_AGE_LIMIT = 18;
/**
 * Seed §2.3: a specialist in geriatrik serves "older patients". We read this as 65 and over,
 * the age Socialstyrelsen uses for "äldre" in its statistics and guidance; documented in
 * docs/processes.md. Change it here only.
 */
export const OLDER_PATIENT_AGE = 65;

/** SoL 3 kap. 3 d § and its transitional rule (domain-facts §6). */
export const UNDERSKOTERSKA_TITLE_FROM: IsoDate = "2023-07-01";
export const UNDERSKOTERSKA_TRANSITION_LAST_DAY: IsoDate = "2033-06-30";

// ───────────────────────────── Single rules ────────────────────────────────────────

const activeOn = (period: { from: IsoDate; to: IsoDate | null }, date: IsoDate) =>
  period.from <= date && (period.to === null || date <= period.to);

const isLegitimeradLakare = (staff: StaffFacts) => staff.legitimations.includes("LK");

/**
 * Any appointee: employed at the unit on the date — started, and not after the last day of
 * employment (a person who has left cannot be anyone's fixed contact).
 */
export function employedOn(staff: StaffFacts, unitId: string, date: IsoDate): Reason[] {
  const employment = staff.employments.find((e) => e.careUnitId === unitId);
  if (!employment) return [{ code: "notEmployedAtUnit" }];
  if (date < employment.from) return [{ code: "employmentNotStarted", params: { date: employment.from } }];
  if (staff.employmentEndDate !== null && date > staff.employmentEndDate) {
    return [{ code: "employmentEnded", params: { date: staff.employmentEndDate } }];
  }
  return [];
}

/**
 * Who may appoint (docs/decisions/018). Fast vårdkontakt: the unit's verksamhetschef or
 * someone the verksamhetschef delegated it to (PL 6 kap. 2 §, HSF 4 kap. 1–2 §§); other fixed
 * contacts in health care follow the same routine. Fast läkarkontakt: the verksamhetschef of
 * the listing unit (HSL 7 kap. 3 §), also delegable — the seed (§2) sets no limit on who
 * records the patient's choice. Fast omsorgskontakt: the enhetschef of the executing
 * hemtjänst unit (SoL 4 kap. 2 b §); HSF 4 kap. 2 § is a health-care rule and gives no
 * delegation under SoL, and the seed (§4) names none. The same in every process, a CHANGE
 * and a staff turnover included: the user's role in the unit, or a delegation.
 */
export function appointerMayAppoint(a: Pick<AppointmentFacts, "kind" | "unit" | "appointer" | "process">): Reason[] {
  const { appointer, kind, unit } = a;
  if (appointer.careUnitId !== unit.id) return [{ code: "appointerOtherUnit" }];
  if (kind === "FAST_OMSORGSKONTAKT") {
    return appointer.roleCode === "ENHETSCHEF_HEMTJANST" ? [] : [{ code: "appointerNotEnhetschef" }];
  }
  if (appointer.roleCode === "VERKSAMHETSCHEF" || (DELEGABLE_KINDS.includes(kind) && appointer.delegated)) return [];
  return [{ code: "appointerNotVerksamhetschef" }];
}

/** The reasons of appointerMayAppoint: about the user who appoints, never about the person appointed. */
export const APPOINTER_REASONS: readonly ReasonCode[] = ["appointerOtherUnit", "appointerNotVerksamhetschef", "appointerNotEnhetschef"];

/**
 * The contact kinds a verksamhetschef may delegate the appointing of (HSF 4 kap. 2 §): every
 * health-care kind. Fast omsorgskontakt is not among them (SoL, see appointerMayAppoint).
 * app/domain/permissions.ts DELEGABLE names the same kinds as permissions.
 */
export const DELEGABLE_KINDS: readonly ContactKind[] = ["FAST_VARDKONTAKT", "FAST_LAKARKONTAKT", "ANNAN_FAST_KONTAKT"];

/** A unit where someone works, with its care giver (vårdgivare, the organisation). */
export type CareGiverUnitFacts = { id: string; kind: CareUnitKind; organisationId: string };

/**
 * The medically responsible person of a fast vårdkontakt (seed §3.3: "Om den fasta
 * vårdkontakten inte är medicinskt ansvarig för patienten är det lämpligt att det görs tydligt
 * vem som har det ansvaret"; SPEC §3): a legitimerad läkare (HOSP "LK") employed, on the date,
 * at a health care unit of the same care giver as the contact's unit — the care giver's health
 * care, not its hemtjänst nor another care giver. `workplaces` are the units the person is
 * employed at; `careGiverId` is the organisation of the contact's unit.
 */
export function medicallyResponsibleRules(
  person: StaffFacts,
  workplaces: readonly CareGiverUnitFacts[],
  careGiverId: string,
  date: IsoDate,
): Reason[] {
  const reasons: Reason[] = [];
  if (!isLegitimeradLakare(person)) reasons.push({ code: "medicallyResponsibleNotLakare" });
  const inCareGiversHealthCare = workplaces.some(
    (u) => u.organisationId === careGiverId && HEALTH_CARE_UNIT_KINDS.includes(u.kind) && employedOn(person, u.id, date).length === 0,
  );
  if (!inCareGiversHealthCare) reasons.push({ code: "medicallyResponsibleOutsideCareGiver" });
  return reasons;
}

/**
 * Staff turnover (docs/decisions/011, 018): a contact whose medically responsible läkare
 * leaves keeps a medically responsible läkare — a replacement is chosen, never blanked
 * silently. `replacement` is the person chosen (null: none chosen).
 */
export function medicallyResponsibleReplacementRules(
  replacement: { person: StaffFacts; workplaces: readonly CareGiverUnitFacts[] } | null,
  careGiverId: string,
  date: IsoDate,
): Reason[] {
  if (!replacement) return [{ code: "medicallyResponsibleRequired" }];
  return medicallyResponsibleRules(replacement.person, replacement.workplaces, careGiverId, date);
}

/**
 * SOSFS 2011:7 2 kap. 3 § (a legitimerad läkare as fast vårdkontakt in a life-threatening
 * condition) does not apply to the health care the kommun is responsible for (HSL 12 kap.
 * 1–2 §§, 14 kap. 1 §; domain-facts §7, SPEC §5 process 4: "in the region's care"). There any
 * member of the health care staff may be the fast vårdkontakt, as PL 6 kap. 2 § allows.
 */
export const MUNICIPAL_HEALTH_CARE_UNIT_KINDS: readonly CareUnitKind[] = ["KOMMUNAL_PRIMARVARD"];

/**
 * Fast vårdkontakt (seed §3.3, PL 6 kap. 2 §): any member of the unit's health care staff,
 * whatever the profession — in a life-threatening condition, in the region's care, a
 * legitimerad läkare (SOSFS 2011:7 2 kap. 3 §, seed §3.3.1; not in municipal care, above).
 */
export function fastVardkontaktRules(a: Pick<AppointmentFacts, "unit" | "staff" | "lifeThreatening">): Reason[] {
  const reasons: Reason[] = [];
  if (!HEALTH_CARE_UNIT_KINDS.includes(a.unit.kind)) reasons.push({ code: "unitNotHealthCare" });
  // A non-health-care unit is refused above; the läkare rule is still reported there, as before.
  const lakareRequired = a.lifeThreatening && !MUNICIPAL_HEALTH_CARE_UNIT_KINDS.includes(a.unit.kind);
  if (lakareRequired && !isLegitimeradLakare(a.staff)) reasons.push({ code: "notLegitimeradLakare" });
  return reasons;
}

/**
 * Seed §2.3: "Specialist inom barn- och ungdomsmedicin eller geriatrik kan vara fast
 * läkarkontakt för sin målgrupp." The patient group each of these specialties serves; the
 * specialty counts for a patient only inside its group (allmänmedicin: everyone).
 */
export const LAKARE_TARGET_GROUPS: Readonly<Record<string, (patientAge: number) => boolean>> = {
  BARN_OCH_UNGDOMSMEDICIN: (age) => age < CHILD_AGE_LIMIT,
  GERIATRIK: (age) => age >= OLDER_PATIENT_AGE,
};

/**
 * Seed §2.3: which läkare may be fast läkarkontakt for a patient of this age.
 * - specialist in allmänmedicin, or in ST in allmänmedicin: any patient;
 * - specialist in barn- och ungdomsmedicin or geriatrik: for the specialty's group
 *   (LAKARE_TARGET_GROUPS) — outside it the specialty does not count, and a written
 *   justification cannot make it count: §2.3 limits these two to their group;
 * - "annan specialistutbildad läkare med likvärdig kompetens": a specialist in any other
 *   specialty (internmedicin, onkologi …), with a written justification of the equivalent
 *   competence. The justification opens only this case.
 */
export function lakareCompetence(staff: StaffFacts, patientAge: number, justification: string | null): Reason[] {
  if (!isLegitimeradLakare(staff)) return [{ code: "notLegitimeradLakare" }];
  const has = (specialty: string, inTrainingCounts = false) =>
    staff.specialties.some((s) => s.specialty === specialty && (s.status === "SPECIALIST" || inTrainingCounts));
  if (has("ALLMANMEDICIN", true)) return [];
  const groupSpecialties = Object.entries(LAKARE_TARGET_GROUPS).filter(([specialty]) => has(specialty));
  if (groupSpecialties.some(([, inGroup]) => inGroup(patientAge))) return [];
  const otherSpecialist = staff.specialties.some((s) => s.status === "SPECIALIST" && !(s.specialty in LAKARE_TARGET_GROUPS));
  if (otherSpecialist) {
    return justification && justification.trim().length > 0 ? [] : [{ code: "justificationRequired" }];
  }
  // A barnläkare for an adult, a geriatriker for a younger patient: not a case for a justification.
  if (groupSpecialties.length > 0) {
    return [{ code: "lakareOutsideTargetGroup", params: { childAge: CHILD_AGE_LIMIT, olderAge: OLDER_PATIENT_AGE } }];
  }
  return [{ code: "lakareLacksCompetence" }];
}

/**
 * Fast läkarkontakt (seed §2, HSL 7 kap. 3 §, PL 6 kap. 3 §): a läkare with the competence
 * for the patient's age group, at the regionally financed primary care unit where the
 * patient is listed; at most one per patient.
 */
export function fastLakarkontaktRules(
  a: Pick<AppointmentFacts, "unit" | "staff" | "patient" | "date" | "competenceJustification" | "replacesAssignmentId">,
): Reason[] {
  const reasons: Reason[] = [];
  if (!isRegionalPrimaryCare(a.unit)) reasons.push({ code: "unitNotRegionalPrimaryCare" });
  if (!a.patient.listings.some((l) => l.careUnitId === a.unit.id && activeOn(l, a.date))) {
    reasons.push({ code: "patientNotListed" });
  }
  reasons.push(...lakareCompetence(a.staff, ageOn(a.patient.birthDate, a.date), a.competenceJustification));
  const other = a.patient.activeAssignments.find((x) => x.kind === "FAST_LAKARKONTAKT" && x.id !== a.replacesAssignmentId);
  if (other) reasons.push({ code: "doctorContactExists" });
  return reasons;
}

/**
 * SoL 3 kap. 3 d § with its transitional rule: bevis, or tillsvidareanställd with the title
 * undersköterska on 2023-07-01, until 2033-06-30. The second is a recorded fact
 * (`permanentUnderskoterskaOnTitleDay`): a start date cannot tell whether the person was still
 * so employed on that day. Not recorded for someone whose permanent employment as
 * undersköterska began by that day: say that the fact is missing rather than that the person
 * does not qualify.
 */
export function underskoterskaQualified(staff: StaffFacts, date: IsoDate): Reason[] {
  if (staff.underskoterskaBevis) return [];
  if (staff.permanentUnderskoterskaOnTitleDay !== true) {
    const mayHaveBeen = staff.permanentUnderskoterskaFrom !== null && staff.permanentUnderskoterskaFrom <= UNDERSKOTERSKA_TITLE_FROM;
    if (staff.permanentUnderskoterskaOnTitleDay === null && mayHaveBeen) {
      return [{ code: "underskoterskaTitleDayNotRecorded", params: { date: UNDERSKOTERSKA_TITLE_FROM } }];
    }
    return [{ code: "notUnderskoterska" }];
  }
  if (date > UNDERSKOTERSKA_TRANSITION_LAST_DAY) {
    return [{ code: "transitionEnded", params: { date: UNDERSKOTERSKA_TRANSITION_LAST_DAY } }];
  }
  return [];
}

/**
 * Fast omsorgskontakt (SoL 4 kap. 2 b §, 3 kap. 3 d §; seed §4.5): a named undersköterska of
 * the hemtjänst unit that executes the patient's hemtjänst; one per patient and unit.
 */
export function fastOmsorgskontaktRules(
  a: Pick<AppointmentFacts, "unit" | "staff" | "patient" | "date" | "replacesAssignmentId">,
): Reason[] {
  const reasons: Reason[] = [];
  if (!HOME_CARE_UNIT_KINDS.includes(a.unit.kind)) reasons.push({ code: "unitNotHomeCare" });
  else if (!a.patient.homeCareServices.some((h) => h.careUnitId === a.unit.id && activeOn(h, a.date))) {
    reasons.push({ code: "noHomeCareAtUnit" });
  }
  reasons.push(...underskoterskaQualified(a.staff, a.date));
  const other = a.patient.activeAssignments.find(
    (x) => x.kind === "FAST_OMSORGSKONTAKT" && x.careUnitId === a.unit.id && x.id !== a.replacesAssignmentId,
  );
  if (other) reasons.push({ code: "careContactExistsAtUnit" });
  return reasons;
}

/** Seed §5: another fixed contact is recorded with its role and what to contact it about. */
export function annanFastKontaktRules(a: Pick<AppointmentFacts, "roleTitle" | "contactAbout">): Reason[] {
  const reasons: Reason[] = [];
  if (!a.roleTitle?.trim()) reasons.push({ code: "roleTitleRequired" });
  if (!a.contactAbout?.trim()) reasons.push({ code: "contactAboutRequired" });
  return reasons;
}

/**
 * Övergripande samordningsansvar (seed §3.3.2): only a fast vårdkontakt, only with the
 * patient's recorded consent, and at most one at a time per patient.
 */
export function overallCoordinationRules(
  a: Pick<AppointmentFacts, "kind" | "overallCoordination" | "coordinationConsentDate" | "date" | "patient" | "replacesAssignmentId">,
): Reason[] {
  if (!a.overallCoordination) return [];
  const reasons: Reason[] = [];
  if (a.kind !== "FAST_VARDKONTAKT") reasons.push({ code: "coordinationOnlyForVardkontakt" });
  if (a.coordinationConsentDate === null || a.coordinationConsentDate > a.date) reasons.push({ code: "coordinationNeedsConsent" });
  if (a.patient.activeAssignments.some((x) => x.overallCoordination && x.id !== a.replacesAssignmentId)) {
    reasons.push({ code: "coordinationExists" });
  }
  return reasons;
}

/**
 * Seed §3.3 ("behovet bör omprövas regelbundet"), SPEC §3: every assignment has a review
 * date. A date chosen now lies ahead; one a replacement keeps from the contact it replaces
 * may already be due — it stays on the worklist until someone reviews it, and a change of
 * staff must not wait for that.
 */
export function reviewDateRules(entered: IsoDate | null, kept: IsoDate | null, date: IsoDate, required = true): Reason[] {
  if (entered !== null) return entered > date ? [] : [{ code: "reviewDateNotAhead" }];
  return kept !== null || !required ? [] : [{ code: "reviewDateRequired" }];
}

/**
 * Seed §3.3: the duty to re-assess the need regularly is the fast vårdkontakt's ("behovet av
 * fast vårdkontakt bör omprövas regelbundet"), and it follows the routine for the other
 * contacts the unit appoints. A fast läkarkontakt is the patient's own choice (HSL 7 kap. 3 §,
 * seed §2): it lasts until the patient chooses again or leaves the listing, so it needs no
 * review date — one may be given, and then it lies ahead like any other.
 */
export function reviewDateRequiredFor(kind: ContactKind): boolean {
  return kind !== "FAST_LAKARKONTAKT";
}

/**
 * A review is overdue from the day after its date (seed §3.3), and only where the review duty
 * lies: a fast läkarkontakt's stored date is never "overdue".
 */
export function reviewOverdue(a: { kind: ContactKind; reviewDueDate: IsoDate | null }, today: IsoDate): boolean {
  return reviewDateRequiredFor(a.kind) && a.reviewDueDate !== null && a.reviewDueDate < today;
}

/**
 * REVIEW (Bilaga 1.6, seed §3.3): a review that keeps the contact sets the next review date,
 * strictly after the review day; a fast läkarkontakt may keep none (reviewDateRequiredFor).
 * A review that finds no remaining need sets no date.
 */
export function nextReviewDateRules(kind: ContactKind, needRemains: boolean, next: IsoDate | null, reviewDay: IsoDate): Reason[] {
  if (!needRemains) return [];
  return reviewDateRules(next, null, reviewDay, reviewDateRequiredFor(kind));
}

// ───────────────────────────── Whole appointments ──────────────────────────────────

/** Every rule that applies to appointing this person as this kind of contact on this date. */
export function checkAppointment(a: AppointmentFacts): Verdict {
  const kindRules: Record<ContactKind, () => Reason[]> = {
    FAST_VARDKONTAKT: () => fastVardkontaktRules(a),
    FAST_LAKARKONTAKT: () => fastLakarkontaktRules(a),
    FAST_OMSORGSKONTAKT: () => fastOmsorgskontaktRules(a),
    ANNAN_FAST_KONTAKT: () => annanFastKontaktRules(a),
  };
  return verdict([
    ...employedOn(a.staff, a.unit.id, a.date),
    ...kindRules[a.kind](),
    ...overallCoordinationRules(a),
    ...requestedContactRules(a),
    ...appointerMayAppoint(a),
  ]);
}

/**
 * CHANGE (Bilaga 1.5): the replacement satisfies the same rules as the assignment it
 * replaces — same kind and unit, a life-threatening case keeps a legitimerad läkare, an
 * övergripande samordningsansvar stays with its consent — and is another person.
 */
export function checkReplacement(replaced: ActiveAssignmentFacts | null, a: AppointmentFacts): Verdict {
  if (!replaced) return verdict([{ code: "replacedNotActive" }]);
  const reasons: Reason[] = [];
  if (replaced.staffMemberId === a.staff.id) reasons.push({ code: "replacementIsSamePerson" });
  if (replaced.kind !== a.kind) reasons.push({ code: "replacementChangesKind" });
  if (replaced.careUnitId !== a.unit.id) reasons.push({ code: "replacementChangesUnit" });
  const same = checkAppointment({
    ...a,
    lifeThreatening: a.lifeThreatening || replaced.lifeThreatening,
    overallCoordination: a.overallCoordination || replaced.overallCoordination,
    replacesAssignmentId: replaced.id,
  });
  if (!same.eligible) reasons.push(...same.reasons);
  return verdict(reasons);
}

// ───────────────────────────── Process-level rules ─────────────────────────────────

/**
 * A refusal can only be documented where the process offers something the patient may
 * decline (Bilaga 1.2, 1.3; SoL 4 kap. 2 b §). A patient's own request must lead to an
 * appointment (PL 6 kap. 2 §), so PATIENT_REQUEST has no refusal.
 */
export const PROCESSES_THAT_OFFER: readonly ProcessCode[] = ["ASSESSMENT", "DISCHARGE_REFERRAL", "HOME_CARE_CONTACT"];

/**
 * PL 6 kap. 2 §: the verksamhetschef *shall* appoint a fast vårdkontakt when the patient asks
 * for one, so a patient's request closes with an appointment — never for lack of need — or with
 * one of the audited closing reasons below (requestClosingRules, requestedContactRules);
 * machines/machines.test.ts walks every path of the PATIENT_REQUEST machine to prove it.
 */
export const PROCESSES_THAT_MUST_APPOINT: readonly ProcessCode[] = ["PATIENT_REQUEST"];

export function refusalPossible(process: ProcessCode): Verdict {
  return verdict(PROCESSES_THAT_OFFER.includes(process) ? [] : [{ code: "refusalNotOffered" }]);
}

/**
 * Lag (2017:612) 2 kap. 5 § (seed §3.1, §3.3): the inskrivningsmeddelande goes to a unit "i den
 * regionfinansierade öppna vården" — open care (REFERRAL_RECEIVER_KINDS) that the region
 * finances: its own units or those under its vårdval or agreements (`regionallyFinanced`). A
 * privately financed clinic of the same kind is not named by the law and cannot receive it.
 */
export function referralReceiverRules(fromUnitId: string, to: UnitFacts): Verdict {
  const reasons: Reason[] = [];
  if (to.id === fromUnitId) reasons.push({ code: "referralToSameUnit" });
  if (!REFERRAL_RECEIVER_KINDS.includes(to.kind)) reasons.push({ code: "referralReceiverNotOpenCare" });
  else if (!to.regionallyFinanced) reasons.push({ code: "referralReceiverNotRegionallyFinanced" });
  return verdict(reasons);
}

/**
 * Lag (2017:612) (seed §3.1, Bilaga 1.3 "Läggs in på avdelning"): the inskrivningsmeddelande is
 * sent from the slutenvård, where the patient is admitted; so a discharge case is opened there
 * and nowhere else (a vårdcentral receives, it does not send).
 */
export function referralSenderRules(from: Pick<UnitFacts, "kind">): Reason[] {
  return REFERRAL_SENDER_KINDS.includes(from.kind) ? [] : [{ code: "referralSenderNotInpatientCare" }];
}

/**
 * Opening a case at the unit the user acts for: the process must apply there (processAppliesAt,
 * with the statutes cited there). The start page offers only these, and the executor checks
 * again, so no other way in (a crafted form, an API) opens one elsewhere.
 */
export function caseOpeningRules(process: ProcessCode, unit: Pick<UnitFacts, "kind" | "regionallyFinanced">): Verdict {
  if (process === "DISCHARGE_REFERRAL") return verdict(referralSenderRules(unit));
  return verdict(processAppliesAt(process, unit) ? [] : [{ code: "processNotAtUnit" }]);
}

/**
 * Lag (2017:612) 2 kap. 5 §: the receiving unit appoints a fast vårdkontakt "unless the patient
 * already has one" there. The one the patient has, if any.
 */
export function careContactAtUnit(assignments: readonly ActiveAssignmentFacts[], unitId: string): ActiveAssignmentFacts | null {
  return assignments.find((a) => a.kind === "FAST_VARDKONTAKT" && a.careUnitId === unitId) ?? null;
}

/** Lag (2017:612): the inskrivningsmeddelande within 24 hours of admission, or of a later assessment. */
export const REFERRAL_DEADLINE_HOURS = 24;

export function referralDeadline(admittedAt: string, assessedAt: string): string {
  const hours = REFERRAL_DEADLINE_HOURS * 3_600_000;
  const admitted = Date.parse(admittedAt);
  const assessed = Date.parse(assessedAt);
  // Judged during the first 24 hours (at admission): the clock runs from the admission;
  // judged later, from the assessment — so a deadline never falls at the moment of judging.
  const from = assessed - admitted < hours ? admitted : assessed;
  return new Date(from + hours).toISOString();
}

/**
 * Lag (2017:612) (domain-facts §4: "≤ 24 hours after inskrivning"): an inskrivningsmeddelande
 * sent after its deadline (referralDeadline) was sent late. "Inom 24 timmar" is elapsed time, so
 * the comparison is of instants: sent exactly 24 h 0 min after the start is in time, any later
 * instant is late. Hours, not calendar days: across a DST change (Europe/Stockholm) the deadline
 * shows 23 or 25 hours later on the clock, but 24 hours have passed — unlike SIP's calendar days.
 */
export function referralSentLate(dueAt: string, sentAt: string): boolean {
  return Date.parse(sentAt) > Date.parse(dueAt);
}

/**
 * Lag (2017:612) 4 kap. 1, 3 §§: the fast vårdkontakt calls to SIP within `days` days of the
 * notice that the patient is ready for discharge. Calendar days by default (configuration).
 */
export function sipCallDeadline(readyAt: string, days: number): string {
  // Calendar days on Swedish clocks: the same time of day, also across a DST change.
  const ready = new Date(readyAt);
  return stockholmInstant(addDays(isoDateInStockholm(ready), days), stockholmTimeOfDay(ready)).toISOString();
}

/** Seed §3.3.2: with two or more fasta vårdkontakter one should hold övergripande samordningsansvar. */
export function lacksOverallCoordination(contacts: readonly { kind: ContactKind; overallCoordination: boolean }[]): number {
  const fvk = contacts.filter((c) => c.kind === "FAST_VARDKONTAKT");
  return fvk.length >= 2 && !fvk.some((c) => c.overallCoordination) ? fvk.length : 0;
}

export type NotificationChannel = "VIA_1177" | "LETTER" | "PHONE" | "IN_PERSON";
export type NotificationEntry = {
  recipient: "PATIENT" | "RELATIVE";
  channel: NotificationChannel;
  notifiedOn: IsoDate;
  /** Who was told, by name and relation (a närstående or legal representative); not for the patient. */
  who?: string | null;
};
/**
 * How the patient must be told (set when the case starts): personally; directly, because
 * what 1177 shows does not carry the news (an ended contact simply disappears); relatives too.
 */
export type NotificationRequirement = { personal: boolean; direct: boolean; relatives: boolean };

/** Bilaga 1.4 and 1.5: "personlig information" — in person or by phone, not a letter or 1177. */
export const PERSONAL_CHANNELS: readonly NotificationChannel[] = ["IN_PERSON", "PHONE"];

/**
 * Telling the patient (Bilaga 1.1–1.6): where 1177 suffices, recording "via 1177" is enough;
 * an ending is told directly (Bilaga 1.6: "Mottager information om att fast vårdkontakt är
 * avslutad"); a life-threatening condition or a change needs personal information, and relatives
 * (närstående) are told too where the case says so ("i förekommande fall anhöriga").
 */
export function notificationRules(
  required: NotificationRequirement,
  entries: readonly NotificationEntry[],
  patientNotInformed: PatientNotInformed | null = null,
): Verdict {
  // The patient could not be told: relatives or a legal representative are told instead.
  if (patientNotInformed !== null) return verdict(notificationInsteadOfPatientRules(required, entries, patientNotInformed));
  const reasons: Reason[] = [];
  const patient = entries.filter((e) => e.recipient === "PATIENT");
  const relatives = entries.filter((e) => e.recipient === "RELATIVE");
  if (patient.length === 0) reasons.push({ code: "patientNotNotified" });
  else if (required.personal && !patient.some((e) => PERSONAL_CHANNELS.includes(e.channel))) {
    reasons.push({ code: "patientNotToldPersonally" });
  } else if (required.direct && patient.every((e) => e.channel === "VIA_1177")) {
    reasons.push({ code: "patientNotToldDirectly" });
  }
  if (required.relatives && relatives.length === 0) reasons.push({ code: "relativesNotNotified" });
  else if (required.relatives && required.personal && !relatives.some((e) => PERSONAL_CHANNELS.includes(e.channel))) {
    reasons.push({ code: "relativesNotToldPersonally" });
  }
  return verdict(reasons);
}

// ───────────────────────────── When the patient cannot be told ─────────────────────

/** Why the patient could not be told (unconscious, dying, …), as staff recorded it. */
export type PatientNotInformed = { reason: string };

/**
 * Seed §3.3 (the fast vårdkontakt informs the patient: "Om informationen inte kan lämnas till
 * patienten ska den ges till närstående"), SPEC §3.4 ("When the patient cannot be informed,
 * record why, and who among the relatives or legal representatives was told"), Bilaga 1.4
 * ("Patienten och i förekommande fall anhöriga får personlig information"). Enough is: a
 * recorded reason, no entry claiming the patient was told after all, and a närstående or legal
 * representative named, with how and when — personally where the case asks for personal
 * information (Bilaga 1.4, 1.5), and never "via 1177": 1177 reaches only the patient's own
 * account, so it tells no one else anything.
 */
export function notificationInsteadOfPatientRules(
  required: NotificationRequirement,
  entries: readonly NotificationEntry[],
  notInformed: PatientNotInformed,
): Reason[] {
  const reasons: Reason[] = [];
  if (!notInformed.reason.trim()) reasons.push({ code: "patientNotInformedReasonRequired" });
  if (entries.some((e) => e.recipient === "PATIENT")) reasons.push({ code: "patientBothInformedAndNot" });
  const told = entries.filter((e) => e.recipient === "RELATIVE");
  if (told.length === 0) return [...reasons, { code: "representativeNotNotified" }];
  if (told.some((e) => !e.who?.trim())) reasons.push({ code: "representativeNotNamed" });
  if (told.some((e) => e.channel === "VIA_1177")) reasons.push({ code: "representativeVia1177" });
  else if (required.personal && !told.some((e) => PERSONAL_CHANNELS.includes(e.channel))) {
    reasons.push({ code: "relativesNotToldPersonally" });
  }
  return reasons;
}

// ───────────────────────────── How a patient's request closes ──────────────────────

/**
 * PL 6 kap. 2 §: a patient who asks for a fast vårdkontakt gets one — never "no need". The
 * request also ends, without an appointment, when there is no longer anyone to appoint one for
 * at this unit: the patient withdrew the request, died, or moved away from the unit's
 * responsibility. Exactly these; each is an audited step with its reason (docs/processes.md).
 * A patient who already has a fast vårdkontakt at the unit closes the request by
 * CONFIRM_EXISTING_CONTACT instead, judged from the facts (requestedContactRules).
 */
export const REQUEST_CLOSING_REASONS = ["WITHDRAWN", "DIED", "MOVED_AWAY"] as const;
export type RequestClosingReason = (typeof REQUEST_CLOSING_REASONS)[number];

export function requestClosingRules(process: ProcessCode, reason: string): Verdict {
  const allowed = PROCESSES_THAT_MUST_APPOINT.includes(process) && (REQUEST_CLOSING_REASONS as readonly string[]).includes(reason);
  return verdict(allowed ? [] : [{ code: "requestClosingReasonNotAllowed" }]);
}

/**
 * PL 6 kap. 2 §: the patient's request is met by a fast vårdkontakt at the unit; one who already
 * has one there has it, and a second at the same unit would answer nothing (Lag 2017:612
 * 2 kap. 5 § reads the same: "unless the patient already has one"). The executor refuses the
 * second and the case page offers CONFIRM_EXISTING_CONTACT.
 */
export function requestedContactRules(
  a: Pick<AppointmentFacts, "process" | "kind" | "unit" | "patient" | "replacesAssignmentId">,
): Reason[] {
  if (!PROCESSES_THAT_MUST_APPOINT.includes(a.process) || a.kind !== "FAST_VARDKONTAKT") return [];
  const others = a.patient.activeAssignments.filter((x) => x.id !== a.replacesAssignmentId);
  return careContactAtUnit(others, a.unit.id) ? [{ code: "vardkontaktExistsAtUnit" }] : [];
}

// ───────────────────────────── What the patient sees ───────────────────────────────
// One place for what leaves the product towards the patient: the 1177 view
// (app/routes/_app.patienter.$patientId_.1177.tsx), GetCareManagers and FHIR CareTeam.

/**
 * A contact is shown while it runs: from its start until its end. A change takes effect at
 * one instant (Bilaga 1.5), and a turnover sets both ahead of time, so "active" is judged
 * at a moment, never by whether an end is recorded (SPEC §4: "never shows an ended contact").
 */
export function activeAt(a: { startedAt: Date; endedAt: Date | null }, at: Date): boolean {
  return a.startedAt.getTime() <= at.getTime() && (a.endedAt === null || a.endedAt.getTime() > at.getTime());
}

/** Ended by the moment: what FHIR calls "inactive". Contacts that start later are neither. */
export function endedBy(a: { endedAt: Date | null }, at: Date): boolean {
  return a.endedAt !== null && a.endedAt.getTime() <= at.getTime();
}

/**
 * Seed §5.1: a handläggare's person and contact details are not published to the citizen
 * (threats against handläggare have occurred); contact goes through the unit. The seed names
 * "biståndshandläggare, socialsekreterare, LSS-handläggare eller liknande". The KV_befattning
 * codes that are such a handläggare (domain-facts §2.1): Socialsekreterare (351010) and
 * Biståndsbedömare (351012, KV's name for the biståndshandläggare). KV has no code for an
 * LSS-handläggare; add it here if one appears.
 */
export const HANDLAGGARE_BEFATTNINGAR: readonly string[] = ["351010", "351012"];

export const isHandlaggare = (befattningCode: string) => HANDLAGGARE_BEFATTNINGAR.includes(befattningCode);

/**
 * Seed §5.1 ("person- och kontaktuppgifter"): whether the person's name and HSA-id reach the
 * patient. Never a handläggare's: only the role (befattning, kind of contact) and the unit.
 */
export function personIdentifiedToPatient(a: { befattningCode: string }): boolean {
  return !isHandlaggare(a.befattningCode);
}

/**
 * Seed §6.1.1: the direct phone is shown to the patient only where staff allowed it for this
 * assignment; never a handläggare's (seed §5.1).
 */
export function directPhoneShownToPatient(a: { directPhoneVisibleToPatient: boolean; befattningCode: string }): boolean {
  return a.directPhoneVisibleToPatient && !isHandlaggare(a.befattningCode);
}

/**
 * One of the person's own ways of contact. Seed §5.1: none of a handläggare's. Seed §6.1.1:
 * every phone number of the person is a direct number, whether filed as the direct phone or as
 * a way of contact (an "Arbetstelefon" with its contact times, seed §6.3.1), so the assignment's
 * choice about the direct phone covers them all; digital ways (chat, e-service) are not phones.
 */
export function personalContactWayShownToPatient(
  way: { kind: string },
  a: { directPhoneVisibleToPatient: boolean; befattningCode: string },
): boolean {
  return !isHandlaggare(a.befattningCode) && (way.kind !== "PHONE" || directPhoneShownToPatient(a));
}

/**
 * Inera KV Typ av fast kontakt (OID 1.2.752.129.5.1.69, domain-facts §2.3): 4 is a fast
 * vårdkontakt with övergripande samordningsansvar (seed §3.3.2). Annan fast kontakt has no
 * code: it is sent by its role title (decision 012).
 */
export function typAvFastKontakt(a: { kind: ContactKind; overallCoordination: boolean }): "1" | "2" | "3" | "4" | null {
  switch (a.kind) {
    case "FAST_VARDKONTAKT":
      return a.overallCoordination ? "4" : "1";
    case "FAST_LAKARKONTAKT":
      return "2";
    case "FAST_OMSORGSKONTAKT":
      return "3";
    case "ANNAN_FAST_KONTAKT":
      return null;
  }
}

// ───────────────────────────── Listing ─────────────────────────────────────────────

export type ListingPeriod = { from: IsoDate; to: IsoDate | null };

/**
 * HSL 7 kap. 3 a §: a patient is listed at only one primary care unit at a time. A new
 * listing may not overlap one the patient has (a move: the old one ends the day before the
 * new one starts). The database refuses the same (migration 20261205005100_one_active_listing).
 */
export function listingRules(existing: readonly ListingPeriod[], proposed: ListingPeriod): Reason[] {
  const overlaps = (a: ListingPeriod, b: ListingPeriod) => a.from <= (b.to ?? "9999-12-31") && b.from <= (a.to ?? "9999-12-31");
  const other = existing.find((l) => overlaps(l, proposed));
  return other ? [{ code: "alreadyListed", params: { date: other.from } }] : [];
}

// ───────────────────────────── Inre sekretess: a current care relation ─────────────
// PDL 4 kap. 1 §: staff may read a patient's data only if they take part in the patient's care
// or otherwise need it for their work. A unit therefore "knows" a patient — may find, open
// and start cases for them — only while it has a current care relation with the patient. What
// counts is decided in docs/decisions/022; the database query that lists and finds patients
// (knownAtUnit in app/models/patients.server.ts) is built from the same window, and
// tests/integration/care-relation.test.ts holds the two to the same answer.

/**
 * How long an ended stay or visit still counts as a current relation: the unit keeps taking
 * part in the patient's care after the patient left (results, epikris, follow-up, a yearly
 * control) for at most this many days. A policy choice, not a statutory figure (decision 022).
 */
export const RECENT_CARE_DAYS = 365;

/** The relations a patient has with one unit, each with the dates that decide whether it is current. */
export type CareRelationFacts = {
  listings: readonly { from: IsoDate; to: IsoDate | null }[];
  homeCareServices: readonly { from: IsoDate; to: IsoDate | null }[];
  /** Stays and visits (CareEpisode). */
  careEpisodes: readonly { endedAt: Date | null }[];
  /** Fixed contacts held at the unit. */
  assignments: readonly { endedAt: Date | null }[];
  /** Cases the unit has open for the patient. */
  openCases: number;
  /** Inskrivningsmeddelanden sent to the unit. */
  referralsReceived: readonly { sentAt: Date }[];
};

/** The window of RECENT_CARE_DAYS at a moment: today's date and the first instant still "recent". */
export function careRelationWindow(at: Date): { today: IsoDate; recentSince: Date } {
  const today = isoDateInStockholm(at);
  return { today, recentSince: stockholmInstant(addDays(today, -RECENT_CARE_DAYS)) };
}

/**
 * A current care relation (decision 022): a listing or hemtjänst in force today; a stay or
 * visit that is open or ended within RECENT_CARE_DAYS; a fixed contact not yet ended; a case
 * the unit has open; an inskrivningsmeddelande sent to the unit within RECENT_CARE_DAYS.
 */
export function hasCurrentCareRelation(r: CareRelationFacts, at: Date): boolean {
  const { today, recentSince } = careRelationWindow(at);
  const recent = (instant: Date | null) => instant === null || instant.getTime() >= recentSince.getTime();
  return (
    r.listings.some((l) => activeOn(l, today)) ||
    r.homeCareServices.some((h) => activeOn(h, today)) ||
    r.careEpisodes.some((e) => recent(e.endedAt)) ||
    r.assignments.some((a) => a.endedAt === null || a.endedAt.getTime() > at.getTime()) ||
    r.openCases > 0 ||
    r.referralsReceived.some((x) => recent(x.sentAt))
  );
}
