// The pickers of the case page: who can be appointed and why the others cannot, and which
// units may receive an inskrivningsmeddelande. The property that matters to the user: every
// person offered as eligible is accepted by the executor, and every other person is refused
// with exactly the reasons the picker showed.
import { describe, expect, it } from "vitest";
import { db, type Db } from "~/db.server";
import { appointmentCandidates, appointmentPickers, referralReceiverCandidates, type Candidate } from "~/processes/candidates.server";
import { dispatch, startCase, type EventSubmission, type StepActor, type StepResult } from "~/processes/dispatch.server";
import { reasonText } from "~/processes/reasons";
import { createAssignment, createPatient, createStaff } from "../../factories";
import { appoint, region, type Region } from "./scenario";

const now = new Date("2026-11-25T09:00:00Z");

class Rollback extends Error {
  constructor(readonly result: StepResult) {
    super("rollback");
  }
}

/** What the executor answers to a step, inside a transaction that is then rolled back. */
async function tryStep(caseId: string, submission: EventSubmission, actor: StepActor, at = now): Promise<StepResult> {
  try {
    await db.$transaction(async (tx) => {
      const inside = { $transaction: (work: (client: typeof tx) => unknown) => work(tx) } as unknown as Db;
      throw new Rollback(await dispatch(caseId, submission, actor, { db: inside, now: at }));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
  throw new Error("unreachable");
}

async function open(opening: Parameters<typeof startCase>[0], steps: [EventSubmission, StepActor][], at = now): Promise<string> {
  const [first, ...rest] = steps;
  let result = await startCase(opening, first[0], first[1], { db, now: at });
  for (const [event, actor] of rest) {
    if (!result.ok) break;
    result = await dispatch(result.caseId, event, actor, { db, now: at });
  }
  if (!result.ok) throw new Error(result.message);
  return result.caseId;
}

const ids = (candidates: Candidate[], eligible: boolean) => candidates.filter((c) => c.eligible === eligible).map((c) => c.staffMemberId);
const byId = (candidates: Candidate[], id: string) => {
  const found = candidates.find((c) => c.staffMemberId === id);
  if (!found) throw new Error(`${id} is not among the candidates`);
  return found;
};

/**
 * The agreement: APPOINT with each eligible candidate moves the case (given the form's other
 * fields, and a justification where the picker asks for one); with each other candidate it is
 * refused with the picker's reasons.
 */
async function expectExecutorAgrees(caseId: string, candidates: Candidate[], actor: StepActor, fields: Record<string, unknown> = {}, at = now) {
  expect(candidates.length).toBeGreaterThan(0);
  for (const c of candidates) {
    const justification = c.needsJustification ? { competenceJustification: "Lång erfarenhet av allmänmedicinska patienter." } : {};
    const result = await tryStep(caseId, appoint(c.staffMemberId, { ...fields, ...justification }), actor, at);
    if (c.eligible) {
      expect(result, c.name).toMatchObject({ ok: true });
    } else {
      expect(result, c.name).toMatchObject({ ok: false, error: "rules" });
      expect(!result.ok && result.error === "rules" && result.reasons.map(reasonText), c.name).toEqual(c.reasons);
    }
  }
}

/** Eligible first (those needing a justification after the others), by name within each group. */
function expectOrdered(candidates: Candidate[]) {
  const group = (c: Candidate) => (!c.eligible ? 2 : c.needsJustification ? 1 : 0);
  for (let i = 1; i < candidates.length; i++) {
    const [a, b] = [candidates[i - 1], candidates[i]];
    expect(group(a) < group(b) || (group(a) === group(b) && a.name.localeCompare(b.name, "sv") <= 0), `${a.name} before ${b.name}`).toBe(true);
  }
}

const request = (r: Region, contactKind: "FAST_VARDKONTAKT" | "ANNAN_FAST_KONTAKT" = "FAST_VARDKONTAKT") =>
  open({ process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind }, [[{ type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" }, r.as.nurse]]);

describe("appointment candidates: fast vårdkontakt (PATIENT_REQUEST, ASSESSMENT)", () => {
  it("lists the unit's staff, eligible first, with who just left or has not started yet and why, and each person's load", async () => {
    const r = await region(db, now);
    const justLeft = await createStaff(db, r.vc.id, "206090", { employmentEndDate: "2026-11-10" });
    const starting = await createStaff(db, r.vc.id, "206090");
    await db.employment.update({ where: { staffMemberId_careUnitId: { staffMemberId: starting.id, careUnitId: r.vc.id } }, data: { from: "2026-12-01" } });
    const elsewhere = await createStaff(db, r.ward.id, "206090");
    const other = await createPatient(db, { listedAt: r.vc.id });
    await createAssignment(db, { patientId: other.id, staffMemberId: r.nurse.id, careUnitId: r.vc.id });
    await createAssignment(db, { patientId: other.id, staffMemberId: r.nurse.id, careUnitId: r.vc.id, endedAt: new Date("2026-06-01") });
    const caseId = await request(r);

    const candidates = await appointmentCandidates(db, caseId, r.as.chief, now);
    if (!candidates) throw new Error("no candidates");
    expect(new Set(ids(candidates, true))).toEqual(new Set([r.nurse.id, r.secondNurse.id, r.doctor.id, r.otherDoctor.id]));
    expect(new Set(ids(candidates, false))).toEqual(new Set([justLeft.id, starting.id]));
    // Gone for longer than RECENTLY_LEFT_DAYS, or employed elsewhere: not in the list at all.
    expect(candidates.map((c) => c.staffMemberId)).not.toContain(r.leftNurse.id);
    expect(candidates.map((c) => c.staffMemberId)).not.toContain(elsewhere.id);
    expect(byId(candidates, justLeft.id).reasons).toEqual(["Personens anställning slutade 2026-11-10."]);
    expect(byId(candidates, starting.id).reasons).toEqual(["Personens anställning på enheten börjar först 2026-12-01."]);
    expect(byId(candidates, r.nurse.id)).toMatchObject({
      hsaId: r.nurse.hsaId,
      name: `${r.nurse.firstName} ${r.nurse.lastName}`,
      befattning: "Distriktssköterska",
      qualifications: ["Legitimerad sjuksköterska"],
      load: 1,
      eligible: true,
      reasons: [],
    });
    expect(byId(candidates, r.doctor.id)).toMatchObject({ qualifications: ["Legitimerad läkare", "Specialist i allmänmedicin"], load: 0 });
    expectOrdered(candidates);
    await expectExecutorAgrees(caseId, candidates, r.as.chief);
  });

  it("is offered only to someone who may appoint in the case now", async () => {
    const r = await region(db, now);
    const caseId = await request(r);
    expect(await appointmentCandidates(db, caseId, r.as.nurse, now)).toBeNull(); // no appoint permission
    expect(await appointmentCandidates(db, caseId, r.as.wardChief, now)).toBeNull(); // another unit
    expect(await appointmentCandidates(db, "no-such-case", r.as.chief, now)).toBeNull();
    const assessment = await open({ process: "ASSESSMENT", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, [
      [{ type: "REGISTER_VISIT", visitDate: "2026-11-25" }, r.as.doctor],
    ]);
    expect(await appointmentCandidates(db, assessment, r.as.chief, now)).toBeNull(); // not awaiting APPOINT yet
  });

  it("after an assessment the patient accepted, and for a delegate of the verksamhetschef", async () => {
    const r = await region(db, now);
    const caseId = await open({ process: "ASSESSMENT", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, [
      [{ type: "REGISTER_VISIT", visitDate: "2026-11-25" }, r.as.doctor],
      [{ type: "ASSESS", needed: "yes" }, r.as.doctor],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.nurse],
      [{ type: "PATIENT_ACCEPTED", acceptedOn: "2026-11-25" }, r.as.nurse],
    ]);
    await db.delegation.create({
      data: { careUnitId: r.vc.id, delegatorId: r.as.chief.userId, delegateId: r.as.nurse.userId, permissionCode: "appoint:fast-vardkontakt", validFrom: new Date("2026-01-01") },
    });
    const { loadGrant } = await import("~/auth/actor.server");
    const delegate = { ...r.as.nurse, grant: await loadGrant(db, r.as.nurse.userId, r.vc.id, "VARDPERSONAL", now) };
    const candidates = await appointmentCandidates(db, caseId, delegate, now);
    if (!candidates) throw new Error("no candidates");
    expect(new Set(ids(candidates, true))).toEqual(new Set([r.nurse.id, r.secondNurse.id, r.doctor.id, r.otherDoctor.id]));
    await expectExecutorAgrees(caseId, candidates, delegate);
  });

  it("annan fast kontakt: the role title the user still has to type marks nobody ineligible", async () => {
    const r = await region(db, now);
    const caseId = await request(r, "ANNAN_FAST_KONTAKT");
    const candidates = await appointmentCandidates(db, caseId, r.as.chief, now);
    if (!candidates) throw new Error("no candidates");
    expect(candidates.every((c) => c.eligible && c.reasons.length === 0)).toBe(true);
    await expectExecutorAgrees(caseId, candidates, r.as.chief, { roleTitle: "Kontaktsjuksköterska", contactAbout: "Frågor om behandlingen" });
  });

  it("offers the unit's teams and its läkare as medically responsible", async () => {
    const r = await region(db, now);
    const team = await db.team.create({ data: { careUnitId: r.vc.id, name: "Team Norr" } });
    await db.team.create({ data: { careUnitId: r.ward.id, name: "Avdelningens team" } });
    const caseId = await request(r);
    const pickers = await appointmentPickers(db, caseId, r.as.chief, now);
    expect(pickers?.teams).toEqual([{ id: team.id, name: "Team Norr" }]);
    expect(new Set(pickers?.medicallyResponsible.map((p) => p.staffMemberId))).toEqual(new Set([r.doctor.id, r.otherDoctor.id]));
    expect(await tryStep(caseId, appoint(r.nurse.id, { teamId: team.id, medicallyResponsibleStaffId: r.doctor.id }), r.as.chief)).toMatchObject({ ok: true });
  });
});

describe("appointment candidates: livshotande tillstånd (SOSFS 2011:7)", () => {
  it("only a legitimerad läkare can be chosen", async () => {
    const r = await region(db, now);
    const caseId = await open({ process: "LIFE_THREATENING", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, [
      [{ type: "ASSESS_LIFE_THREATENING", informRelatives: true }, r.as.doctor],
    ]);
    const candidates = await appointmentCandidates(db, caseId, r.as.chief, now);
    if (!candidates) throw new Error("no candidates");
    expect(new Set(ids(candidates, true))).toEqual(new Set([r.doctor.id, r.otherDoctor.id]));
    expect(new Set(ids(candidates, false))).toEqual(new Set([r.nurse.id, r.secondNurse.id]));
    expect(byId(candidates, r.nurse.id).reasons).toEqual(["Personen är inte legitimerad läkare."]);
    expectOrdered(candidates);
    await expectExecutorAgrees(caseId, candidates, r.as.chief);
  });
});

describe("appointment candidates: fast läkarkontakt (seed §2)", () => {
  it("competence by the patient's age; another specialty only with a written justification; the patient's choice marked", async () => {
    const r = await region(db, now);
    await db.patient.update({ where: { id: r.patient.id }, data: { birthDate: "1950-03-01" } }); // 76 years old
    const geriatrician = await createStaff(db, r.vc.id, "202010", { specialties: [{ specialty: "GERIATRIK", status: "SPECIALIST" }] });
    const paediatrician = await createStaff(db, r.vc.id, "202010", { specialties: [{ specialty: "BARN_OCH_UNGDOMSMEDICIN", status: "SPECIALIST" }] });
    const internist = await createStaff(db, r.vc.id, "202010", { specialties: [{ specialty: "INTERNMEDICIN", status: "SPECIALIST" }] });
    const junior = await createStaff(db, r.vc.id, "203090");
    const wardDoctor = await createStaff(db, r.ward.id, "201011", { specialties: [{ specialty: "ALLMANMEDICIN", status: "SPECIALIST" }] });
    const caseId = await open({ process: "DOCTOR_CHOICE", patientId: r.patient.id, contactKind: "FAST_LAKARKONTAKT" }, [
      [{ type: "RECEIVE_CHOICE", channel: "VIA_1177", requestedStaffMemberId: wardDoctor.id }, r.as.nurse],
    ]);

    const candidates = await appointmentCandidates(db, caseId, r.as.chief, now);
    if (!candidates) throw new Error("no candidates");
    expect(new Set(ids(candidates, true))).toEqual(new Set([r.doctor.id, r.otherDoctor.id, geriatrician.id, internist.id, paediatrician.id]));
    // Allmänmedicin (also ST) and, for a patient of 65 or more, geriatrik need nothing more.
    for (const id of [r.doctor.id, r.otherDoctor.id, geriatrician.id]) expect(byId(candidates, id).needsJustification).toBeUndefined();
    // Barn- och ungdomsmedicin is not this patient's group: like any other specialty, only with a justification.
    for (const id of [internist.id, paediatrician.id]) {
      expect(byId(candidates, id)).toMatchObject({ eligible: true, needsJustification: true, reasons: [] });
    }
    expect(byId(candidates, junior.id).reasons).toEqual([
      "Läkaren är varken specialist eller ST-läkare i allmänmedicin och har ingen annan specialistkompetens.",
    ]);
    expect(byId(candidates, r.nurse.id).reasons).toEqual(["Personen är inte legitimerad läkare."]);
    // The patient asked for a läkare of another unit: shown, marked, and why not.
    expect(byId(candidates, wardDoctor.id)).toMatchObject({ requestedByPatient: true, eligible: false, reasons: ["Personen är inte anställd på enheten."] });
    expectOrdered(candidates);
    await expectExecutorAgrees(caseId, candidates, r.as.chief);
    // Without the justification the executor refuses the internist, as the picker warned.
    expect(await tryStep(caseId, appoint(internist.id), r.as.chief)).toMatchObject({ ok: false, reasons: [{ code: "justificationRequired" }] });
  });

  it("nobody where the patient is not listed, and the reason says so", async () => {
    const r = await region(db, now);
    const caseId = await open({ process: "DOCTOR_CHOICE", patientId: r.patient.id, contactKind: "FAST_LAKARKONTAKT" }, [
      [{ type: "RECEIVE_CHOICE", channel: "PHONE" }, r.as.nurse],
    ]);
    await db.listing.updateMany({ where: { patientId: r.patient.id }, data: { to: "2026-11-24" } });
    const candidates = await appointmentCandidates(db, caseId, r.as.chief, now);
    if (!candidates) throw new Error("no candidates");
    expect(ids(candidates, true)).toEqual([]);
    expect(byId(candidates, r.doctor.id).reasons).toEqual([
      "Patienten är inte listad på enheten (fast läkarkontakt finns där patienten är listad).",
    ]);
    await expectExecutorAgrees(caseId, candidates, r.as.chief);
  });
});

describe("appointment candidates: ändring (Bilaga 1.5)", () => {
  async function change(r: Region, data: { staffMemberId: string; lifeThreatening?: boolean }, actor: StepActor) {
    const old = await db.assignment.create({
      data: {
        kind: "FAST_VARDKONTAKT",
        patientId: r.patient.id,
        staffMemberId: data.staffMemberId,
        careUnitId: r.vc.id,
        startedAt: new Date("2026-01-01"),
        reviewDueDate: "2027-01-01",
        lifeThreatening: data.lifeThreatening ?? false,
      },
    });
    return open({ process: "CHANGE", patientId: r.patient.id, subjectId: old.id }, [[{ type: "REQUEST_CHANGE", reason: "Slutar sin anställning." }, actor]]);
  }

  it("the same rules as the contact replaced, and never the same person", async () => {
    const r = await region(db, now);
    const caseId = await change(r, { staffMemberId: r.nurse.id }, r.as.chief);
    const candidates = await appointmentCandidates(db, caseId, r.as.chief, now);
    if (!candidates) throw new Error("no candidates");
    expect(new Set(ids(candidates, true))).toEqual(new Set([r.secondNurse.id, r.doctor.id, r.otherDoctor.id]));
    expect(byId(candidates, r.nurse.id).reasons).toEqual(["Ersättaren är samma person som nu."]);
    await expectExecutorAgrees(caseId, candidates, r.as.chief);
  });

  it("a life-threatening contact is replaced only by another läkare, also when a delegated administrator reassigns", async () => {
    const r = await region(db, now);
    const caseId = await change(r, { staffMemberId: r.doctor.id, lifeThreatening: true }, r.as.admin);
    const candidates = await appointmentCandidates(db, caseId, r.as.delegatedAdmin, now);
    if (!candidates) throw new Error("no candidates");
    expect(ids(candidates, true)).toEqual([r.otherDoctor.id]);
    expect(byId(candidates, r.doctor.id).reasons).toEqual(["Ersättaren är samma person som nu."]);
    expect(byId(candidates, r.secondNurse.id).reasons).toEqual(["Personen är inte legitimerad läkare."]);
    await expectExecutorAgrees(caseId, candidates, r.as.delegatedAdmin);
  });

  it("everyone is refused, with the reason, once the contact was ended meanwhile", async () => {
    const r = await region(db, now);
    const caseId = await change(r, { staffMemberId: r.nurse.id }, r.as.chief);
    await db.assignment.updateMany({ where: { patientId: r.patient.id }, data: { endedAt: now } });
    const candidates = await appointmentCandidates(db, caseId, r.as.chief, now);
    if (!candidates) throw new Error("no candidates");
    expect(ids(candidates, true)).toEqual([]);
    expect(byId(candidates, r.secondNurse.id).reasons).toEqual(["Den fasta kontakten är inte längre aktiv."]);
    await expectExecutorAgrees(caseId, candidates, r.as.chief, { reviewDueDate: "2027-05-25" });
  });
});

describe("appointment candidates: utskrivning (lag 2017:612)", () => {
  it("the receiving vårdcentral's staff, once the inskrivningsmeddelande has arrived there", async () => {
    const r = await region(db, now);
    const caseId = await open({ process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, [
      [{ type: "REGISTER_ADMISSION", admittedAt: "2026-11-25T08:00", expectedDischargeDate: "2026-11-30" }, r.as.wardNurse],
      [{ type: "ASSESS", needed: "yes" }, r.as.wardNurse],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.wardNurse],
      [{ type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse],
      [{ type: "RECEIVE_REFERRAL" }, r.as.nurse],
    ]);
    expect(await appointmentCandidates(db, caseId, r.as.wardChief, now)).toBeNull();
    const candidates = await appointmentCandidates(db, caseId, r.as.chief, now);
    if (!candidates) throw new Error("no candidates");
    expect(new Set(ids(candidates, true))).toEqual(new Set([r.nurse.id, r.secondNurse.id, r.doctor.id, r.otherDoctor.id]));
    await expectExecutorAgrees(caseId, candidates, r.as.chief);
  });
});

describe("referral receivers (lag 2017:612 2 kap. 5 §)", () => {
  it("open care units other than the ward, the patient's own vårdcentral first; the executor agrees", async () => {
    const r = await region(db, now);
    const caseId = await open({ process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, [
      [{ type: "REGISTER_ADMISSION", admittedAt: "2026-11-25T08:00", expectedDischargeDate: "2026-11-30" }, r.as.wardNurse],
      [{ type: "ASSESS", needed: "yes" }, r.as.wardNurse],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.wardNurse],
    ]);
    expect(await referralReceiverCandidates(db, caseId, r.as.nurse, now)).toBeNull(); // the vårdcentral does not send it

    const units = await referralReceiverCandidates(db, caseId, r.as.wardNurse, now);
    if (!units) throw new Error("no units");
    expect(units[0]).toEqual({ unitId: r.vc.id, name: r.vc.name, eligible: true, reasons: [], patientListed: true });
    const find = (id: string) => units.find((u) => u.unitId === id);
    expect(find(r.ward.id)).toMatchObject({
      eligible: false,
      reasons: [
        "Inskrivningsmeddelandet kan inte skickas till den egna enheten.",
        "Inskrivningsmeddelandet ska gå till en enhet i den regionfinansierade öppna vården.",
      ],
    });
    expect(find(r.homeCare.id)).toMatchObject({ eligible: false, patientListed: false });
    const firstIneligible = units.findIndex((u) => !u.eligible);
    expect(units.slice(firstIneligible).every((u) => !u.eligible)).toBe(true);

    for (const unit of [r.vc, r.ward, r.homeCare].map((u) => find(u.id)!)) {
      const result = await tryStep(caseId, { type: "SEND_REFERRAL", toUnitId: unit.unitId, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse);
      if (unit.eligible) expect(result, unit.name).toMatchObject({ ok: true });
      else expect(!result.ok && result.error === "rules" && result.reasons.map(reasonText), unit.name).toEqual(unit.reasons);
    }
  });
});

// Last: its steps are dated 2033, and the audit chain refuses rows dated more than a minute
// before its newest row (docs/decisions/014), so no test after it may write at an earlier time.
describe("appointment candidates: fast omsorgskontakt (SoL 3 kap. 3 d §)", () => {
  async function homeCareStaff(r: Region, permanentUnderskoterskaFrom: string) {
    const staff = await createStaff(db, r.homeCare.id, "207011", { legitimations: "" });
    return db.staffMember.update({ where: { id: staff.id }, data: { permanentUnderskoterskaFrom } });
  }

  it("an undersköterska of the executing unit; without bevis only under the transitional rule, until 2033-06-30", async () => {
    const lastDay = new Date("2033-06-30T10:00:00Z");
    const dayAfter = new Date("2033-07-01T10:00:00Z");
    const r = await region(db, lastDay);
    const transitional = await homeCareStaff(r, "2015-03-01");
    const titleDay = await homeCareStaff(r, "2023-07-01");
    const tooLate = await homeCareStaff(r, "2023-07-02");
    const assistant = await createStaff(db, r.homeCare.id, "207023", { legitimations: "" });
    const caseId = await open(
      { process: "HOME_CARE_CONTACT", patientId: r.patient.id, subjectId: r.homeCareService.id },
      [
        [{ type: "OFFER_CONTACT", offeredOn: "2033-06-30" }, r.as.homeCareChief],
        [{ type: "PATIENT_ACCEPTED", acceptedOn: "2033-06-30" }, r.as.homeCareChief],
      ],
      lastDay,
    );

    const onLastDay = await appointmentCandidates(db, caseId, r.as.homeCareChief, lastDay);
    if (!onLastDay) throw new Error("no candidates");
    // The vårdcentral's nurses are not in the hemtjänst unit's list at all.
    expect(new Set(onLastDay.map((c) => c.staffMemberId))).toEqual(new Set([r.underskoterska.id, transitional.id, titleDay.id, tooLate.id, assistant.id]));
    expect(new Set(ids(onLastDay, true))).toEqual(new Set([r.underskoterska.id, transitional.id, titleDay.id]));
    expect(byId(onLastDay, tooLate.id).reasons).toEqual([
      "Personen har inte bevis om yrkestiteln undersköterska och var inte tillsvidareanställd som undersköterska den 1 juli 2023.",
    ]);
    expectOrdered(onLastDay);
    await expectExecutorAgrees(caseId, onLastDay, r.as.homeCareChief, { reviewDueDate: "2034-01-01" }, lastDay);

    const afterwards = await appointmentCandidates(db, caseId, r.as.homeCareChief, dayAfter);
    if (!afterwards) throw new Error("no candidates");
    expect(ids(afterwards, true)).toEqual([r.underskoterska.id]);
    expect(byId(afterwards, transitional.id).reasons).toEqual(["Övergångsregeln för undersköterskor utan bevis gällde till och med 2033-06-30."]);
    await expectExecutorAgrees(caseId, afterwards, r.as.homeCareChief, { reviewDueDate: "2034-01-01" }, dayAfter);
  });
});
