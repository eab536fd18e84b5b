// The fixed contacts themselves (active and ended), the documented refusals and the
// notifications to patients and relatives. Every row follows the rules the application will
// enforce (SPEC §3): a fast läkarkontakt only at the unit where the patient is listed and held by
// an eligible läkare; a fast omsorgskontakt only by an undersköterska of the executing unit with
// bevis or under the transitional rule; livshotande tillstånd only by a legitimerad läkare; at
// most one övergripande samordningsansvar, always with consent.
import type { Prisma } from "~/generated/prisma/client";
import { ageOn } from "~/domain/identifiers";
import type { CareRelations, EpisodePlan } from "./care-relations";
import { COHORT_REFERENCE_DATE, addDays, addMonths, daysBetween, stockholmInstant } from "./dates";
import { TEAM_UNIT, UNITS, UNIT_NAMES, teamId, type TeamKey, type UnitKey } from "./organisations";
import type { DemoPatient } from "./patients";
import { createRandom } from "./random";
import { employedFrom, leaverKey, staffId, staffSpec } from "./staff";
import { DEMO_DELEGATION, type DemoUsername } from "./users";

type ContactKind = Prisma.AssignmentCreateManyInput["kind"];
type AssignmentRow = Prisma.AssignmentCreateManyInput & { id: string; startedAt: Date };
type RefusalRow = Prisma.RefusalCreateManyInput & { id: string; recordedAt: Date };
type NotificationRow = Prisma.NotificationCreateManyInput & { id: string };

/** Who did it, for the audit row: the demo user, the role used and any delegation. */
export type Actor = { userId: string; roleCode: string; delegationId: string | null };

export type DemoAssignment = { row: AssignmentRow; actor: Actor | null };
export type DemoRefusal = { row: RefusalRow; actor: Actor };

/** Patients and rows that the open cases (cases.ts) are about. */
export type ContactScenario = {
  patientRequestPatientId: string;
  doctorChoicePatientId: string;
  doctorChoiceStaffId: string;
  lifeThreateningPatientId: string;
  assessment: { pendingPatientId: string; informedPatientId: string; appointedPatientId: string };
  change: { patientId: string; oldAssignmentId: string };
  ending: { patientId: string; assignmentId: string };
  /** Patients' requests closed without an appointment (PL 6 kap. 2 §): withdrawn, moved away, a fast vårdkontakt already at the unit. */
  requestClosing: { withdrawnPatientId: string; movedAwayPatientId: string; existingContactPatientId: string };
  /** A life-threatening condition where the patient could not be told and a relative was (seed §3.3). */
  notInformedPatientId: string;
};

export type Contacts = {
  assignments: DemoAssignment[];
  refusals: DemoRefusal[];
  notifications: NotificationRow[];
  scenario: ContactScenario;
};

type Appointment = {
  kind: ContactKind;
  patient: DemoPatient;
  staff: string;
  unit: UnitKey;
  team?: TeamKey | null;
  /** Start this many days before today (moved later if the person was not yet employed, listed …). */
  daysAgo: number;
  startTime?: string;
  /** Never earlier than this date ("YYYY-MM-DD"), e.g. the listing or the hemtjänst start. */
  notBefore?: string;
  ended?: { date: string; time?: string; reason: string };
  reviewMonths?: number;
  overallCoordination?: boolean;
  medicallyResponsible?: string;
  visible?: boolean;
  lifeThreatening?: boolean;
  roleTitle?: string;
  contactAbout?: string;
  competenceJustification?: string;
  externalNote?: string;
  internalNote?: string;
  actor?: Actor | null;
  replacesId?: string;
  startedAt?: Date;
};

