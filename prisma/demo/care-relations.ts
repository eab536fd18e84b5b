// How the patients relate to the units: listing at a vårdcentral (one at a time, HSL 7 kap.
// 3 a §), hemtjänst from one of the two hemtjänst units, stays at the wards and visits at the
// onkologmottagning. Some stays carry a role that the assignments, referrals and cases of
// the demo build on (e.g. the patient whose inskrivningsmeddelande is not yet received).
import type { Prisma } from "~/generated/prisma/client";
import { ageOn } from "~/domain/identifiers";
import { listingRules } from "../../machines/rules";
import { COHORT_REFERENCE_DATE, addDays, addMonths, stockholmInstant } from "./dates";
import type { UnitKey } from "./organisations";
import { UNITS } from "./organisations";
import type { DemoPatient } from "./patients";
import { createRandom, type Random } from "./random";

export type ListingPlan = { id: string; patientId: string; unit: UnitKey; from: string; to: string | null };

/**
 * What the hemtjänst unit has done about a fast omsorgskontakt (SoL; SPEC §5 process 7):
 * appointed one, documented a refusal, recorded "obviously unnecessary", has an open offer
 * (case), or nothing yet (a gap the compliance view shows).
 */
export type HomeCareOutcome = "contact" | "refused" | "notNeeded" | "offerPending" | "acceptedPending" | "none";

export type HomeCarePlan = {
  id: string;
  patientId: string;
  unit: UnitKey;
  from: string;
  to: string | null;
  outcome: HomeCareOutcome;
  notNeededReason: string | null;
};

export type EpisodeRole =
  | "referralReceived"
  | "referralPending"
  | "newAdmission"
  | "declinedReferral"
  | "lifeThreatening"
  | "wardContact"
  | "multipleContactsNoCoordination"
  | "coordinatedContacts"
  | "contactNurse"
  | "assessment"
  | "endedWardContact";

export type EpisodePlan = {
  id: string;
  patientId: string;
  unit: UnitKey;
  kind: "INPATIENT" | "OUTPATIENT";
  startDate: string;
  startedAt: Date;
  endedAt: Date | null;
  plannedDischargeDate: string | null;
  role: EpisodeRole | null;
};

export type CareRelations = {
  listings: ListingPlan[];
  /** The listing in force today, per patient. */
  listedAt: Map<string, ListingPlan>;
  homeCare: HomeCarePlan[];
  /** The hemtjänst in force today, per patient. */
  activeHomeCare: Map<string, HomeCarePlan>;
  episodes: EpisodePlan[];
  /** Patients given a role by a stay or visit; kept out of the generic cohorts of assignments. */
  withRole: Set<string>;
};

const NOT_NEEDED_REASONS = [
  "Endast trygghetslarm, insatsen pågår två veckor",
  "Enbart matdistribution en gång i veckan",
  "Tillfällig insats efter utskrivning: dusch en gång i veckan under fyra veckor",
];

const time = (random: Random, fromHour: number, toHour: number) =>
  `${String(random.int(fromHour, toHour)).padStart(2, "0")}:${String(random.int(0, 11) * 5).padStart(2, "0")}`;

