// Lag (2017:612): an inskrivningsmeddelande sent more than 24 hours after the admission (or a
// later assessment) is recorded as late on the message, through the real executor. Its own
// file: the audit trail refuses back-dated rows, so every step here runs in time order.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { t } from "~/i18n";
import { getCasePage } from "~/models/cases.server";
import { dispatch, startCase, type StepResult } from "~/processes/dispatch.server";
import { region, type Region } from "./scenario";

const admittedAt = "2026-11-25T08:00"; // Stockholm (CET) = 07:00 UTC
const opened = new Date("2026-11-25T09:00:00Z");

function ok(result: StepResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message} ${JSON.stringify(result)}`);
  return result;
}

/** A discharge case at the ward, assessed and the patient informed: awaiting the message. */
async function awaitingReferral(r: Region) {
  const opts = { db, now: opened };
  const opening = { process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" as const };
  const { caseId } = ok(await startCase(opening, { type: "REGISTER_ADMISSION", admittedAt, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse, opts));
  ok(await dispatch(caseId, { type: "ASSESS", needed: "yes" }, r.as.wardNurse, opts));
  ok(await dispatch(caseId, { type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.wardNurse, opts));
  return caseId;
}

const send = (r: Region, caseId: string, at: string) =>
  dispatch(caseId, { type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse, { db, now: new Date(at) });

describe("inskrivningsmeddelande sent late (lag 2017:612, 24 hours)", () => {
  // First in time order: October, before the November cases below.
  it("across the autumn DST change the 24 hours are elapsed hours, not the same time on the clock", async () => {
    const at = new Date("2026-10-24T08:30:00Z");
    const onClock = await region(db, at);
    const elapsed = await region(db, at);
    const opts = { db, now: at };
    const open = async (r: Region) => {
      const opening = { process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" as const };
      // Saturday 10:00 CEST (08:00 UTC); on Sunday the clocks go back from 03:00 to 02:00.
      const { caseId } = ok(await startCase(opening, { type: "REGISTER_ADMISSION", admittedAt: "2026-10-24T10:00", expectedDischargeDate: "2026-10-30" }, r.as.wardNurse, opts));
      ok(await dispatch(caseId, { type: "ASSESS", needed: "yes" }, r.as.wardNurse, opts));
      ok(await dispatch(caseId, { type: "INFORM_PATIENT", informedOn: "2026-10-24" }, r.as.wardNurse, opts));
      return caseId;
    };
    const elapsedCase = await open(elapsed);
    const onClockCase = await open(onClock);
    // Sunday 09:00 CET is 24 hours later: in time. Sunday 10:00 CET, "the same time", is 25 hours: late.
    ok(await send(elapsed, elapsedCase, "2026-10-25T08:00:00.000Z"));
    ok(await send(onClock, onClockCase, "2026-10-25T09:00:00.000Z"));
    const dueAt = new Date("2026-10-25T08:00:00Z");
    expect(await db.dischargeReferral.findFirstOrThrow({ where: { caseId: elapsedCase } })).toMatchObject({ dueAt, sentLate: false });
    expect(await db.dischargeReferral.findFirstOrThrow({ where: { caseId: onClockCase } })).toMatchObject({ dueAt, sentLate: true });
  });

  it("exactly 24 h 0 min after admission is in time; 24 h + 1 min is late, recorded, and still sent", async () => {
    const inTime = await region(db, opened);
    const late = await region(db, opened);
    const inTimeCase = await awaitingReferral(inTime);
    const lateCase = await awaitingReferral(late);

    expect(ok(await send(inTime, inTimeCase, "2026-11-26T07:00:00.000Z"))).toMatchObject({ state: "awaitingReceipt" });
    expect(ok(await send(late, lateCase, "2026-11-26T07:01:00.000Z"))).toMatchObject({ state: "awaitingReceipt" });

    const dueAt = new Date("2026-11-26T07:00:00Z");
    expect(await db.dischargeReferral.findFirstOrThrow({ where: { caseId: inTimeCase } })).toMatchObject({ dueAt, sentLate: false });
    expect(await db.dischargeReferral.findFirstOrThrow({ where: { caseId: lateCase } })).toMatchObject({ dueAt, sentLate: true });
    // The deadline column is cleared once sent; the fact stays on the message, and in its audit row.
    for (const caseId of [inTimeCase, lateCase]) {
      expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ referralDueAt: null });
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { patientId: late.patient.id, action: "referral.send" } });
    expect(JSON.parse(audit.after ?? "{}")).toMatchObject({ sentLate: true });

    // The case page shows it, on Stockholm clocks, to the ward that sent it.
    const page = (r: Region, caseId: string) => getCasePage(db, { ...r.as.wardNurse, unit: { id: r.ward.id } }, caseId, new Date("2026-11-26T08:00:00Z"));
    expect((await page(inTime, inTimeCase))?.referral).toEqual({ sentAt: "2026-11-26 08:00", dueAt: "2026-11-26 08:00", late: false });
    const latePage = await page(late, lateCase);
    expect(latePage?.referral).toEqual({ sentAt: "2026-11-26 08:01", dueAt: "2026-11-26 08:00", late: true });
    expect(t("cases.referral.late", { sentAt: "2026-11-26 08:01", dueAt: "2026-11-26 08:00" })).toBe(
      "Skickat 2026-11-26 08:01, för sent (senast 2026-11-26 08:00, 24 timmar)",
    );
  });
});
