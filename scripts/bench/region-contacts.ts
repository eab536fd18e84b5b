// The fixed contacts of the region, their notifications and their audit trail. Every active
// row follows the rules the app enforces (machines/rules.ts): the holder is employed at the
// unit; a fast läkarkontakt is held by a läkare with allmänmedicin at the unit where the
// patient is listed, one per patient; a fast omsorgskontakt by a qualified undersköterska of
// the unit executing the patient's hemtjänst; life-threatening only with a läkare; at most one
// övergripande samordningsansvar per patient, with consent. Some contacts replaced an earlier
// one (ended, linked by replacesId), as a change of staff leaves them.
import type { Prisma } from "~/generated/prisma/client";
import { addDays, addMonths, daysBetween, stockholmInstant } from "~/domain/dates";
import type { Random } from "../../prisma/demo/random";
import type { Clock } from "./region-clock";
import type { BenchPatient } from "./region-patients";
import { LEAVER_UNIT_CONTACT_SHARE } from "./region-patients";
import { LEAVER_ID, type BenchStaff } from "./region-staff";
import { LEAVER_UNIT_ID, type BenchUnit } from "./region-units";

type AssignmentRow = Required<Prisma.AssignmentCreateManyInput> & { startedAt: Date; endedAt: Date | null };
type NotificationRow = Required<Prisma.NotificationCreateManyInput>;
type AuditRow = Omit<Required<Prisma.AuditEventCreateManyInput>, "id" | "at" | "prevHash" | "hash"> & { at: Date };
type ContactKind = AssignmentRow["kind"];

export type ContactRows = { assignments: AssignmentRow[]; notifications: NotificationRow[]; auditEvents: AuditRow[] };

type Appointment = {
  kind: ContactKind;
  patient: BenchPatient;
  holder: BenchStaff;
  /** The earliest start ("YYYY-MM-DD"): the listing, hemtjänst or stay it rests on. */
  notBefore: string;
  lifeThreatening?: boolean;
  overallCoordination?: boolean;
  medicallyResponsible?: BenchStaff | null;
  annan?: { roleTitle: string; contactAbout: string };
  /** Share of contacts that replaced one held by a colleague. */
  replacedShare?: number;
};

const KIND_TEXT: Record<ContactKind, string> = {
  FAST_VARDKONTAKT: "fast vårdkontakt",
  FAST_LAKARKONTAKT: "fast läkarkontakt",
  FAST_OMSORGSKONTAKT: "fast omsorgskontakt",
  ANNAN_FAST_KONTAKT: "kontakt",
};

const ANNAN = [
  { roleTitle: "Diabetessköterska", contactAbout: "Frågor om din diabetes, dina provtagningar och ditt insulin" },
  { roleTitle: "Astma- och KOL-sjuksköterska", contactAbout: "Frågor om dina inhalationer och din andning" },
];

/** Share of the patients with the relation a contact rests on (listing, hemtjänst, stay) who have one. */
const SHARE = { vardkontakt: 0.9, lakarkontakt: 0.65, omsorgskontakt: 0.92, wardContact: 0.9, annan: 0.03 };