export function buildCareRelations(patients: DemoPatient[], today: string): CareRelations {
  const random = createRandom(7_012_017);
  // Cohorts are chosen by age on a fixed date (see COHORT_REFERENCE_DATE).
  const age = (p: DemoPatient) => ageOn(p.birthDate, COHORT_REFERENCE_DATE);
  const listings: ListingPlan[] = [];
  const listedAt = new Map<string, ListingPlan>();

  // ── Listing ─────────────────────────────────────────────────────────────────
  const listingUnitFor = (p: DemoPatient): UnitKey => {
    const r = random.next();
    switch (p.town) {
      case "hammarvik":
        return age(p) < 18 || r < 0.6 ? "vcHamnstaden" : "lakarhuset";
      case "lillgrund":
        return r < 0.5 ? "vcHamnstaden" : "vcNorrsjo";
      case "bergsjoholm":
        return "vcNorrsjo";
      default:
        return r < 0.85 ? "vcNorrsjo" : "lakarhuset";
    }
  };
  let listingNumber = 0;
  const listingId = () => `demo-listing-${String(++listingNumber).padStart(3, "0")}`;
  let withHistory = 0;
  // One listing at a time (HSL 7 kap. 3 a §): the rule the database also enforces.
  const list = (plan: ListingPlan) => {
    const reasons = listingRules(listings.filter((l) => l.patientId === plan.patientId), plan);
    if (reasons.length > 0) throw new Error(`demo listing ${plan.id} overlaps another listing of ${plan.patientId}`);
    listings.push(plan);
  };
  for (const p of patients) {
    if (p.identifierKind === "RESERVNUMMER") continue;
    // Persons with samordningsnummer are seldom listed; one of them is.
    if (p.identifierKind === "SAMORDNINGSNUMMER" && p.lastName !== "Kovalenko") continue;
    if (p.identifierKind === "PERSONNUMMER" && !p.protectedIdentity && random.chance(0.05)) continue;
    // The protected patient lives in Norrsjö but her town is not stored; she is listed there.
    const unit = p.protectedIdentity ? "vcNorrsjo" : listingUnitFor(p);
    const birthPlus = addDays(p.birthDate, 21);
    let from = addMonths(today, -random.int(4, 200));
    if (from < birthPlus) from = birthPlus;
    // A few adults moved their listing (one at a time: the old one ends the day before).
    if (withHistory < 6 && age(p) >= 30 && !p.protectedIdentity && random.chance(0.08)) {
      withHistory++;
      from = addMonths(today, -random.int(3, 18));
      const previousUnit: UnitKey = unit === "vcNorrsjo" ? "vcHamnstaden" : "vcNorrsjo";
      list({ id: listingId(), patientId: p.id, unit: previousUnit, from: addMonths(from, -random.int(24, 60)), to: addDays(from, -1) });
    }
    const listing = { id: listingId(), patientId: p.id, unit, from, to: null };
    list(listing);
    listedAt.set(p.id, listing);
  }

  // ── Hemtjänst: 40 older patients ───────────────────────────────────────────
  const homeCare: HomeCarePlan[] = [];
  const activeHomeCare = new Map<string, HomeCarePlan>();
  const elderly = random.shuffle(patients.filter((p) => age(p) >= 75 && p.town !== null && listedAt.has(p.id)));
  const recipients = elderly.slice(0, 40);
  let homeCareNumber = 0;
  const homeCareId = () => `demo-homecare-${String(++homeCareNumber).padStart(3, "0")}`;
  const perUnit: Record<"hemtjanstCentrum" | "hemtjanstOmsorgshjalpen", number> = { hemtjanstCentrum: 0, hemtjanstOmsorgshjalpen: 0 };
  // Outcomes in the order recipients arrive at each unit; the rest get a fast omsorgskontakt.
  const centrumOutcomes: HomeCareOutcome[] = ["notNeeded", "contact", "refused", "contact", "offerPending", "notNeeded", "contact", "acceptedPending", "refused", "none", "notNeeded"];
  const omsorgshjalpenOutcomes: HomeCareOutcome[] = ["contact", "contact", "none", "contact", "contact", "contact", "none"];
  let reason = 0;
  let switched = false;
  for (const p of recipients) {
    const preferCentrum = p.town === "norrsjo" || p.town === "bergsjoholm";
    const unit = (preferCentrum ? random.chance(0.85) : random.chance(0.3)) ? "hemtjanstCentrum" : "hemtjanstOmsorgshjalpen";
    const index = perUnit[unit]++;
    const outcomes = unit === "hemtjanstCentrum" ? centrumOutcomes : omsorgshjalpenOutcomes;
    const outcome = outcomes[index] ?? "contact";
    let from = addMonths(today, -random.int(1, 60));
    // Offers still open were made recently.
    if (outcome === "offerPending" || outcome === "acceptedPending" || outcome === "none") from = addDays(today, -random.int(6, 20));
    if (outcome === "notNeeded" && reason === 0) from = addDays(today, -5); // the two-week trygghetslarm
    // One recipient changed utförare: the old hemtjänst ended the day before the new began.
    if (!switched && unit === "hemtjanstCentrum" && outcome === "contact" && from < addMonths(today, -14) && from > addMonths(today, -30)) {
      switched = true;
      homeCare.push({ id: homeCareId(), patientId: p.id, unit: "hemtjanstOmsorgshjalpen", from: addMonths(from, -20), to: addDays(from, -1), outcome: "contact", notNeededReason: null });
    }
    const plan: HomeCarePlan = {
      id: homeCareId(),
      patientId: p.id,
      unit,
      from,
      to: null,
      outcome,
      notNeededReason: outcome === "notNeeded" ? NOT_NEEDED_REASONS[reason++ % NOT_NEEDED_REASONS.length] : null,
    };
    homeCare.push(plan);
    activeHomeCare.set(p.id, plan);
  }

  // ── Stays and visits ───────────────────────────────────────────────────────
  const episodes: EpisodePlan[] = [];
  const withRole = new Set<string>();
  let episodeNumber = 0;
  const episodeId = () => `demo-episode-${String(++episodeNumber).padStart(3, "0")}`;
  const pool = random.shuffle(patients.filter((p) => p.identifierKind === "PERSONNUMMER" && !p.protectedIdentity));
  const take = (predicate: (p: DemoPatient) => boolean): DemoPatient => {
    const found = pool.find((p) => !withRole.has(p.id) && predicate(p));
    if (!found) throw new Error("the demo population has no patient for a role; adjust the generator");
    withRole.add(found.id);
    return found;
  };
  const listedAtUnit = (unit: UnitKey) => (p: DemoPatient) => listedAt.get(p.id)?.unit === unit && age(p) >= 18;
  const withContactAtCentrum = (p: DemoPatient) =>
    activeHomeCare.get(p.id)?.unit === "hemtjanstCentrum" && activeHomeCare.get(p.id)?.outcome === "contact";

  const admit = (p: DemoPatient, unit: UnitKey, role: EpisodeRole | null, daysAgo: number, plannedInDays: number) => {
    const startDate = addDays(today, -daysAgo);
    episodes.push({
      id: episodeId(),
      patientId: p.id,
      unit,
      kind: "INPATIENT",
      startDate,
      // The new admission came in late last night: its 24-hour deadline runs into tomorrow.
      startedAt: stockholmInstant(startDate, role === "newAdmission" ? "23:10" : time(random, 8, 22)),
      endedAt: null,
      plannedDischargeDate: addDays(today, plannedInDays),
      role,
    });
  };

  // Medicinavdelning 12: currently admitted.
  admit(take((p) => listedAtUnit("vcNorrsjo")(p) && withContactAtCentrum(p)), "avd12", "referralReceived", 3, 3);
  admit(take((p) => listedAtUnit("vcNorrsjo")(p) && age(p) >= 60 && !activeHomeCare.has(p.id)), "avd12", "referralPending", 1, 5);
  admit(take((p) => listedAtUnit("vcHamnstaden")(p) && age(p) >= 60), "avd12", "newAdmission", 1, 6);
  admit(take((p) => listedAtUnit("vcNorrsjo")(p) && age(p) >= 65 && !activeHomeCare.has(p.id)), "avd12", "declinedReferral", 4, 2);
  admit(take((p) => age(p) >= 55 && age(p) < 85 && listedAt.has(p.id) && !activeHomeCare.has(p.id)), "avd12", "lifeThreatening", 6, 7);
  for (let i = 0; i < 3; i++) {
    admit(take((p) => age(p) >= 50 && listedAt.get(p.id)?.unit !== "vcNorrsjo" && listedAt.has(p.id)), "avd12", "wardContact", random.int(2, 9), random.int(2, 7));
  }
  const tourist = patients.find((p) => p.identifierKind === "RESERVNUMMER");
  if (tourist) {
    withRole.add(tourist.id);
    admit(tourist, "avd12", null, 2, 2);
  }
  // Geriatrisk avdelning 7: currently admitted.
  admit(take((p) => listedAtUnit("vcHamnstaden")(p) && age(p) >= 80 && !activeHomeCare.has(p.id) && p.town === "hammarvik"), "avd7", "multipleContactsNoCoordination", 5, 4);
  for (let i = 0; i < 2; i++) {
    admit(take((p) => age(p) >= 78 && listedAt.has(p.id)), "avd7", "wardContact", random.int(3, 12), random.int(2, 7));
  }
  for (let i = 0; i < 3; i++) {
    admit(take((p) => age(p) >= 75 && listedAt.has(p.id)), "avd7", null, random.int(1, 8), random.int(2, 7));
  }

  // Earlier stays, all ended; some had a fast vårdkontakt at the ward.
  for (let i = 0; i < 10; i++) {
    const p = take((q) => age(q) >= 60 && listedAt.has(q.id));
    const unit: UnitKey = i % 2 === 0 ? "avd12" : "avd7";
    const startDate = addDays(today, -random.int(30, 320));
    const discharge = addDays(startDate, random.int(3, 12));
    episodes.push({
      id: episodeId(),
      patientId: p.id,
      unit,
      kind: "INPATIENT",
      startDate,
      startedAt: stockholmInstant(startDate, time(random, 7, 23)),
      endedAt: stockholmInstant(discharge, time(random, 10, 15)),
      plannedDischargeDate: discharge,
      role: i < 5 ? "endedWardContact" : null,
    });
  }

  // Onkologmottagningen: visits over the last half year.
  const cancerPatients: [DemoPatient, EpisodeRole][] = [
    [take((p) => listedAtUnit("vcNorrsjo")(p) && age(p) >= 50 && age(p) < 80 && !activeHomeCare.has(p.id)), "coordinatedContacts"],
    [take((p) => age(p) >= 45 && age(p) < 85 && listedAt.has(p.id) && !activeHomeCare.has(p.id)), "lifeThreatening"],
  ];
  for (let i = 0; i < 10; i++) cancerPatients.push([take((p) => age(p) >= 40 && age(p) < 88 && listedAt.has(p.id)), "contactNurse"]);
  for (const [p, role] of cancerPatients) {
    for (let v = random.int(1, 3); v > 0; v--) {
      const startDate = addDays(today, -random.int(3, 180));
      const startedAt = stockholmInstant(startDate, time(random, 8, 15));
      episodes.push({
        id: episodeId(),
        patientId: p.id,
        unit: "onkologi",
        kind: "OUTPATIENT",
        startDate,
        startedAt,
        endedAt: new Date(startedAt.getTime() + 45 * 60_000),
        plannedDischargeDate: null,
        role,
      });
    }
  }

  // Vårdcentralen Norrsjö: visits after which the need for a fast vårdkontakt is assessed.
  for (let i = 0; i < 3; i++) {
    const p = take((q) => listedAtUnit("vcNorrsjo")(q) && age(q) >= 45);
    const startDate = addDays(today, -(1 + i * 3));
    const startedAt = stockholmInstant(startDate, time(random, 8, 15));
    episodes.push({
      id: episodeId(),
      patientId: p.id,
      unit: "vcNorrsjo",
      kind: "OUTPATIENT",
      startDate,
      startedAt,
      endedAt: new Date(startedAt.getTime() + 30 * 60_000),
      plannedDischargeDate: null,
      role: "assessment",
    });
  }

  return { listings, listedAt, homeCare, activeHomeCare, episodes, withRole };
}

