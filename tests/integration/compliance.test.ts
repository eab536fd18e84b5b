// The compliance measures (issue 4 §4) against a real SQLite file, with scenarios built
// through the factories and the process executor: each measure's numerator and denominator,
// month edges on Stockholm clocks, deadlines met exactly, and agreement with the worklists.
import { freshDatabaseEachTest } from "../setup/setup-test-env";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { isoDateInStockholm, stockholmInstant } from "~/domain/dates";
import { complianceMonth, complianceMonths } from "~/models/compliance-months";
import { complianceList, complianceOverview, type ComplianceUnit, type MeasureId } from "~/models/compliance.server";
import { homeCareWithoutContact, reviewsDue } from "~/models/worklist.server";
import { dispatch, startCase, type EventSubmission, type StepActor, type StepResult } from "~/processes/dispatch.server";
import { loader as listLoader } from "~/routes/_app.uppfoljning.$measure";
import { loader as overviewLoader } from "~/routes/_app.uppfoljning._index";
import { createPatient, createStaff, createUnit, request, signedIn } from "../factories";
import { statusOf, thrown } from "../setup/responses";
import { appoint, notify, region, type Region } from "./processes/scenario";

// 10:00 in Stockholm on 2026-11-25; the window runs from 2025-11 to 2026-11 (so far).

// Each test writes its history at fixed past times: a fresh database each time (decision 014).
freshDatabaseEachTest();
const now = new Date("2026-11-25T09:00:00Z");
const at = (iso: string) => ({ db, now: new Date(iso) });