export function buildContacts(input: {
  today: string;
  patients: DemoPatient[];
  relations: CareRelations;
  userIds: Record<DemoUsername, string>;
}): Contacts {
  const { today, patients, relations, userIds } = input;
  const random = createRandom(1_177);
  const byId = new Map(patients.map((p) => [p.id, p]));
  // Cohorts are chosen by age on a fixed date (see COHORT_REFERENCE_DATE).
  const age = (p: DemoPatient) => ageOn(p.birthDate, COHORT_REFERENCE_DATE);
  const listedUnit = (p: DemoPatient) => relations.listedAt.get(p.id)?.unit;
  const delegationFrom = addDays(today, -DEMO_DELEGATION.validForDaysBefore);

  const actors = {
    verksamhetschef: { userId: userIds.verksamhetschef, roleCode: "VERKSAMHETSCHEF", delegationId: null },
    delegat: { userId: userIds.delegat, roleCode: "VARDPERSONAL", delegationId: DEMO_DELEGATION.id },
    enhetschef: { userId: userIds.enhetschef, roleCode: "ENHETSCHEF_HEMTJANST", delegationId: null },
  } satisfies Record<string, Actor>;
  /**
   * The demo user who appoints at the unit. Null where no demo user holds the appointing role
   * at that unit: the contact then names no appointer and its audit row no user.
   */
  const defaultActor = (unit: UnitKey, kind: ContactKind): Actor | null => {
    if (unit === "vcNorrsjo" && kind !== "FAST_OMSORGSKONTAKT") return actors.verksamhetschef;
    if (unit === "hemtjanstCentrum" && kind === "FAST_OMSORGSKONTAKT") return actors.enhetschef;
    return null;
  };

  /**
   * The need is reviewed every `months` (SPEC §3). Most reviews were done on time, so the due
   * date is the next anniversary of the start; an overdue one is stuck at the last anniversary
   * that has passed (possible once the first review date is behind us).
   */
  const reviewDueDate = (startDate: string, months: number, overdue: boolean | null): string => {
    let k = 1;
    if (overdue === null) return addMonths(startDate, months);
    while (addMonths(startDate, months * k) < today) k++;
    return overdue && k > 1 ? addMonths(startDate, months * (k - 1)) : addMonths(startDate, months * k);
  };

  const assignments: DemoAssignment[] = [];
  const activeFvkUnits = new Map<string, Set<UnitKey>>();
  const withFlk = new Set<string>();
  let assignmentNumber = 0;

  const appoint = (a: Appointment): DemoAssignment => {
    let startDate = addDays(today, -a.daysAgo);
    const employed = employedFrom(a.staff, a.unit, today);
    if (employed === null) throw new Error(`${a.staff} does not work at ${a.unit}`);
    for (const bound of [addDays(employed, 7), a.notBefore]) if (bound && startDate < bound) startDate = bound;
    const startedAt = a.startedAt ?? stockholmInstant(startDate, a.startTime ?? `${String(random.int(8, 15)).padStart(2, "0")}:${String(random.int(0, 11) * 5).padStart(2, "0")}`);
    const endedAt = a.ended ? stockholmInstant(a.ended.date, a.ended.time ?? "16:00") : null;
    if (endedAt && endedAt <= startedAt) throw new Error(`demo assignment for ${a.patient.id} would end before it starts`);
    // Nothing starts today: the seed may run before the chosen time of day.
    if (startDate >= today) throw new Error(`demo assignment for ${a.patient.id} would start today or later`);
    let actor = a.actor === undefined ? defaultActor(a.unit, a.kind) : a.actor;
    // A delegate can only have acted while the delegation was valid.
    if (actor?.delegationId && startDate < delegationFrom) actor = actors.verksamhetschef;
    const spec = staffSpec(a.staff);
    const id = `demo-asg-${String(++assignmentNumber).padStart(4, "0")}`;
    const row: AssignmentRow = {
      id,
      kind: a.kind,
      patientId: a.patient.id,
      staffMemberId: staffId(a.staff),
      careUnitId: UNITS[a.unit],
      teamId: a.team === null ? null : a.team ? teamId(a.team) : firstTeamAt(a.staff, a.unit),
      startedAt,
      endedAt,
      endReason: a.ended?.reason ?? null,
      overallCoordination: a.overallCoordination ?? false,
      // Seed §3.3.2: the patient's consent, recorded when the responsibility was given.
      coordinationConsentAt: a.overallCoordination ? startedAt : null,
      medicallyResponsibleStaffId: a.medicallyResponsible ? staffId(a.medicallyResponsible) : null,
      reviewDueDate: reviewDueDate(startDate, a.reviewMonths ?? (a.kind === "FAST_LAKARKONTAKT" ? 24 : 12), a.ended ? null : random.chance(0.15)),
      directPhoneVisibleToPatient: (a.visible ?? false) && spec.phone !== undefined,
      lifeThreatening: a.lifeThreatening ?? false,
      roleTitle: a.roleTitle ?? null,
      contactAbout: a.contactAbout ?? null,
      competenceJustification: a.competenceJustification ?? null,
      externalNote: a.externalNote ?? null,
      internalNote: a.internalNote ?? null,
      appointedByUserId: actor?.userId ?? null,
      replacesId: a.replacesId ?? null,
      createdAt: startedAt,
    };
    const assignment = { row, actor };
    assignments.push(assignment);
    if (!endedAt && a.kind === "FAST_VARDKONTAKT") {
      const units = activeFvkUnits.get(a.patient.id) ?? new Set<UnitKey>();
      if (units.has(a.unit)) throw new Error(`${a.patient.id} would get two fasta vårdkontakter at ${a.unit}`);
      activeFvkUnits.set(a.patient.id, units.add(a.unit));
    }
    if (!endedAt && a.kind === "FAST_LAKARKONTAKT") {
      if (withFlk.has(a.patient.id)) throw new Error(`${a.patient.id} would get two fasta läkarkontakter`);
      if (listedUnit(a.patient) !== a.unit) throw new Error(`fast läkarkontakt for ${a.patient.id} outside the listing unit`);
      withFlk.add(a.patient.id);
    }
    return assignment;
  };

  // ── Patient pools ───────────────────────────────────────────────────────────
  // Patients with a role from their stay or visit are handled explicitly below; the rest are
  // drawn in a fixed shuffled order. A patient gets at most one fast vårdkontakt from the
  // generic cohorts, so that several fasta vårdkontakter only occur where the demo means it.
  const generic = random.shuffle(patients.filter((p) => !relations.withRole.has(p.id) && p.identifierKind !== "RESERVNUMMER"));
  const taken = new Set<string>();
  const take = (...predicates: ((p: DemoPatient) => boolean)[]): DemoPatient => {
    for (const predicate of predicates) {
      const found = generic.find((p) => !taken.has(p.id) && predicate(p));
      if (found) {
        taken.add(found.id);
        return found;
      }
    }
    throw new Error("the demo population has no patient for a cohort; adjust the generator");
  };
  const listedAt = (unit: UnitKey, minAge = 18) => (p: DemoPatient) => listedUnit(p) === unit && age(p) >= minAge;
  const role = (r: EpisodePlan["role"], unit?: UnitKey): EpisodePlan[] => {
    const seen = new Set<string>();
    return relations.episodes.filter((e) => e.role === r && (!unit || e.unit === unit) && !seen.has(e.patientId) && seen.add(e.patientId));
  };
  const patientOf = (e: EpisodePlan) => byId.get(e.patientId)!;

  // Patients of open cases: no fast vårdkontakt / läkarkontakt at Vårdcentralen Norrsjö yet.
  const patientRequest = take(listedAt("vcNorrsjo", 40));
  const doctorChoice = take(listedAt("vcNorrsjo", 30));
  const lifeThreateningPending = take(listedAt("vcNorrsjo", 50));

  // ── The leaver: fast vårdkontakt for 25 patients, diabetessköterska for two ────
  const leaver = leaverKey();
  const protectedPatient = patients.find((p) => p.protectedIdentity);
  if (protectedPatient) taken.add(protectedPatient.id);
  const leaverPatients = [
    ...(protectedPatient ? [protectedPatient] : []),
    ...Array.from({ length: protectedPatient ? 24 : 25 }, () =>
      take(listedAt("vcNorrsjo", 65), listedAt("vcNorrsjo", 50), listedAt("vcNorrsjo", 18)),
    ),
  ];
  leaverPatients.forEach((patient, i) => {
    const daysAgo = random.int(20, 820);
    appoint({
      kind: "FAST_VARDKONTAKT",
      patient,
      staff: leaver,
      unit: "vcNorrsjo",
      daysAgo,
      medicallyResponsible: i % 5 === 1 ? "anders-berglund" : i % 7 === 3 && age(patient) >= 75 ? "birgitta-holm" : undefined,
      visible: i % 3 === 0,
      // Some were appointed by the delegate on the verksamhetschef's behalf.
      actor: i % 4 === 2 ? actors.delegat : undefined,
      externalNote: i === 4 ? "Eva har telefontid vardagar 08.00–09.00. Övrig tid går det bra att skriva via 1177." : undefined,
      internalNote: i === 7 ? "Hörselnedsättning: ring hellre än skriv brev. Dottern är kontaktperson enligt patientens önskan." : i === 11 ? "Behöver tolk (finska)." : undefined,
    });
  });
  for (let i = 0; i < 2; i++) {
    appoint({
      kind: "ANNAN_FAST_KONTAKT",
      patient: take(listedAt("vcNorrsjo", 40)),
      staff: leaver,
      unit: "vcNorrsjo",
      daysAgo: random.int(60, 500),
      roleTitle: "Diabetessköterska",
      contactAbout: "Frågor om din diabetes, dina provtagningar och ditt insulin",
      visible: true,
    });
  }

  // ── Other fasta vårdkontakter in primary care ──────────────────────────────
  const fvk = (staff: string, unit: UnitKey, count: number, extra: Partial<Appointment> = {}, minAge = 40) => {
    for (let i = 0; i < count; i++) {
      appoint({ kind: "FAST_VARDKONTAKT", patient: take(listedAt(unit, minAge), listedAt(unit, 18)), staff, unit, daysAgo: random.int(10, 700), visible: i % 2 === 0, ...extra });
    }
  };
  fvk("sara-nilsson", "vcNorrsjo", 4);
  fvk("ahmed-hassan", "vcNorrsjo", 2);
  fvk("linnea-akesson", "vcNorrsjo", 2, { externalNote: "Fast vårdkontakt under rehabiliteringen efter stroke." });
  fvk("erik-lund", "vcNorrsjo", 1);
  fvk("fatima-al-sayed", "vcNorrsjo", 1);
  fvk("mikael-dahl", "vcNorrsjo", 1, { externalNote: "Kontakt kring samordning av stödinsatser." });
  fvk("ingrid-persson", "vcHamnstaden", 6, { medicallyResponsible: "per-gustafsson" }, 60);
  fvk("nils-ekstrom", "vcHamnstaden", 5);
  fvk("camilla-berg", "lakarhuset", 6, {}, 50);

  // ── The patient whose fasta vårdkontakter share övergripande samordningsansvar ─
  const [coordinated] = role("coordinatedContacts", "onkologi").map(patientOf);
  appoint({ kind: "FAST_VARDKONTAKT", patient: coordinated, staff: "malin-forsberg", unit: "onkologi", daysAgo: 140, visible: true });
  appoint({
    kind: "FAST_VARDKONTAKT",
    patient: coordinated,
    staff: "sara-nilsson",
    unit: "vcNorrsjo",
    daysAgo: 120,
    overallCoordination: true,
    medicallyResponsible: "maria-eriksson-nystrom",
    externalNote: "Sara samordnar dina kontakter med onkologmottagningen och vårdcentralen.",
  });

  // ── Three fasta vårdkontakter, none with övergripande samordningsansvar (UI warns) ─
  const [uncoordinated] = role("multipleContactsNoCoordination", "avd7").map(patientOf);
  const uncoordinatedStay = role("multipleContactsNoCoordination", "avd7")[0];
  appoint({ kind: "FAST_VARDKONTAKT", patient: uncoordinated, staff: "ingrid-persson", unit: "vcHamnstaden", daysAgo: 400, medicallyResponsible: "per-gustafsson" });
  appoint({ kind: "FAST_VARDKONTAKT", patient: uncoordinated, staff: "marie-sundberg", unit: "hemsjukvard", daysAgo: 250, visible: true });
  appoint({ kind: "FAST_VARDKONTAKT", patient: uncoordinated, staff: "anna-karin-bjork", unit: "avd7", daysAgo: daysBetween(uncoordinatedStay.startDate, today) - 1, medicallyResponsible: "birgitta-holm", reviewMonths: 1 });

  // ── Wards: fast vårdkontakt during the stay; livshotande tillstånd → legitimerad läkare ─
  role("wardContact", "avd12").forEach((e, i) =>
    appoint({ kind: "FAST_VARDKONTAKT", patient: patientOf(e), staff: i === 2 ? "sara-nilsson" : "emma-lindberg", unit: "avd12", daysAgo: Math.max(0, daysBetween(e.startDate, today) - 1), medicallyResponsible: "henrik-sandberg", reviewMonths: 1 }),
  );
  role("wardContact", "avd7").forEach((e) =>
    appoint({ kind: "FAST_VARDKONTAKT", patient: patientOf(e), staff: "anna-karin-bjork", unit: "avd7", daysAgo: Math.max(0, daysBetween(e.startDate, today) - 1), medicallyResponsible: "birgitta-holm", reviewMonths: 1 }),
  );
  // SOSFS 2011:7: livshotande tillstånd → a legitimerad läkare as fast vårdkontakt.
  for (const e of role("lifeThreatening", "avd12")) {
    appoint({ kind: "FAST_VARDKONTAKT", patient: patientOf(e), staff: "henrik-sandberg", unit: "avd12", daysAgo: Math.max(0, daysBetween(e.startDate, today) - 1), lifeThreatening: true, reviewMonths: 1, visible: true, internalNote: "Närstående (make) informerad personligen tillsammans med patienten." });
  }
  for (const e of role("lifeThreatening", "onkologi")) {
    appoint({ kind: "FAST_VARDKONTAKT", patient: patientOf(e), staff: "katarina-wallin", unit: "onkologi", daysAgo: 90, lifeThreatening: true, reviewMonths: 3, visible: true });
    appoint({ kind: "ANNAN_FAST_KONTAKT", patient: patientOf(e), staff: "lars-hellstrom", unit: "onkologi", daysAgo: 88, roleTitle: "Kontaktsjuksköterska", contactAbout: "Frågor om din cancerbehandling", visible: true });
  }

  // ── Kontaktsjuksköterskor at the onkologmottagning (annan fast kontakt) ────────
  role("contactNurse", "onkologi").forEach((e, i) => {
    const last = i === 9;
    appoint({
      kind: "ANNAN_FAST_KONTAKT",
      patient: patientOf(e),
      staff: i % 2 === 0 ? "malin-forsberg" : "lars-hellstrom",
      unit: "onkologi",
      daysAgo: random.int(30, 400),
      roleTitle: "Kontaktsjuksköterska",
      contactAbout: "Frågor om din cancerbehandling",
      visible: true,
      ended: last ? { date: addDays(today, -12), reason: "Behandlingen är avslutad; uppföljningen sker i primärvården." } : undefined,
    });
  });

  // ── Kommunal hemsjukvård ───────────────────────────────────────────────────
  for (let i = 0; i < 3; i++) {
    const patient = take((p) => relations.activeHomeCare.has(p.id) && age(p) >= 85, (p) => relations.activeHomeCare.has(p.id));
    appoint({ kind: "FAST_VARDKONTAKT", patient, staff: "marie-sundberg", unit: "hemsjukvard", daysAgo: random.int(30, 600), medicallyResponsible: listedUnit(patient) === "vcNorrsjo" ? "anders-berglund" : undefined, visible: i !== 1 });
  }

  // ── Fasta läkarkontakter at the listing unit ───────────────────────────────
  // HSL 7 kap. 3 §: specialist or ST in allmänmedicin; barn- och ungdomsmedicin for children,
  // geriatrik for older patients; others only with a written justification.
  const doctorsFor = (unit: UnitKey, patientAge: number): string[] => {
    switch (unit) {
      case "vcNorrsjo":
        return patientAge >= 75 ? ["anders-berglund", "maria-eriksson-nystrom", "johan-oberg", "birgitta-holm"] : ["anders-berglund", "maria-eriksson-nystrom", "johan-oberg"];
      case "vcHamnstaden":
        return patientAge < 18 ? ["sofia-karlsson", "sofia-karlsson", "per-gustafsson"] : ["per-gustafsson"];
      case "lakarhuset":
        return ["gunnar-wikstrom", "leila-mansour", "leila-mansour", "thomas-falk"];
      default:
        return [];
    }
  };
  let justified = false;
  for (const patient of patients) {
    const listing = relations.listedAt.get(patient.id);
    if (!listing || patient.id === doctorChoice.id) continue;
    if (!random.chance(age(patient) < 18 ? 0.45 : 0.62)) continue;
    const doctors = doctorsFor(listing.unit, age(patient));
    let staff = random.pick(doctors);
    let competenceJustification: string | undefined;
    if (!justified && listing.unit === "vcHamnstaden" && age(patient) >= 18) {
      justified = true;
      staff = "amir-rahimi";
      competenceJustification =
        "Specialist i internmedicin med tolv års arbete i primärvård; bedömd av verksamhetschefen ha likvärdig kompetens för uppdraget som fast läkarkontakt.";
    }
    appoint({
      kind: "FAST_LAKARKONTAKT",
      patient,
      staff,
      unit: listing.unit,
      daysAgo: random.int(15, 900),
      notBefore: addDays(listing.from, 1),
      competenceJustification,
      visible: random.chance(0.25),
    });
  }

  // A fast läkarkontakt ends when the patient lists elsewhere (the listing moved, see care-relations).
  for (const l of relations.listings) {
    if (l.to === null) continue;
    const patient = byId.get(l.patientId)!;
    appoint({
      kind: "FAST_LAKARKONTAKT",
      patient,
      staff: l.unit === "vcNorrsjo" ? "anders-berglund" : "per-gustafsson",
      unit: l.unit,
      daysAgo: daysBetween(addDays(l.from, 30), today),
      ended: { date: addDays(l.to, 1), time: "08:00", reason: "Patienten har listat sig på en annan vårdcentral." },
    });
  }

  // ── Fasta omsorgskontakter in hemtjänst ────────────────────────────────────
  // SoL 3 kap. 3 d §: only an undersköterska with bevis, or (transitional rule) one permanently
  // employed with the title on 2023-07-01, of the unit that executes the hemtjänst.
  const eligibleUnderskoterskor: Record<"hemtjanstCentrum" | "hemtjanstOmsorgshjalpen", string[]> = {
    hemtjanstCentrum: ["hanna-lindgren", "yusuf-demir", "marianne-olofsson", "elin-jakobsson"],
    hemtjanstOmsorgshjalpen: ["petra-sandstrom", "zeynep-kaya", "birgit-lundqvist"],
  };
  relations.homeCare.forEach((h, i) => {
    if (h.outcome !== "contact") return;
    if (h.unit !== "hemtjanstCentrum" && h.unit !== "hemtjanstOmsorgshjalpen") throw new Error(`hemtjänst at ${h.unit}`);
    const candidates = eligibleUnderskoterskor[h.unit].filter((s) => (employedFrom(s, h.unit, today) ?? today) < addDays(h.from, 7));
    const staff = random.pick(candidates.length > 0 ? candidates : eligibleUnderskoterskor[h.unit]);
    const start = addDays(h.from, random.int(5, 25));
    appoint({
      kind: "FAST_OMSORGSKONTAKT",
      patient: byId.get(h.patientId)!,
      staff,
      unit: h.unit,
      daysAgo: Math.max(1, daysBetween(start, today)),
      notBefore: h.from,
      ended: h.to ? { date: h.to, reason: "Byte av utförare av hemtjänst." } : undefined,
      visible: i % 3 !== 0,
      externalNote: i === 3 ? "Ring gärna innan besöket om du vill ändra tiden." : undefined,
    });
  });

  // ── Ended fasta vårdkontakter ──────────────────────────────────────────────
  role("endedWardContact").forEach((e) => {
    appoint({
      kind: "FAST_VARDKONTAKT",
      patient: patientOf(e),
      staff: e.unit === "avd12" ? "emma-lindberg" : "anna-karin-bjork",
      unit: e.unit,
      daysAgo: daysBetween(e.startDate, today) - 1,
      reviewMonths: 1,
      ended: { date: e.plannedDischargeDate!, time: "14:00", reason: "Patienten är utskriven; fast vårdkontakt i öppenvården tar över." },
    });
  });
  for (const [staff, unit] of [
    ["sara-nilsson", "vcNorrsjo"],
    ["nils-ekstrom", "vcHamnstaden"],
    ["camilla-berg", "lakarhuset"],
  ] as const) {
    const daysAgo = random.int(200, 600);
    appoint({
      kind: "FAST_VARDKONTAKT",
      patient: take(listedAt(unit, 30)),
      staff,
      unit,
      daysAgo,
      ended: { date: addDays(today, -random.int(5, daysAgo - 60)), reason: "Behovet av fast vårdkontakt kvarstår inte." },
    });
  }

  // ── Ändring, Avslut: the contacts the open cases (cases.ts) change and end ─────
  // Active here; the cases run through the executor end them and appoint the replacement.
  const changePatient = take(listedAt("vcNorrsjo", 60));
  const oldContact = appoint({
    kind: "FAST_VARDKONTAKT",
    patient: changePatient,
    staff: "ahmed-hassan",
    unit: "vcNorrsjo",
    daysAgo: 300,
    actor: actors.verksamhetschef,
  });
  const endingPatient = take(listedAt("vcNorrsjo", 50));
  const endingContact = appoint({
    kind: "FAST_VARDKONTAKT",
    patient: endingPatient,
    staff: "linnea-akesson",
    unit: "vcNorrsjo",
    daysAgo: 240,
  });

  // ── Bedömning: three patients after visits (the cases appoint one of them) ───
  const assessmentPatients = role("assessment", "vcNorrsjo").map(patientOf);
  if (assessmentPatients.length !== 3) throw new Error("expected three assessment visits");

  // ── Refusals ───────────────────────────────────────────────────────────────
  const refusals: DemoRefusal[] = [];
  // The demo sjuksköterska holds VARDPERSONAL at both Vårdcentralen Norrsjö and Medicinavdelning 12.
  const sjukskoterska: Actor = { userId: userIds.sjukskoterska, roleCode: "VARDPERSONAL", delegationId: null };
  const refuse = (patient: DemoPatient, unit: UnitKey, kind: ContactKind, daysAgo: number, comment: string, actor: Actor) => {
    const declinedOn = addDays(today, -daysAgo);
    const recordedAt = stockholmInstant(declinedOn, "15:40");
    refusals.push({
      row: { id: `demo-refusal-${String(refusals.length + 1).padStart(3, "0")}`, patientId: patient.id, careUnitId: UNITS[unit], kind, comment, declinedOn, recordedAt, recordedByUserId: actor.userId },
      actor,
    });
  };
  refuse(take(listedAt("vcNorrsjo", 55)), "vcNorrsjo", "FAST_VARDKONTAKT", 40, "Patienten anser sig klara kontakterna själv med hjälp av dottern. Informerad om att hon kan ändra sig.", sjukskoterska);
  refuse(take(listedAt("vcNorrsjo", 30)), "vcNorrsjo", "FAST_VARDKONTAKT", 9, "Vill inte ha en fast vårdkontakt i nuläget.", sjukskoterska);
  for (const e of role("declinedReferral", "avd12")) {
    refuse(patientOf(e), "avd12", "FAST_VARDKONTAKT", 1, "Avböjer fast vårdkontakt i primärvården inför utskrivningen; har täta kontakter med sin distriktsläkare.", sjukskoterska);
  }
  const homeCareRefusalComments = [
    "Tackar nej till fast omsorgskontakt; sonen samordnar kontakterna.",
    "Vill inte ha en fast omsorgskontakt, nöjd med att personalen roterar.",
  ];
  relations.homeCare
    .filter((h) => h.outcome === "refused")
    .forEach((h, i) => {
      refuse(byId.get(h.patientId)!, h.unit, "FAST_OMSORGSKONTAKT", Math.max(1, daysBetween(addDays(h.from, 4), today)), homeCareRefusalComments[i % 2], actors.enhetschef);
    });

  // ── Notifications ──────────────────────────────────────────────────────────
  const notifications: NotificationRow[] = [];
  const notificationId = () => `demo-notification-${String(notifications.length + 1).padStart(4, "0")}`;
  const recorderAt = (unit: string): string | null =>
    unit === UNITS.vcNorrsjo || unit === UNITS.avd12 ? userIds.sjukskoterska : unit === UNITS.hemtjanstCentrum ? userIds.enhetschef : null;
  const kindText: Record<ContactKind, string> = {
    FAST_VARDKONTAKT: "fast vårdkontakt",
    FAST_LAKARKONTAKT: "fast läkarkontakt",
    FAST_OMSORGSKONTAKT: "fast omsorgskontakt",
    ANNAN_FAST_KONTAKT: "kontakt",
  };
  const messageFor = (row: AssignmentRow) => {
    const s = staffSpec(row.staffMemberId.slice("demo-staff-".length));
    const unitName = Object.entries(UNITS).find(([, id]) => id === row.careUnitId)![0] as UnitKey;
    const what = row.kind === "ANNAN_FAST_KONTAKT" ? (row.roleTitle ?? "kontakt").toLowerCase() : kindText[row.kind];
    return `Du har fått en ${what}: ${s.firstName} ${s.lastName}, ${UNIT_NAMES[unitName]}.`;
  };
  const queue = (row: AssignmentRow, recipient: "PATIENT" | "RELATIVE", message: string): string => {
    const id = notificationId();
    notifications.push({ id, patientId: row.patientId, assignmentId: row.id, recipient, status: "QUEUED", message, createdAt: row.endedAt ?? row.startedAt });
    return id;
  };

  const noonToday = stockholmInstant(today, "12:00");
  const scenarioRows = new Set([oldContact.row.id, endingContact.row.id]);
  for (const { row } of assignments) {
    if (row.endedAt || scenarioRows.has(row.id)) continue;
    const patient = byId.get(row.patientId)!;
    const daysSinceStart = (noonToday.getTime() - row.startedAt.getTime()) / 86_400_000;
    if (daysSinceStart < 3) {
      queue(row, "PATIENT", messageFor(row));
      continue;
    }
    if (!row.lifeThreatening && !random.chance(0.45)) continue;
    const channel = row.lifeThreatening || row.kind === "FAST_OMSORGSKONTAKT" ? "IN_PERSON" : age(patient) >= 80 && random.chance(0.5) ? "LETTER" : random.chance(0.8) ? "VIA_1177" : "PHONE";
    const notifiedAt = new Date(row.startedAt.getTime() + random.int(1, 48) * 3_600_000);
    const recipients: ("PATIENT" | "RELATIVE")[] = row.lifeThreatening ? ["PATIENT", "RELATIVE"] : ["PATIENT"];
    for (const recipient of recipients) {
      notifications.push({
        id: notificationId(),
        patientId: row.patientId,
        assignmentId: row.id,
        recipient,
        channel,
        status: "DONE",
        message: recipient === "RELATIVE" ? `Närstående informerad personligen om ${kindText[row.kind]}.` : messageFor(row),
        notifiedAt,
        recordedByUserId: recorderAt(row.careUnitId),
        createdAt: row.startedAt,
      });
    }
  }
  // ── A biståndshandläggare as annan fast kontakt for a hemtjänst patient ────────
  // Seed §5.1: her name shows on 1177 but never her contact details, even though the direct
  // phone is marked as visible here: "Så ser patienten det på 1177" shows the rule at work.
  // Added after everything else so that the seeded random sequence of every row above (and of
  // the notifications) stays as it was.
  const bistandPlan = relations.homeCare.find((h) => h.unit === "hemtjanstCentrum" && h.to === null && h.outcome === "contact" && !byId.get(h.patientId)!.protectedIdentity);
  if (!bistandPlan) throw new Error("the demo has no hemtjänst patient at Hemtjänsten Norrsjö centrum for the handläggare");
  appoint({
    kind: "ANNAN_FAST_KONTAKT",
    patient: byId.get(bistandPlan.patientId)!,
    staff: "lena-axelsson",
    unit: "hemtjanstCentrum",
    team: null,
    daysAgo: 60,
    notBefore: bistandPlan.from,
    startTime: "10:00",
    roleTitle: "Biståndshandläggare",
    contactAbout: "Frågor om ditt biståndsbeslut",
    visible: true,
  });

  // ── Patients of the closed cases where a request ends without an appointment, and where the
  // patient could not be told (cases.ts). Taken last, so every pick above stays as it was.
  // The unused patients are all spoken for by now, so these are listed patients of Vårdcentralen
  // Norrsjö without a fast vårdkontakt there and in none of the other cases (first in list order).
  const inCases = new Set([
    patientRequest.id,
    doctorChoice.id,
    lifeThreateningPending.id,
    changePatient.id,
    endingPatient.id,
    // Stays, visits and hemtjänst have cases of their own (discharge, assessment, home care).
    ...relations.episodes.map((e) => e.patientId),
    ...relations.homeCare.map((h) => h.patientId),
  ]);
  const spare = (minAge: number): DemoPatient => {
    const found = patients.find(
      (p) => listedAt("vcNorrsjo", minAge)(p) && !p.protectedIdentity && !inCases.has(p.id) && !activeFvkUnits.get(p.id)?.has("vcNorrsjo"),
    );
    if (!found) throw new Error("the demo has no spare patient at Vårdcentralen Norrsjö for the closed cases");
    inCases.add(found.id);
    return found;
  };
  const withdrawnPatient = spare(30);
  const movedAwayPatient = spare(30);
  const notInformedPatient = spare(70);
  const monthAgo = stockholmInstant(addDays(today, -30), "00:00");
  const existingContact = assignments.find(
    ({ row }) =>
      row.kind === "FAST_VARDKONTAKT" &&
      row.careUnitId === UNITS.vcNorrsjo &&
      !row.endedAt &&
      !row.lifeThreatening &&
      !scenarioRows.has(row.id) &&
      row.startedAt < monthAgo &&
      row.patientId !== patientRequest.id &&
      !byId.get(row.patientId)!.protectedIdentity,
  );
  if (!existingContact) throw new Error("the demo has no active fast vårdkontakt at Vårdcentralen Norrsjö for the request case");

  return {
    assignments,
    refusals,
    notifications,
    scenario: {
      requestClosing: {
        withdrawnPatientId: withdrawnPatient.id,
        movedAwayPatientId: movedAwayPatient.id,
        existingContactPatientId: existingContact.row.patientId,
      },
      notInformedPatientId: notInformedPatient.id,
      patientRequestPatientId: patientRequest.id,
      doctorChoicePatientId: doctorChoice.id,
      doctorChoiceStaffId: staffId("maria-eriksson-nystrom"),
      lifeThreateningPatientId: lifeThreateningPending.id,
      assessment: {
        pendingPatientId: assessmentPatients[0].id,
        informedPatientId: assessmentPatients[1].id,
        appointedPatientId: assessmentPatients[2].id,
      },
      change: { patientId: changePatient.id, oldAssignmentId: oldContact.row.id },
      ending: { patientId: endingPatient.id, assignmentId: endingContact.row.id },
    },
  };
}

/** The person's first team at the unit, if any. */
function firstTeamAt(staff: string, unit: UnitKey): string | null {
  const team = (staffSpec(staff).teams ?? []).find((t) => TEAM_UNIT[t] === unit);
  return team ? teamId(team) : null;
}