export function listingRows(relations: CareRelations): Prisma.ListingCreateManyInput[] {
  return relations.listings.map((l) => ({ id: l.id, patientId: l.patientId, careUnitId: UNITS[l.unit], from: l.from, to: l.to }));
}

export function homeCareRows(relations: CareRelations, recordedByUserId: string): Prisma.HomeCareServiceCreateManyInput[] {
  return relations.homeCare.map((h) => ({
    id: h.id,
    patientId: h.patientId,
    careUnitId: UNITS[h.unit],
    from: h.from,
    to: h.to,
    contactNotNeededReason: h.notNeededReason,
    contactNotNeededAt: h.notNeededReason ? stockholmInstant(addDays(h.from, 1), "10:15") : null,
    // Only the kommun's own unit has a demo enhetschef; the reasons are all recorded there.
    contactNotNeededByUserId: h.notNeededReason && h.unit === "hemtjanstCentrum" ? recordedByUserId : null,
  }));
}

export function careEpisodeRows(relations: CareRelations): Prisma.CareEpisodeCreateManyInput[] {
  return relations.episodes.map((e) => ({
    id: e.id,
    patientId: e.patientId,
    careUnitId: UNITS[e.unit],
    kind: e.kind,
    startedAt: e.startedAt,
    endedAt: e.endedAt,
    plannedDischargeDate: e.plannedDischargeDate,
  }));
}