function ok(result: StepResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message} ${JSON.stringify(result)}`);
  return result;
}

async function run(opening: Parameters<typeof startCase>[0], steps: [EventSubmission, StepActor, string][]) {
  const [first, ...rest] = steps;
  let last = ok(await startCase(opening, first[0], first[1], at(first[2])));
  for (const [event, actor, when] of rest) last = ok(await dispatch(last.caseId, event, actor, at(when)));
  return last.caseId;
}

const unitOf = (unit: { id: string; name: string; kind: ComplianceUnit["kind"] }): ComplianceUnit => ({ ...unit, roleCode: "VERKSAMHETSCHEF" });

/** numerator/denominator of one measure per month key, for one unit. */
async function cells(measure: MeasureId, unit: ComplianceUnit) {
  const { measures } = await complianceOverview(db, [unit], now);
  const series = measures.find((m) => m.id === measure)!.series.find((s) => s.unitId === unit.id)!;
  return Object.fromEntries(Object.entries(series.cells).map(([k, c]) => [k, `${c.numerator}/${c.denominator}`]));
}

const list = (measure: MeasureId, unitId: string, key: string) => complianceList(db, measure, unitId, complianceMonth(key, now), now);

describe("months", () => {
  it("are the twelve months before the current one and the current month so far, on Stockholm clocks", () => {
    const months = complianceMonths(now);
    expect(months.map((m) => m.key)).toEqual([
      "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11",
    ]);
    // October ends at 23:59:59.999 Stockholm (CET after the DST change) = 22:59:59.999 UTC.
    expect(months[11]).toMatchObject({ refDate: "2026-10-31", refAt: new Date("2026-10-31T22:59:59.999Z"), current: false });
    // Summer time: July ends at 21:59:59.999 UTC.
    expect(months[8].refAt).toEqual(new Date("2026-07-31T21:59:59.999Z"));
    expect(months[12]).toMatchObject({ refDate: "2026-11-25", refAt: now, current: true, start: new Date("2026-10-31T23:00:00Z") });
    // Just after midnight on 1 December in Stockholm it is still 30 November in UTC.
    expect(complianceMonths(new Date("2026-11-30T23:30:00Z")).at(-1)?.key).toBe("2026-12");
  });
});

describe("omsorgskontakt: hemtjänst recipients with a fast omsorgskontakt, a refusal or 'uppenbart obehövligt' (month-end snapshot)", () => {
  it("counts each cover from the instant it was recorded, at the Stockholm month edge, and a refusal as covered", async () => {
    const r = await region(db, now);
    const unit = unitOf(r.homeCare);
    const homeCare = async (from = "2026-01-01", to: string | null = null) => {
      const patient = await createPatient(db);
      const service = await db.homeCareService.create({ data: { patientId: patient.id, careUnitId: r.homeCare.id, from, to } });
      return { patient, service };
    };
    const opening = (p: { patient: { id: string }; service: { id: string } }) => ({ process: "HOME_CARE_CONTACT", patientId: p.patient.id, subjectId: p.service.id });

    // In time order: the audit chain refuses back-dated rows (decision 014).
    // Appointed in September.
    const appointed = await homeCare();
    await run(opening(appointed), [
      [{ type: "OFFER_CONTACT", offeredOn: "2026-09-10" }, r.as.homeCareChief, "2026-09-10T08:00:00Z"],
      [{ type: "PATIENT_ACCEPTED", acceptedOn: "2026-09-10" }, r.as.homeCareChief, "2026-09-10T08:00:00Z"],
      [appoint(r.underskoterska.id), r.as.homeCareChief, "2026-09-10T08:00:00Z"],
    ]);
    // "Uppenbart obehövligt" at 23:59:59 on 31 October Stockholm time: covered in October.
    const lastSecond = await homeCare();
    await run(opening(lastSecond), [[{ type: "RECORD_NOT_NEEDED", reason: "Tillfällig insats." }, r.as.homeCareChief, "2026-10-31T22:59:59Z"]]);
    // …at 00:00 on 1 November Stockholm time (still 31 October in UTC): not in October.
    const midnight = await homeCare();
    await run(opening(midnight), [[{ type: "RECORD_NOT_NEEDED", reason: "Tillfällig insats." }, r.as.homeCareChief, "2026-10-31T23:00:00Z"]]);
    // Declined in November: covered from then on (a refusal counts, SoL 4 kap. 2 b §).
    await run({ process: "HOME_CARE_CONTACT", patientId: r.patient.id, subjectId: r.homeCareService.id }, [
      [{ type: "OFFER_CONTACT", offeredOn: "2026-11-20" }, r.as.homeCareChief, "2026-11-20T09:00:00Z"],
      [{ type: "PATIENT_DECLINED", declinedOn: "2026-11-20" }, r.as.homeCareChief, "2026-11-20T09:00:00Z"],
    ]);
    // Hemtjänst that ended on 15 October: in September's snapshot, not October's.
    const ended = await homeCare("2026-01-01", "2026-10-15");
    // Hemtjänst that starts after the snapshot day is not counted.
    await homeCare("2026-11-26");

    const result = await cells("omsorgskontakt", unit);
    expect(result["2026-08"]).toBe("0/5");
    expect(result["2026-09"]).toBe("1/5");
    expect(result["2026-10"]).toBe("2/4");
    expect(result["2026-11"]).toBe("4/4");
    expect(result["2025-11"]).toBe("0/0");

    const october = await list("omsorgskontakt", r.homeCare.id, "2026-10");
    expect(october).toMatchObject({ numerator: 2, denominator: 4 });
    expect(october.rows.filter((x) => x.counted).map((x) => [x.patientId, x.status, x.date])).toEqual(
      expect.arrayContaining([
        [lastSecond.patient.id, "notNeeded", "2026-10-31"],
        [appointed.patient.id, "contact", "2026-09-10"],
      ]),
    );
    expect(october.rows.filter((x) => !x.counted).map((x) => x.patientId).sort()).toEqual([r.patient.id, midnight.patient.id].sort());
    expect(october.rows.every((x) => x.patientId !== ended.patient.id)).toBe(true);
    const november = await list("omsorgskontakt", r.homeCare.id, "2026-11");
    expect(november.rows.find((x) => x.patientId === r.patient.id)).toMatchObject({ counted: true, status: "refused", date: "2026-11-20" });
  });

  it("at now agrees with the worklist's hemtjänst recipients without a contact", async () => {
    const r = await region(db, now);
    await createPatient(db).then((p) => db.homeCareService.create({ data: { patientId: p.id, careUnitId: r.homeCare.id, from: "2026-02-01" } }));
    const uncovered = (await list("omsorgskontakt", r.homeCare.id, "2026-11")).rows.filter((x) => !x.counted).map((x) => x.patientId);
    const worklist = (await homeCareWithoutContact(db, r.homeCare.id, "2026-11-25")).map((h) => h.patient.id);
    expect(uncovered.sort()).toEqual(worklist.sort());
    expect(uncovered).toHaveLength(2);
  });
});

/** A patient admitted to the ward, with an inskrivningsmeddelande sent to the vårdcentral on `sentAt`. */
async function referred(r: Region, expectedDischargeDate: string, sentAt: string, existingContact = false) {
  const patient = await createPatient(db, { listedAt: r.vc.id });
  await db.careEpisode.create({ data: { patientId: patient.id, careUnitId: r.ward.id, kind: "INPATIENT", startedAt: new Date(sentAt) } });
  if (existingContact) {
    await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: patient.id, staffMemberId: r.secondNurse.id, careUnitId: r.vc.id, startedAt: new Date("2026-01-01") },
    });
  }
  const day = new Date(sentAt).toISOString().slice(0, 10);
  const caseId = await run({ process: "DISCHARGE_REFERRAL", patientId: patient.id, contactKind: "FAST_VARDKONTAKT" }, [
    [{ type: "REGISTER_ADMISSION", admittedAt: `${day}T08:00`, expectedDischargeDate }, r.as.wardNurse, sentAt],
    [{ type: "ASSESS", needed: "yes" }, r.as.wardNurse, sentAt],
    [{ type: "INFORM_PATIENT", informedOn: day }, r.as.wardNurse, sentAt],
    [{ type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate }, r.as.wardNurse, sentAt],
    [{ type: "RECEIVE_REFERRAL" }, r.as.nurse, sentAt],
  ]);
  return { patient, caseId };
}

describe("utskrivning: fast vårdkontakt appointed before the planned discharge (event, lag 2017:612 2 kap. 5 §)", () => {
  it("counts a discharge in its month; an appointment exactly at the deadline is in time, a millisecond later is not", async () => {
    const r = await region(db, now);
    const unit = unitOf(r.vc);
    // The deadline for a discharge on 2026-11-10 is 00:00 that day in Stockholm = 2026-11-09T23:00Z.
    // In time order: the audit chain refuses back-dated rows (decision 014).
    // October: the patient already had a fast vårdkontakt at the unit (2 kap. 5 §: "unless").
    const existing = await referred(r, "2026-10-31", "2026-10-28T09:00:00Z", true);
    ok(await dispatch(existing.caseId, { type: "CONFIRM_EXISTING_CONTACT" }, r.as.nurse, at("2026-11-02T09:00:00Z")));
    const exact = await referred(r, "2026-11-10", "2026-11-05T09:00:00Z");
    const openDeadline = (await db.processCase.findUniqueOrThrow({ where: { id: exact.caseId } })).appointmentDueAt;
    expect(openDeadline).toEqual(stockholmInstant("2026-11-10"));
    const late = await referred(r, "2026-11-10", "2026-11-05T09:00:00Z");
    // Called off before the discharge day with nothing appointed: not counted.
    const cancelled = await referred(r, "2026-11-12", "2026-11-05T09:00:00Z");
    ok(await dispatch(cancelled.caseId, { type: "CANCEL", reason: "Patienten stannar kvar." }, r.as.nurse, at("2026-11-08T09:00:00Z")));
    ok(await dispatch(exact.caseId, appoint(r.nurse.id), r.as.chief, at("2026-11-09T23:00:00.000Z")));
    ok(await dispatch(late.caseId, appoint(r.nurse.id), r.as.chief, at("2026-11-09T23:00:00.001Z")));
    // Never appointed, discharge day passed.
    const missed = await referred(r, "2026-11-20", "2026-11-15T09:00:00Z");
    // The discharge is still ahead: not counted yet.
    await referred(r, "2026-11-30", "2026-11-24T09:00:00Z");

    const result = await cells("utskrivning", unit);
    expect(result["2026-10"]).toBe("1/1");
    expect(result["2026-11"]).toBe("1/3");
    const november = await list("utskrivning", r.vc.id, "2026-11");
    // The numerator first, then the rest of the denominator.
    expect(november.rows[0]).toMatchObject({ caseId: exact.caseId, counted: true, status: "appointedInTime", dueDate: "2026-11-10", date: "2026-11-10" });
    expect(november.rows.slice(1).map((x) => [x.caseId, x.counted, x.status, x.dueDate])).toEqual(
      expect.arrayContaining([
        [late.caseId, false, "appointedLate", "2026-11-10"],
        [missed.caseId, false, "notAppointed", "2026-11-20"],
      ]),
    );
    expect((await list("utskrivning", r.vc.id, "2026-10")).rows).toMatchObject([{ patientId: existing.patient.id, counted: true, status: "existingContact" }]);
  });
});

describe("sip: SIP called within the days after 'utskrivningsklar' (event, lag 2017:612 4 kap. 1, 3 §§)", () => {
  it("counts calls by the deadline's month; a call dated on the deadline day is in time, the day after is late", async () => {
    const r = await region(db, now);
    const unit = unitOf(r.vc);
    // Five referred patients, appointed and told in October; then in time order, as the audit
    // chain refuses back-dated rows (decision 014), each made ready and called or not.
    const cases = [];
    for (let i = 0; i < 5; i++) cases.push(await referred(r, "2026-11-30", "2026-10-20T09:00:00Z"));
    for (const c of cases) ok(await dispatch(c.caseId, appoint(r.nurse.id), r.as.chief, at("2026-10-21T09:00:00Z")));
    for (const c of cases) ok(await dispatch(c.caseId, notify("VIA_1177", { patientNotifiedOn: "2026-10-21" }), r.as.nurse, at("2026-10-21T09:00:00Z")));
    const [onTheDay, dayAfter, notCalled, ahead, noSip] = cases;
    const ready = async (c: { caseId: string }, readyAt: string, when: string, sipRequired = true) =>
      ok(await dispatch(c.caseId, { type: "MARK_READY_FOR_DISCHARGE", readyAt, sipRequired: sipRequired ? "on" : "" }, r.as.wardNurse, at(when)));
    // Ready 2026-11-02 10:00 → SIP due 2026-11-05 10:00 (three calendar days).
    await ready(onTheDay, "2026-11-02T10:00", "2026-11-02T09:30:00Z");
    expect((await db.processCase.findUniqueOrThrow({ where: { id: onTheDay.caseId } })).sipCallDueAt).toEqual(new Date("2026-11-05T09:00:00Z"));
    await ready(dayAfter, "2026-11-02T10:00", "2026-11-02T09:30:00Z");
    // No SIP needed (only region or only kommun takes part): not counted.
    await ready(noSip, "2026-11-03T10:00", "2026-11-03T09:30:00Z", false);
    ok(await dispatch(onTheDay.caseId, { type: "CALL_SIP", calledOn: "2026-11-05", sipDate: "2026-11-10" }, r.as.nurse, at("2026-11-05T15:00:00Z")));
    ok(await dispatch(dayAfter.caseId, { type: "CALL_SIP", calledOn: "2026-11-06", sipDate: "2026-11-10" }, r.as.nurse, at("2026-11-06T09:00:00Z")));
    // Deadline passed with no call.
    await ready(notCalled, "2026-11-10T10:00", "2026-11-10T09:30:00Z");
    // Deadline still ahead (2026-11-27): not counted yet.
    await ready(ahead, "2026-11-24T10:00", "2026-11-24T09:30:00Z");

    expect((await cells("sip", unit))["2026-11"]).toBe("1/3");
    const november = await list("sip", r.vc.id, "2026-11");
    expect(november.rows.map((x) => [x.caseId, x.counted, x.status, x.dueDate, x.date])).toEqual(
      expect.arrayContaining([
        [onTheDay.caseId, true, "calledInTime", "2026-11-05", "2026-11-05"],
        [dayAfter.caseId, false, "calledLate", "2026-11-05", "2026-11-06"],
        [notCalled.caseId, false, "notCalled", "2026-11-13", null],
      ]),
    );
    expect(november.rows[0].counted).toBe(true);
  });
});

describe("inskrivningsmeddelande: messages the ward sent more than 24 hours after admission (event, lag 2017:612)", () => {
  /** A patient admitted to the ward at `admittedAt` (Stockholm clock), assessed and informed at `at`. */
  async function admitted(r: Region, admittedAt: string, at: string, needed = true) {
    const patient = await createPatient(db, { listedAt: r.vc.id });
    await db.careEpisode.create({ data: { patientId: patient.id, careUnitId: r.ward.id, kind: "INPATIENT", startedAt: new Date(at) } });
    const caseId = await run({ process: "DISCHARGE_REFERRAL", patientId: patient.id, contactKind: "FAST_VARDKONTAKT" }, [
      [{ type: "REGISTER_ADMISSION", admittedAt, expectedDischargeDate: "2026-12-15" }, r.as.wardNurse, at],
      [needed ? { type: "ASSESS", needed: "yes" } : { type: "ASSESS", needed: "no", reason: "Inga insatser behövs." }, r.as.wardNurse, at],
      ...(needed ? [[{ type: "INFORM_PATIENT", informedOn: isoDateInStockholm(new Date(at)) }, r.as.wardNurse, at] as [EventSubmission, StepActor, string]] : []),
    ]);
    return { patient, caseId };
  }
  const send = (r: Region, caseId: string, when: string) =>
    dispatch(caseId, { type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate: "2026-12-15" }, r.as.wardNurse, at(when));

  it("counts by the deadline's Stockholm month; 24 h 0 min is in time, 24 h + 1 min late, an unsent message late once due", async () => {
    const r = await region(db, now);
    const ward = unitOf(r.ward);
    // In time order: the audit chain refuses back-dated rows (decision 014).
    // October, sent in time (09:00 CEST = 07:00 UTC).
    const october = await admitted(r, "2026-10-20T09:00", "2026-10-20T08:00:00Z");
    ok(await send(r, october.caseId, "2026-10-20T09:00:00Z"));
    // Admitted 00:30 on 31 October (CET): due 00:30 on 1 November in Stockholm, still 31 October in UTC.
    const edge = await admitted(r, "2026-10-31T00:30", "2026-10-30T23:45:00Z");
    ok(await send(r, edge.caseId, "2026-10-31T10:00:00Z"));
    // Admitted 08:00 (07:00 UTC) on 5 November: one sent at exactly 24 h, one a minute later.
    const exact = await admitted(r, "2026-11-05T08:00", "2026-11-05T08:00:00Z");
    const minuteLate = await admitted(r, "2026-11-05T08:00", "2026-11-05T08:00:00Z");
    ok(await send(r, exact.caseId, "2026-11-06T07:00:00.000Z"));
    ok(await send(r, minuteLate.caseId, "2026-11-06T07:01:00.000Z"));
    // Never sent, the deadline (21 November 08:00) has passed: late.
    const unsent = await admitted(r, "2026-11-20T08:00", "2026-11-20T08:00:00Z");
    // No need: closed without a message, not counted.
    await admitted(r, "2026-11-22T08:00", "2026-11-22T08:00:00Z", false);
    // Admitted this morning: its deadline is tomorrow, not counted yet.
    await admitted(r, "2026-11-25T09:30", "2026-11-25T08:45:00Z");

    const result = await cells("inskrivningsmeddelande", ward);
    expect(result["2026-10"]).toBe("0/1");
    expect(result["2026-11"]).toBe("2/4");
    // The measure belongs to the ward that sends, not to the receiving vårdcentral.
    const { measures } = await complianceOverview(db, [unitOf(r.vc)], now);
    expect(measures.find((m) => m.id === "inskrivningsmeddelande")?.series).toEqual([]);

    const november = await list("inskrivningsmeddelande", r.ward.id, "2026-11");
    expect(november.rows.filter((x) => x.counted).map((x) => [x.caseId, x.status, x.date, x.dueDate])).toEqual(
      expect.arrayContaining([
        [minuteLate.caseId, "referralLate", "2026-11-06 08:01", "2026-11-06 08:00"],
        [unsent.caseId, "referralNotSent", null, "2026-11-21 08:00"],
      ]),
    );
    expect(november.rows.filter((x) => !x.counted).map((x) => [x.caseId, x.status, x.dueDate])).toEqual(
      expect.arrayContaining([
        [edge.caseId, "referralInTime", "2026-11-01 00:30"],
        [exact.caseId, "referralInTime", "2026-11-06 08:00"],
      ]),
    );
    expect(november).toMatchObject({ numerator: 2, denominator: 4 });
  });
});

describe("omprovning: active assignments whose review is overdue (month-end snapshot)", () => {
  it("uses the review date as it stood at each month end, and a date due on the last day is not yet overdue", async () => {
    const r = await region(db, now);
    const unit = unitOf(r.vc);
    const contact = (reviewDueDate: string, startedAt = "2026-01-15T09:00:00Z") =>
      db.assignment.create({
        data: { kind: "FAST_VARDKONTAKT", patientId: r.patient.id, staffMemberId: r.nurse.id, careUnitId: r.vc.id, startedAt: new Date(startedAt), reviewDueDate },
      });
    // Due 2026-06-15, reviewed on 2026-07-10 (next review 2027-07-10): overdue at the end of June only.
    const reviewed = await contact("2026-06-15");
    await run({ process: "ENDING", patientId: r.patient.id, subjectId: reviewed.id }, [
      [{ type: "REVIEW", needRemains: "yes", nextReviewDate: "2027-07-10" }, r.as.nurse, "2026-07-10T09:00:00Z"],
    ]);
    // Due on 31 October: not overdue in October's snapshot, overdue in November's.
    await contact("2026-10-31");
    // A fast läkarkontakt carries no review duty (seed §3.3): not counted, even with a date long passed.
    await db.assignment.create({
      data: { kind: "FAST_LAKARKONTAKT", patientId: r.patient.id, staffMemberId: r.doctor.id, careUnitId: r.vc.id, startedAt: new Date("2026-01-15T09:00:00Z"), reviewDueDate: "2026-03-01" },
    });

    const result = await cells("omprovning", unit);
    expect(result["2026-01"]).toBe("0/2");
    expect(result["2026-06"]).toBe("1/2");
    expect(result["2026-07"]).toBe("0/2");
    expect(result["2026-10"]).toBe("0/2");
    expect(result["2026-11"]).toBe("1/2");
    expect(result["2025-12"]).toBe("0/0");
    expect((await list("omprovning", r.vc.id, "2026-06")).rows).toMatchObject([{ counted: true, status: "reviewOverdue", dueDate: "2026-06-15" }, { counted: false }]);

    // At now the overdue ones are the worklist's overdue reviews.
    const overdue = (await list("omprovning", r.vc.id, "2026-11")).rows.filter((x) => x.counted).map((x) => x.dueDate);
    expect(overdue).toEqual((await reviewsDue(db, r.vc.id, "2026-11-25")).filter((a) => a.overdue).map((a) => a.reviewDueDate));
  });
});

describe("samordning: several fasta vårdkontakter and no övergripande samordningsansvar (month-end snapshot)", () => {
  it("applies lacksOverallCoordination to the contacts active at each month end, at every unit of the patient", async () => {
    const r = await region(db, now);
    const wardStaff = await createStaff(db, r.ward.id);
    const fvk = (patientId: string, careUnitId: string, staffMemberId: string, startedAt: string, extra: { overallCoordination?: boolean; endedAt?: string } = {}) =>
      db.assignment.create({
        data: {
          kind: "FAST_VARDKONTAKT",
          patientId,
          careUnitId,
          staffMemberId,
          startedAt: new Date(startedAt),
          endedAt: extra.endedAt ? new Date(extra.endedAt) : null,
          overallCoordination: extra.overallCoordination ?? false,
          coordinationConsentAt: extra.overallCoordination ? new Date(startedAt) : null,
        },
      });
    // Two contacts from September, none coordinating.
    await fvk(r.patient.id, r.vc.id, r.nurse.id, "2026-02-01T09:00:00Z");
    await fvk(r.patient.id, r.ward.id, wardStaff.id, "2026-09-01T09:00:00Z");
    // Two contacts, one coordinating.
    const coordinated = await createPatient(db, { listedAt: r.vc.id });
    await fvk(coordinated.id, r.vc.id, r.nurse.id, "2026-02-01T09:00:00Z", { overallCoordination: true });
    await fvk(coordinated.id, r.ward.id, wardStaff.id, "2026-02-01T09:00:00Z");
    // Two contacts until the second ended at 00:00 on 1 October Stockholm time: still two at September's end.
    const ending = await createPatient(db, { listedAt: r.vc.id });
    await fvk(ending.id, r.vc.id, r.nurse.id, "2026-02-01T09:00:00Z");
    await fvk(ending.id, r.ward.id, wardStaff.id, "2026-08-01T09:00:00Z", { endedAt: "2026-09-30T22:00:00Z" });

    const vc = await cells("samordning", unitOf(r.vc));
    expect(vc["2026-01"]).toBe("0/0");
    expect(vc["2026-07"]).toBe("0/3");
    expect(vc["2026-08"]).toBe("1/3");
    expect(vc["2026-09"]).toBe("2/3");
    expect(vc["2026-10"]).toBe("1/3");
    const ward = await cells("samordning", unitOf(r.ward));
    expect(ward["2026-10"]).toBe("1/2");
    expect((await list("samordning", r.vc.id, "2026-10")).rows).toMatchObject([{ patientId: r.patient.id, counted: true, status: "lacksCoordination", contacts: 2 }, { counted: false }, { counted: false }]);
  });
});

describe("pages", () => {
  const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

  it("shows a verksamhetschef the active unit only, and logs every patient of a list (compliance.list)", async () => {
    const r = await region(db, now);
    await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: r.patient.id, staffMemberId: r.nurse.id, careUnitId: r.vc.id, startedAt: new Date("2026-01-15"), reviewDueDate: "2026-01-20" },
    });
    const { cookie, user } = await signedIn(db, r.vc.id, "VERKSAMHETSCHEF");
    const overview = await overviewLoader(args(request("/uppfoljning", cookie)));
    expect(overview.units.map((u) => u.id)).toEqual([r.vc.id]);
    expect(await db.accessLog.count({ where: { userId: user.id } })).toBe(0);

    const month = complianceMonths(new Date()).at(-1)!.key;
    const page = await listLoader(args(request(`/uppfoljning/omprovning?enhet=${r.vc.id}&manad=${month}`, cookie), { measure: "omprovning" }));
    expect(page.rows.map((x) => x.patient.id)).toEqual([r.patient.id]);
    expect(await db.accessLog.findMany({ where: { userId: user.id } })).toEqual([
      expect.objectContaining({ patientId: r.patient.id, action: "compliance.list", careUnitId: r.vc.id, roleCode: "VERKSAMHETSCHEF" }),
    ]);
  });

  it("gives 404 for another unit, an unknown measure, a measure that does not apply, or a month outside the window", async () => {
    const r = await region(db, now);
    const other = await createUnit(db);
    const { cookie, user } = await signedIn(db, r.vc.id, "VERKSAMHETSCHEF");
    const month = complianceMonths(new Date()).at(-1)!.key;
    for (const [measure, query] of [
      ["omprovning", `enhet=${other.id}&manad=${month}`],
      ["okand", `enhet=${r.vc.id}&manad=${month}`],
      ["omsorgskontakt", `enhet=${r.vc.id}&manad=${month}`],
      ["omprovning", `enhet=${r.vc.id}&manad=2001-01`],
      ["omprovning", `enhet=${r.vc.id}&manad=13`],
    ]) {
      expect(statusOf(await thrown(listLoader(args(request(`/uppfoljning/${measure}?${query}`, cookie), { measure }))))).toBe(404);
    }
    expect(statusOf(await thrown(overviewLoader(args(request(`/uppfoljning?enhet=${other.id}`, cookie)))))).toBe(404);
    expect(await db.accessLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("lets an administrator follow up every unit where they are administrator, logged under that unit", async () => {
    const r = await region(db, now);
    const { createUser } = await import("../factories");
    const { createSession, sessionCookieHeader } = await import("~/auth/session.server");
    const admin = await createUser(db, [
      { careUnitId: r.vc.id, roleCode: "ADMINISTRATOR" },
      { careUnitId: r.homeCare.id, roleCode: "ADMINISTRATOR" },
    ]);
    const sessionId = await createSession(db, admin.id, new Date());
    await db.session.update({ where: { id: sessionId }, data: { activeUnitId: r.vc.id, activeRole: "ADMINISTRATOR" } });
    const cookie = (await sessionCookieHeader(sessionId)).split(";")[0];

    const overview = await overviewLoader(args(request("/uppfoljning", cookie)));
    expect(overview.units.map((u) => u.id).sort()).toEqual([r.vc.id, r.homeCare.id].sort());
    expect(statusOf(await thrown(overviewLoader(args(request(`/uppfoljning?enhet=${r.ward.id}`, cookie)))))).toBe(404);

    const month = complianceMonths(new Date()).at(-1)!.key;
    const page = await listLoader(args(request(`/uppfoljning/omsorgskontakt?enhet=${r.homeCare.id}&manad=${month}`, cookie), { measure: "omsorgskontakt" }));
    expect(page.rows.map((x) => x.patient.id)).toEqual([r.patient.id]);
    expect(await db.accessLog.findMany({ where: { userId: admin.id } })).toEqual([
      expect.objectContaining({ patientId: r.patient.id, action: "compliance.list", careUnitId: r.homeCare.id, roleCode: "ADMINISTRATOR" }),
    ]);
  });
});
