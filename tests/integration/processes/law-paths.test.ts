// Through the executor: relatives or a legal representative told when the patient cannot be
// (seed §3.3, SPEC §3.4), and the audited ways a patient's request closes without an
// appointment (PL 6 kap. 2 §) — with the rows, the refusals and the audit trail they leave.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { dispatch, startCase, type EventSubmission, type StepActor, type StepResult } from "~/processes/dispatch.server";
import { appoint, notify, region, type Region } from "./scenario";

const now = new Date("2026-11-25T09:00:00Z");
const opts = { db, now };

function ok(result: StepResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message} ${JSON.stringify(result)}`);
  return result;
}

async function run(opening: Parameters<typeof startCase>[0], steps: [EventSubmission, StepActor][]) {
  const [first, ...rest] = steps;
  let last = ok(await startCase(opening, first[0], first[1], opts));
  for (const [event, actor] of rest) last = ok(await dispatch(last.caseId, event, actor, opts));
  return { caseId: last.caseId, last };
}

const auditOf = (patientId: string) => db.auditEvent.findMany({ where: { patientId }, orderBy: { id: "asc" } });

/** A life-threatening case with a läkare appointed: patient and relatives to be told personally. */
async function lifeThreateningAppointed(r: Region) {
  const { caseId } = await run({ process: "LIFE_THREATENING", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, [
    [{ type: "ASSESS_LIFE_THREATENING", informRelatives: true }, r.as.doctor],
    [appoint(r.doctor.id), r.as.chief],
  ]);
  return caseId;
}

/** "Patienten kunde inte informeras", as the NOTIFY form posts it. */
const notInformed = (extra: Record<string, unknown> = {}) => ({
  type: "NOTIFY",
  patientNotifiedOn: "2026-11-25",
  patientNotInformed: "on",
  patientNotInformedReason: "Medvetslös efter hjärtstopp, vårdas i respirator.",
  relativeWho: "Eva Lind, dotter",
  relativeChannel: "IN_PERSON",
  relativeNotifiedOn: "2026-11-25",
  ...extra,
});

describe("the patient could not be informed (seed §3.3, SPEC §3.4)", () => {
  it("closes the notice with the reason, and records who among the relatives was told, how and when", async () => {
    const r = await region(db, now);
    const caseId = await lifeThreateningAppointed(r);
    const done = ok(await dispatch(caseId, notInformed(), r.as.doctor, opts));
    expect(done).toMatchObject({ status: "CLOSED", outcome: "APPOINTED" });
    expect(await db.notification.findMany({ where: { caseId }, orderBy: { recipient: "asc" } })).toMatchObject([
      { recipient: "PATIENT", status: "NOT_POSSIBLE", channel: null, notPossibleReason: "Medvetslös efter hjärtstopp, vårdas i respirator." },
      { recipient: "RELATIVE", status: "DONE", channel: "IN_PERSON", toldWhom: "Eva Lind, dotter", recordedByUserId: r.as.doctor.userId },
    ]);
    const audit = await auditOf(r.patient.id);
    const step = audit.filter((e) => e.action === "case.step").at(-1)!;
    expect(JSON.parse(step.after ?? "{}").input).toMatchObject({
      patientNotInformed: { reason: "Medvetslös efter hjärtstopp, vårdas i respirator." },
      entries: [{ recipient: "RELATIVE", channel: "IN_PERSON", who: "Eva Lind, dotter" }],
    });
    expect(audit.map((e) => e.action).slice(-3)).toEqual(["case.step", "notification.notPossible", "notification.record"]);
  });

  it("refuses, writing nothing, without the reason or without someone named — with Swedish messages at the fields", async () => {
    const r = await region(db, now);
    const caseId = await lifeThreateningAppointed(r);
    const before = await db.auditEvent.count();
    const missing = await dispatch(caseId, notInformed({ patientNotInformedReason: "", relativeWho: "", relativeChannel: "" }), r.as.doctor, opts);
    expect(missing).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: {
        patientNotInformedReason: "Skriv varför patienten inte kunde informeras.",
        relativeWho: "Skriv vem som fick beskedet i stället: namn och relation till patienten.",
        relativeChannel: "Välj hur närstående eller företrädaren fick beskedet.",
      },
    });
    const both = await dispatch(caseId, notInformed({ patientChannel: "IN_PERSON" }), r.as.doctor, opts);
    expect(both).toMatchObject({ ok: false, error: "invalid", fieldErrors: { patientChannel: expect.stringContaining("Välj ett av dem") } });
    const tooLong = await dispatch(caseId, notInformed({ relativeWho: "x".repeat(101) }), r.as.doctor, opts);
    expect(tooLong).toMatchObject({ ok: false, error: "invalid", fieldErrors: { relativeWho: "Texten får vara högst 100 tecken." } });
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.notification.count({ where: { caseId, status: { not: "QUEUED" } } })).toBe(0);
  });

  it("judges the channel by the rule: personally where required, never via 1177", async () => {
    const r = await region(db, now);
    const caseId = await lifeThreateningAppointed(r);
    expect(await dispatch(caseId, notInformed({ relativeChannel: "LETTER" }), r.as.doctor, opts)).toMatchObject({
      ok: false,
      error: "rules",
      reasons: [{ code: "relativesNotToldPersonally" }],
    });
    expect(await dispatch(caseId, notInformed({ relativeChannel: "VIA_1177" }), r.as.doctor, opts)).toMatchObject({
      ok: false,
      error: "rules",
      reasons: [{ code: "representativeVia1177" }],
    });
    ok(await dispatch(caseId, notInformed({ relativeChannel: "PHONE", relativeWho: "god man Per Olsson" }), r.as.doctor, opts));
  });

  it("without the box ticked the patient must still be told", async () => {
    const r = await region(db, now);
    const caseId = await lifeThreateningAppointed(r);
    const { patientNotInformed: _, patientNotInformedReason: __, ...withoutBox } = notInformed();
    expect(await dispatch(caseId, withoutBox, r.as.doctor, opts)).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { patientChannel: "Välj hur det gick till." },
    });
  });
});

const request = (r: Region, contactKind: "FAST_VARDKONTAKT" | "ANNAN_FAST_KONTAKT" = "FAST_VARDKONTAKT") => ({
  process: "PATIENT_REQUEST",
  patientId: r.patient.id,
  contactKind,
});
const received: EventSubmission = { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" };

describe("closing a patient's request without an appointment (PL 6 kap. 2 §)", () => {
  it.each([
    ["WITHDRAWN", "Patienten ringde och tog tillbaka sin begäran."],
    ["DIED", null],
    ["MOVED_AWAY", "Flyttat till Göteborg, listad där."],
  ])("closes as %s, audited with the reason and the comment", async (closingReason, comment) => {
    const r = await region(db, now);
    const { caseId } = await run(request(r), [[received, r.as.nurse]]);
    const done = ok(await dispatch(caseId, { type: "CLOSE_REQUEST", closingReason, ...(comment ? { comment } : {}) }, r.as.nurse, opts));
    expect(done).toMatchObject({ status: "CLOSED", state: "closed", outcome: closingReason });
    const step = (await auditOf(r.patient.id)).filter((e) => e.action === "case.step").at(-1)!;
    expect(JSON.parse(step.after ?? "{}")).toMatchObject({ event: "CLOSE_REQUEST", input: { closingReason, comment }, outcome: closingReason });
    expect(await db.assignment.count({ where: { caseId } })).toBe(0);
    expect(await db.refusal.count({ where: { patientId: r.patient.id } })).toBe(0);
  });

  it("never closes for lack of need, nor after the appointment", async () => {
    const r = await region(db, now);
    const { caseId } = await run(request(r), [[received, r.as.nurse]]);
    expect(await dispatch(caseId, { type: "CLOSE_REQUEST", closingReason: "NO_NEED" }, r.as.nurse, opts)).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { closingReason: "Välj varför begäran avslutas." },
    });
    expect(await dispatch(caseId, { type: "CLOSE_REQUEST", comment: "x".repeat(1001), closingReason: "DIED" }, r.as.nurse, opts)).toMatchObject({
      ok: false,
      fieldErrors: { comment: "Texten får vara högst 1000 tecken." },
    });
    ok(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts));
    expect(await dispatch(caseId, { type: "CLOSE_REQUEST", closingReason: "WITHDRAWN" }, r.as.nurse, opts)).toMatchObject({
      ok: false,
      error: "notAccepted",
    });
  });

  it("refuses a second fast vårdkontakt at the unit and closes with the existing one, the patient told who it is", async () => {
    const r = await region(db, now);
    const existing = await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: r.patient.id, staffMemberId: r.secondNurse.id, careUnitId: r.vc.id, startedAt: new Date("2026-01-01") },
    });
    const { caseId } = await run(request(r), [[received, r.as.nurse]]);
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({
      ok: false,
      error: "rules",
      reasons: [{ code: "vardkontaktExistsAtUnit" }],
    });
    const confirmed = ok(await dispatch(caseId, { type: "CONFIRM_EXISTING_CONTACT" }, r.as.nurse, opts));
    expect(confirmed).toMatchObject({ status: "OPEN", state: "awaitingNotification", outcome: "EXISTING_CONTACT" });
    const done = ok(await dispatch(caseId, notify("VIA_1177"), r.as.nurse, opts));
    expect(done).toMatchObject({ status: "CLOSED", outcome: "EXISTING_CONTACT" });
    expect(await db.assignment.count({ where: { patientId: r.patient.id, endedAt: null, kind: "FAST_VARDKONTAKT", careUnitId: r.vc.id } })).toBe(1);
    expect(await db.notification.findMany({ where: { caseId } })).toMatchObject([
      { recipient: "PATIENT", status: "DONE", assignmentId: existing.id },
    ]);
  });

  it("has nothing to confirm when the patient has no fast vårdkontakt at the unit, or asked for another kind of contact", async () => {
    const r = await region(db, now);
    const { caseId } = await run(request(r), [[received, r.as.nurse]]);
    expect(await dispatch(caseId, { type: "CONFIRM_EXISTING_CONTACT" }, r.as.nurse, opts)).toMatchObject({
      ok: false,
      error: "rules",
      reasons: [{ code: "noContactAtUnit" }],
    });
    await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: r.patient.id, staffMemberId: r.secondNurse.id, careUnitId: r.vc.id, startedAt: new Date("2026-01-01") },
    });
    const other = await run(request(r, "ANNAN_FAST_KONTAKT"), [[received, r.as.nurse]]);
    expect(await dispatch(other.caseId, { type: "CONFIRM_EXISTING_CONTACT" }, r.as.nurse, opts)).toMatchObject({
      ok: false,
      reasons: [{ code: "noContactAtUnit" }],
    });
  });
});
