// Dates that can be true, through the real executor (machines/date-plausibility.ts) and the
// review dates of item 3 (seed §3.3): a refused date comes back as a Swedish message next to
// its field, and nothing is written.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSession, sessionCookieHeader } from "~/auth/session.server";
import { db } from "~/db.server";
import { addDays, isoDateInStockholm } from "~/domain/dates";
import { t } from "~/i18n";
import { reviewsDue } from "~/models/worklist.server";
import { dispatch, startCase, type StepResult } from "~/processes/dispatch.server";
import { action as staffAction } from "~/routes/_app.personal.$staffMemberId";
import { action as addAction } from "~/routes/_app.personal.ny";
import { EXPECTED_DISCHARGE_HORIZON_DAYS, workingLifeWindow } from "../../../machines/date-plausibility";
import { createStaff, createUnit, createUser, request } from "../../factories";
import { statusOf } from "../../setup/responses";
import { freshDatabaseEachTest } from "../../setup/setup-test-env";
import { appoint, notify, region, type Region } from "./scenario";

// Steps are taken at chosen instants (around midnight); the audit chain refuses back-dating.
freshDatabaseEachTest();

const now = new Date("2026-11-25T09:00:00Z"); // 10:00 in Stockholm
const opts = { db, now };

function ok(result: StepResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message} ${JSON.stringify(result)}`);
  return result;
}

const request_ = (r: Region, receivedOn: string, when: Date = now) =>
  startCase(
    { process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
    { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn },
    r.as.nurse,
    { db, now: when },
  );

const futureText = "Datumet ligger i framtiden. Det som redan har hänt kan som senast ha skett i dag.";

describe("happened dates: not in the future, not before birth, not before the case opened", () => {
  it("a request received today is fine; one received tomorrow, or 9999-12-31, is refused next to the field and nothing is written", async () => {
    const r = await region(db, now);
    for (const receivedOn of ["2026-11-26", "9999-12-31"]) {
      expect(await request_(r, receivedOn)).toMatchObject({ ok: false, error: "invalid", fieldErrors: { receivedOn: futureText } });
    }
    expect(await db.processCase.count({ where: { patientId: r.patient.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { patientId: r.patient.id } })).toBe(0);
    ok(await request_(r, "2026-11-25"));
  });

  it("judges 'today' on Swedish clocks: 23:59 in Stockholm is still the 25th, 00:30 is the 26th", async () => {
    const r = await region(db, now);
    const lastMinute = new Date("2026-11-25T22:59:00Z");
    const afterMidnight = new Date("2026-11-25T23:30:00Z");
    expect(await request_(r, "2026-11-26", lastMinute)).toMatchObject({ error: "invalid", fieldErrors: { receivedOn: futureText } });
    ok(await request_(r, "2026-11-26", afterMidnight));
  });

  it("not before the patient's birth: the day of birth yes, the day before no", async () => {
    const r = await region(db, now);
    await db.patient.update({ where: { id: r.patient.id }, data: { birthDate: "2026-11-20" } });
    expect(await request_(r, "2026-11-19")).toMatchObject({
      error: "invalid",
      fieldErrors: { receivedOn: "Datumet ligger före patientens födelse. Ange ett datum från och med 2026-11-20." },
    });
    ok(await request_(r, "2026-11-20"));
  });

  it("a later step is not dated before the day the case was opened", async () => {
    const r = await region(db, now);
    const { caseId } = ok(await request_(r, "2026-11-20"));
    ok(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts));
    const before = await db.processCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(await dispatch(caseId, notify("VIA_1177", { patientNotifiedOn: "2026-11-24" }), r.as.nurse, opts)).toMatchObject({
      error: "invalid",
      fieldErrors: { patientNotifiedOn: "Datumet ligger före den dag ärendet öppnades. Ange ett datum från och med 2026-11-25." },
    });
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toEqual(before);
    expect(ok(await dispatch(caseId, notify("VIA_1177", { patientNotifiedOn: "2026-11-25" }), r.as.nurse, opts))).toMatchObject({ status: "CLOSED" });
  });
});

describe("admission and expected discharge (lag 2017:612)", () => {
  const admit = (r: Region, admittedAt: string, expectedDischargeDate: string) =>
    startCase(
      { process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
      { type: "REGISTER_ADMISSION", admittedAt, expectedDischargeDate },
      r.as.wardNurse,
      opts,
    );

  it("an admission on 2027-05-01 with expected discharge 2026-01-01: each field gets its reason, nothing is written", async () => {
    const r = await region(db, now);
    expect(await admit(r, "2027-05-01T10:00", "2026-01-01")).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: {
        admittedAt: "Tidpunkten ligger i framtiden. Det som redan har hänt kan som senast ha skett nu.",
        expectedDischargeDate: "Ett planerat datum kan inte ligga före i dag. Ange dagens datum eller ett senare.",
      },
    });
    // Later the same morning is still the future: 10:01 when it is 10:00.
    expect(await admit(r, "2026-11-25T10:01", "2026-11-30")).toMatchObject({ error: "invalid", fieldErrors: { admittedAt: expect.any(String) } });
    expect(await db.processCase.count({ where: { patientId: r.patient.id } })).toBe(0);
  });

  it("discharge the day of admission is fine; the horizon's last day yes, the day after no", async () => {
    const last = addDays("2026-11-25", EXPECTED_DISCHARGE_HORIZON_DAYS);
    const r = await region(db, now);
    expect(await admit(r, "2026-11-25T08:00", addDays(last, 1))).toMatchObject({
      error: "invalid",
      fieldErrors: { expectedDischargeDate: `Datumet ligger för långt fram. Välj ett datum till och med ${last}.` },
    });
    ok(await admit(r, "2026-11-25T08:00", "2026-11-25"));
    const other = await region(db, now);
    ok(await admit(other, "2026-11-25T10:00", last));
  });
});

describe("review dates (seed §3.3)", () => {
  const contact = (r: Region, kind: "FAST_VARDKONTAKT" | "FAST_LAKARKONTAKT", staffMemberId: string) =>
    db.assignment.create({
      data: { kind, patientId: r.patient.id, staffMemberId, careUnitId: r.vc.id, startedAt: new Date("2026-01-01"), reviewDueDate: "2026-11-01" },
    });
  const review = (r: Region, assignmentId: string, fields: Record<string, string>) =>
    startCase({ process: "ENDING", patientId: r.patient.id, subjectId: assignmentId }, { type: "REVIEW", needRemains: "yes", ...fields }, r.as.nurse, opts);

  it("a review keeping a fast vårdkontakt: 2020-01-01 and the review day are refused, tomorrow is fine", async () => {
    const r = await region(db, now);
    const a = await contact(r, "FAST_VARDKONTAKT", r.nurse.id);
    for (const nextReviewDate of ["2020-01-01", "2026-11-25"]) {
      expect(await review(r, a.id, { nextReviewDate })).toMatchObject({
        ok: false,
        error: "invalid",
        fieldErrors: { nextReviewDate: "Omprövningsdatumet ska ligga efter i dag." },
      });
    }
    expect(await review(r, a.id, {})).toMatchObject({ error: "invalid", fieldErrors: { nextReviewDate: "Ange när behovet ska omprövas." } });
    expect(await db.processCase.count({ where: { patientId: r.patient.id } })).toBe(0);
    expect(await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ reviewDueDate: "2026-11-01" });
    ok(await review(r, a.id, { nextReviewDate: "2026-11-26" }));
    expect(await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ reviewDueDate: "2026-11-26" });
  });

  it("a review keeping a fast läkarkontakt needs no next date; one given still lies ahead", async () => {
    const r = await region(db, now);
    const a = await contact(r, "FAST_LAKARKONTAKT", r.doctor.id);
    expect(await review(r, a.id, { nextReviewDate: "2026-11-25" })).toMatchObject({
      error: "invalid",
      fieldErrors: { nextReviewDate: "Omprövningsdatumet ska ligga efter i dag." },
    });
    expect(ok(await review(r, a.id, {}))).toMatchObject({ status: "CLOSED", outcome: "NEED_REMAINS" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ endedAt: null, reviewDueDate: null });
  });

  it("a fast läkarkontakt is appointed without a review date; a fast vårdkontakt is not", async () => {
    const r = await region(db, now);
    const { caseId } = ok(
      await startCase(
        { process: "DOCTOR_CHOICE", patientId: r.patient.id, contactKind: "FAST_LAKARKONTAKT" },
        { type: "RECEIVE_CHOICE", channel: "PHONE" },
        r.as.nurse,
        opts,
      ),
    );
    ok(await dispatch(caseId, { type: "APPOINT", staffMemberId: r.doctor.id }, r.as.chief, opts));
    expect(await db.assignment.findFirstOrThrow({ where: { caseId } })).toMatchObject({ kind: "FAST_LAKARKONTAKT", reviewDueDate: null });

    const request = ok(await request_(r, "2026-11-25"));
    expect(await dispatch(request.caseId, { type: "APPOINT", staffMemberId: r.nurse.id }, r.as.chief, opts)).toMatchObject({
      error: "invalid",
      fieldErrors: { reviewDueDate: "Ange när behovet ska omprövas." },
    });
  });

  it("the worklist of due reviews does not list a fast läkarkontakt, even one with a date passed", async () => {
    const r = await region(db, now);
    const vardkontakt = await contact(r, "FAST_VARDKONTAKT", r.nurse.id);
    await contact(r, "FAST_LAKARKONTAKT", r.doctor.id);
    expect((await reviewsDue(db, r.vc.id, "2026-11-25")).map((a) => a.id)).toEqual([vardkontakt.id]);
  });
});

describe("staff employment dates within a working life", () => {
  const post = (path: string, cookie: string, fields: Record<string, string>) =>
    request(path, cookie, { method: "POST", body: new URLSearchParams(fields) });
  const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });
  const errorsOf = (value: unknown) => (value as { data: { errors: Record<string, string> } }).data.errors;

  async function administrator(unitId: string) {
    const user = await createUser(db, [{ careUnitId: unitId, roleCode: "ADMINISTRATOR" }]);
    const sessionId = await createSession(db, user.id, new Date());
    await db.session.update({ where: { id: sessionId }, data: { activeUnitId: unitId, activeRole: "ADMINISTRATOR" } });
    return (await sessionCookieHeader(sessionId)).split(";")[0];
  }

  it("refuses employed from 1800-01-01 and from 2999-01-01, next to the field, and writes nothing", async () => {
    const unit = await createUnit(db);
    const cookie = await administrator(unit.id);
    const { first, last } = workingLifeWindow(isoDateInStockholm(new Date()));
    const staff = (employmentFrom: string) => ({
      firstName: "Greta",
      lastName: "Nyanställd",
      hsaId: `SE2321000016-T${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
      befattningCode: "206011",
      careUnitId: unit.id,
      employmentFrom,
    });
    const before = await db.staffMember.count();
    const old = await addAction(args(post("/personal/ny", cookie, staff("1800-01-01"))));
    expect(statusOf(old)).toBe(400);
    expect(errorsOf(old)).toEqual({ employmentFrom: t("rule.dateBeforeWorkingLife", { date: first }) });
    const ahead = await addAction(args(post("/personal/ny", cookie, staff("2999-01-01"))));
    expect(errorsOf(ahead)).toEqual({ employmentFrom: t("rule.dateBeyondWorkingLife", { date: last }) });
    expect(await db.staffMember.count()).toBe(before);
  });

  it("refuses a last day of employment beyond the working life", async () => {
    const unit = await createUnit(db);
    const member = await createStaff(db, unit.id);
    const cookie = await administrator(unit.id);
    const { last } = workingLifeWindow(isoDateInStockholm(new Date()));
    const result = await staffAction(args(post(`/personal/${member.id}`, cookie, { intent: "set", employmentEndDate: "2999-01-01" }), { staffMemberId: member.id }));
    expect(statusOf(result)).toBe(400);
    expect(errorsOf(result)).toEqual({ employmentEndDate: t("rule.dateBeyondWorkingLife", { date: last }) });
    expect((await db.staffMember.findUniqueOrThrow({ where: { id: member.id } })).employmentEndDate).toBeNull();
  });
});