export function buildContacts(input: {
  units: readonly BenchUnit[];
  staff: readonly BenchStaff[];
  patients: readonly BenchPatient[];
  leaverAssignments: number;
  today: string;
  clock: Clock;
  random: Random;
}): ContactRows {
  const { units, staff, patients, leaverAssignments, today, clock, random } = input;
  const rows: ContactRows = { assignments: [], notifications: [], auditEvents: [] };
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const staffName = new Map(staff.map((s) => [s.id, s.name]));

  // Every contact began by yesterday and patients were told by yesterday evening, whatever
  // the time of day the build runs.
  const yesterday = addDays(today, -1);
  const latestNotice = clock.at(yesterday, "18:00");
  const fiveYearsAgo = addDays(today, -1_800);

  // ── Who can hold what, per unit ────────────────────────────────────────────
  // Staff are appointed a week into their employment at the earliest (like the demo).
  const availableFrom = new Map(staff.map((s) => [s.id, addDays(s.from, 7)]));
  const pools = new Map<string, { nurses: BenchStaff[]; doctors: BenchStaff[]; careContacts: BenchStaff[] }>();
  for (const s of staff) {
    if (availableFrom.get(s.id)! > yesterday || s.id === LEAVER_ID) continue;
    const pool = pools.get(s.unitId) ?? { nurses: [], doctors: [], careContacts: [] };
    if (s.role === "nurse") pool.nurses.push(s);
    if (s.role === "doctor") pool.doctors.push(s);
    if (s.mayBeCareContact) pool.careContacts.push(s);
    pools.set(s.unitId, pool);
  }
  const poolAt = (unitId: string) => pools.get(unitId)!;
  const leaver = staff.find((s) => s.id === LEAVER_ID)!;

  // ── Rows ───────────────────────────────────────────────────────────────────
  const newId = () => `bench-asg-${String(rows.assignments.length + 1).padStart(7, "0")}`;
  const pickDate = (from: string, to: string) => addDays(from, random.int(0, daysBetween(from, to)));
  const later = (a: string, b: string) => (a > b ? a : b);
  const [todayYear, todayMonth] = today.split("-").map(Number);
  const reviewDueDate = (startDate: string, kind: ContactKind) => {
    // The need was reviewed on time: the next anniversary of the start lies ahead. The months
    // elapsed give the first guess, so the loop runs once or twice.
    const months = kind === "FAST_LAKARKONTAKT" ? 24 : 12;
    const elapsed = (todayYear - Number(startDate.slice(0, 4))) * 12 + todayMonth - Number(startDate.slice(5, 7));
    let k = Math.max(1, Math.floor(elapsed / months));
    let due = addMonths(startDate, months * k);
    while (due <= today) due = addMonths(startDate, months * ++k);
    return due;
  };
  const audit = (at: Date, action: string, row: AssignmentRow, before: AssignmentRow | null) => {
    rows.auditEvents.push({
      at,
      userId: null,
      roleCode: null,
      careUnitId: row.careUnitId,
      delegationId: null,
      action,
      entityType: "Assignment",
      entityId: row.id,
      patientId: row.patientId,
      before: before && JSON.stringify(before),
      after: JSON.stringify(row),
      requestId: "bench",
    });
  };

  const appoint = (a: Appointment): AssignmentRow | null => {
    const earliest = later(availableFrom.get(a.holder.id)!, a.notBefore);
    if (earliest > yesterday) return null;
    // Most contacts began within the last five years.
    const startDate = pickDate(later(earliest, fiveYearsAgo), yesterday);
    const startedAt = clock.during(startDate, random);
    const unitId = a.holder.unitId;
    const row: AssignmentRow = {
      id: "",
      kind: a.kind,
      patientId: a.patient.id,
      staffMemberId: a.holder.id,
      careUnitId: unitId,
      teamId: a.holder.teamIds.length ? random.pick(a.holder.teamIds) : null,
      startedAt,
      endedAt: null,
      endReason: null,
      overallCoordination: a.overallCoordination ?? false,
      // Seed §3.3.2: consent recorded on the day of the appointment (as the executor stores it).
      coordinationConsentAt: a.overallCoordination ? stockholmInstant(startDate) : null,
      medicallyResponsibleStaffId: a.medicallyResponsible?.id ?? null,
      reviewDueDate: reviewDueDate(startDate, a.kind),
      directPhoneVisibleToPatient: a.holder.hasDirectPhone && random.chance(0.1),
      lifeThreatening: a.lifeThreatening ?? false,
      roleTitle: a.annan?.roleTitle ?? null,
      contactAbout: a.annan?.contactAbout ?? null,
      competenceJustification: null,
      externalNote: null,
      internalNote: null,
      appointedByUserId: null,
      caseId: null,
      replacesId: null,
      version: 0,
      createdAt: startedAt,
    };
    // A colleague held the contact before (a change of staff): ended as this one began.
    // Of the holder's profession, so that the ended row obeys the same rules.
    const pool = poolAt(unitId);
    const colleagues = a.holder.role === "doctor" ? pool.doctors : a.holder.role === "nurse" ? pool.nurses : pool.careContacts;
    const previous = random.chance(a.replacedShare ?? 0.1) ? random.pick(colleagues) : null;
    if (previous && previous.id !== a.holder.id) {
      const previousEarliest = later(availableFrom.get(previous.id)!, a.notBefore);
      const previousLatest = addDays(startDate, -30);
      if (previousEarliest <= previousLatest) {
        const previousStart = pickDate(previousEarliest, previousLatest);
        const previousStartedAt = clock.during(previousStart, random);
        const created: AssignmentRow = {
          ...row,
          id: newId(),
          staffMemberId: previous.id,
          teamId: previous.teamIds.length ? random.pick(previous.teamIds) : null,
          startedAt: previousStartedAt,
          overallCoordination: false,
          coordinationConsentAt: null,
          reviewDueDate: addMonths(previousStart, a.kind === "FAST_LAKARKONTAKT" ? 24 : 12),
          directPhoneVisibleToPatient: false,
          createdAt: previousStartedAt,
        };
        const ended = { ...created, endedAt: startedAt, endReason: "Byte av fast kontakt", version: 1 };
        rows.assignments.push(ended);
        audit(previousStartedAt, "assignment.create", created, null);
        audit(startedAt, "assignment.end", ended, created);
        row.replacesId = ended.id;
      }
    }
    row.id = newId();
    rows.assignments.push(row);
    audit(startedAt, "assignment.create", row, null);
    return row;
  };

  const notify = (row: AssignmentRow, age: number, relatives: boolean) => {
    const holder = staffName.get(row.staffMemberId);
    const notifiedAt = new Date(Math.min(row.startedAt.getTime() + random.int(1, 48) * 3_600_000, latestNotice.getTime()));
    const personal = relatives || row.kind === "FAST_OMSORGSKONTAKT";
    const channel = personal ? "IN_PERSON" : age >= 80 && random.chance(0.5) ? "LETTER" : random.chance(0.8) ? "VIA_1177" : "PHONE";
    for (const recipient of relatives ? (["PATIENT", "RELATIVE"] as const) : (["PATIENT"] as const)) {
      rows.notifications.push({
        id: `bench-notification-${String(rows.notifications.length + 1).padStart(7, "0")}`,
        patientId: row.patientId,
        assignmentId: row.id,
        caseId: null,
        recipient,
        channel,
        status: "DONE",
        message:
          recipient === "RELATIVE"
            ? `Närstående informerad personligen om ${KIND_TEXT[row.kind]}.`
            : `Du har fått en ${row.roleTitle?.toLowerCase() ?? KIND_TEXT[row.kind]}: ${holder}, ${unitName.get(row.careUnitId)}.`,
        notifiedAt,
        recordedByUserId: null,
        toldWhom: null,
        notPossibleReason: null,
        createdAt: row.startedAt,
      });
    }
  };
  /** Patients are told of most contacts; relatives where the condition is life-threatening. */
  const told = (row: AssignmentRow | null, age: number) => {
    if (!row) return;
    if (row.lifeThreatening) notify(row, age, true);
    else if (random.chance(0.4)) notify(row, age, false);
  };

  // ── Fasta läkarkontakter, at the unit of the listing ─────────────────────────
  const lakarkontakt = new Map<string, BenchStaff>();
  for (const p of patients) {
    if (p.listing && random.chance(SHARE.lakarkontakt)) {
      const doctor = random.pick(poolAt(p.listing.unitId).doctors);
      const row = appoint({ kind: "FAST_LAKARKONTAKT", patient: p, holder: doctor, notBefore: p.listing.from });
      if (row) lakarkontakt.set(p.id, doctor);
      told(row, p.age);
    }
  }
  /** Seed §3.3: a läkare stays medically responsible beside some fasta vårdkontakter. */
  const responsibleFor = (p: BenchPatient, unitId: string) =>
    random.chance(0.15) ? (lakarkontakt.get(p.id) ?? random.pick(poolAt(unitId).doctors)) : null;

  // ── The leaver: exactly `leaverAssignments` fasta vårdkontakter at the unit ─────
  const leaverUnitPatients = random.shuffle(patients.filter((p) => p.listing?.unitId === LEAVER_UNIT_ID));
  if (leaverUnitPatients.length < leaverAssignments) throw new Error("too few patients listed at the leaver's unit");
  leaverUnitPatients.slice(0, leaverAssignments).forEach((p, i) => {
    const row = appoint({
      kind: "FAST_VARDKONTAKT",
      patient: p,
      holder: leaver,
      notBefore: p.listing!.from,
      overallCoordination: random.chance(0.03),
      medicallyResponsible: responsibleFor(p, LEAVER_UNIT_ID),
    });
    if (!row) throw new Error(`the leaver cannot hold a contact for ${p.id}`);
    // Every twentieth case required relatives to be told (the original case's notice).
    if (i % 20 === 0) notify(row, p.age, true);
    else told(row, p.age);
  });

  // ── Fasta vårdkontakter at the vårdcentraler ──────────────────────────────
  const othersAtLeaverUnit = new Set(
    leaverUnitPatients.slice(leaverAssignments, Math.round(leaverUnitPatients.length * LEAVER_UNIT_CONTACT_SHARE)).map((p) => p.id),
  );
  for (const p of patients) {
    if (!p.listing) continue;
    const unitId = p.listing.unitId;
    if (unitId === LEAVER_UNIT_ID ? !othersAtLeaverUnit.has(p.id) : !random.chance(SHARE.vardkontakt)) continue;
    const pool = poolAt(unitId);
    // Mostly sjuksköterskor; a few läkare, some of them for a life-threatening condition.
    const byDoctor = random.chance(0.05);
    const holder = random.pick(byDoctor ? pool.doctors : pool.nurses);
    told(
      appoint({
        kind: "FAST_VARDKONTAKT",
        patient: p,
        holder,
        notBefore: p.listing.from,
        lifeThreatening: byDoctor && random.chance(0.15),
        overallCoordination: random.chance(0.03),
        medicallyResponsible: byDoctor ? null : responsibleFor(p, unitId),
      }),
      p.age,
    );
    if (p.age >= 40 && random.chance(SHARE.annan)) {
      told(appoint({ kind: "ANNAN_FAST_KONTAKT", patient: p, holder: random.pick(pool.nurses), notBefore: p.listing.from, annan: random.pick(ANNAN), replacedShare: 0 }), p.age);
    }
  }

  // ── Fasta vårdkontakter at the wards, for those staying there ─────────────────
  for (const p of patients) {
    if (!p.stay || !random.chance(SHARE.wardContact)) continue;
    const pool = poolAt(p.stay.unitId);
    const byDoctor = random.chance(0.2);
    told(
      appoint({
        kind: "FAST_VARDKONTAKT",
        patient: p,
        holder: random.pick(byDoctor ? pool.doctors : pool.nurses),
        notBefore: p.stay.from,
        lifeThreatening: byDoctor && random.chance(0.3),
        replacedShare: 0,
      }),
      p.age,
    );
  }

  // ── Fasta omsorgskontakter in hemtjänsten ──────────────────────────────────
  for (const p of patients) {
    if (!p.homeCare?.contactNeeded || !random.chance(SHARE.omsorgskontakt)) continue;
    told(appoint({ kind: "FAST_OMSORGSKONTAKT", patient: p, holder: random.pick(poolAt(p.homeCare.unitId).careContacts), notBefore: p.homeCare.from }), p.age);
  }

  // The log is written in time order, as the app appends it.
  rows.auditEvents.sort((a, b) => a.at.getTime() - b.at.getTime());
  return rows;
}
