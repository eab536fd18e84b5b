// Story (i), with JavaScript turned off: a patient's request is withdrawn and closed with that
// audited reason — never for lack of need (PL 6 kap. 2 §); and a patient who cannot take in the
// news is not told, the relative is, with why, who, how and when (seed §3.3, SPEC §3.4). Every
// error is the server's, in Swedish, next to its field, and nothing is written until it is right.
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { useBrowser } from "../browser";
import { assignmentsOfCase, caseRow, notificationsOfCase, query, staffName } from "../database";
import {
  clickStart,
  expectCaseAt,
  expectCaseClosed,
  inDays,
  listedPatientWithoutCareContact,
  openPatient,
  signInAs,
  stepForm,
  submitStart,
  submitStep,
  today,
} from "./story";

const revisionOf = (caseId: string) => query<{ revision: number }>(`SELECT revision FROM ProcessCase WHERE id = ?`, caseId)[0].revision;
const lastStep = (caseId: string) =>
  JSON.parse(
    query<{ after: string }>(`SELECT after FROM AuditEvent WHERE entityType = 'ProcessCase' AND entityId = ? ORDER BY id DESC LIMIT 1`, caseId)[0].after,
  );

describe("story (i) without JavaScript: closing a request, and relatives told instead of the patient", () => {
  const session = useBrowser({ javaScriptEnabled: false });

  it("closes a withdrawn request with its reason; the reason must be chosen", { timeout: 90_000 }, async () => {
    const { page } = session;
    const patient = listedPatientWithoutCareContact("vcNorrsjo");
    await signInAs(page, "sjukskoterska", "vcNorrsjo");
    await openPatient(page, patient);
    await clickStart(page, "PATIENT_REQUEST");
    await stepForm(page, "RECEIVE_REQUEST").getByRole("radio", { name: t("cases.channel.PHONE"), exact: true }).check();
    const caseId = await submitStart(page, "RECEIVE_REQUEST");
    await expectCaseAt(page, "awaitingAppointment");
    // The nurse does not appoint, but may close the request for one of its reasons.
    expect(await stepForm(page, "APPOINT").count()).toBe(0);
    const close = stepForm(page, "CLOSE_REQUEST");
    const reasons = close.getByRole("group", { name: t("cases.field.closingReason") });
    expect((await reasons.getByRole("radio").all()).length).toBe(3);

    const before = revisionOf(caseId);
    await close.getByRole("button", { name: t("cases.submit", { event: t("event.CLOSE_REQUEST") }) }).click();
    await stepForm(page, "CLOSE_REQUEST").getByRole("group", { name: t("cases.field.closingReason") }).getByText(t("event.closingReasonRequired")).waitFor();
    expect(revisionOf(caseId)).toBe(before);

    const again = stepForm(page, "CLOSE_REQUEST");
    await again.getByRole("radio", { name: t("cases.closingReason.WITHDRAWN"), exact: true }).check();
    await again.getByLabel(new RegExp(`^${t("cases.field.comment")}`)).fill("Ringde och tog tillbaka begäran.");
    await submitStep(page, "CLOSE_REQUEST");
    await expectCaseClosed(page, "WITHDRAWN");
    expect(caseRow(caseId)).toMatchObject({ processCode: "PATIENT_REQUEST", status: "CLOSED", outcome: "WITHDRAWN" });
    expect(lastStep(caseId)).toMatchObject({ event: "CLOSE_REQUEST", input: { closingReason: "WITHDRAWN", comment: "Ringde och tog tillbaka begäran." } });
    expect(assignmentsOfCase(caseId)).toEqual([]);
  });

  it("records that the patient could not be informed and who was told instead", { timeout: 120_000 }, async () => {
    const { page } = session;
    const patient = listedPatientWithoutCareContact("vcNorrsjo");
    await signInAs(page, "verksamhetschef");
    await openPatient(page, patient);
    await clickStart(page, "PATIENT_REQUEST");
    await stepForm(page, "RECEIVE_REQUEST").getByRole("radio", { name: t("cases.channel.IN_PERSON"), exact: true }).check();
    const caseId = await submitStart(page, "RECEIVE_REQUEST");
    const appoint = stepForm(page, "APPOINT");
    await appoint.getByRole("radio", { name: staffName("demo-staff-sara-nilsson"), exact: true }).check();
    await appoint.getByLabel(t("cases.field.reviewDueDate")).fill(inDays(365));
    await submitStep(page, "APPOINT");
    await expectCaseAt(page, "awaitingNotification");

    // Ticked, but without why or who: the server names each missing field, writes nothing.
    const before = revisionOf(caseId);
    await stepForm(page, "NOTIFY").getByRole("checkbox", { name: t("cases.field.patientNotInformed") }).check();
    await stepForm(page, "NOTIFY").getByRole("button", { name: t("cases.submit", { event: t("event.NOTIFY") }) }).click();
    const notify = stepForm(page, "NOTIFY");
    await notify.getByText(t("event.patientNotInformedReasonRequired")).waitFor();
    await notify.getByText(t("event.representativeWhoRequired")).waitFor();
    await notify.getByText(t("event.representativeChannelRequired")).waitFor();
    expect(await notify.getByLabel(t("cases.field.relativeWho")).getAttribute("aria-invalid")).toBe("true");
    expect(revisionOf(caseId)).toBe(before);

    await notify.getByRole("checkbox", { name: t("cases.field.patientNotInformed") }).check();
    await notify.getByLabel(t("cases.field.patientNotInformedReason")).fill("Medvetslös efter stroke.");
    await notify.getByLabel(t("cases.field.relativeWho")).fill("Eva Lind, dotter");
    await notify.getByLabel(new RegExp(`^${t("cases.field.relativeChannel")}`)).selectOption("PHONE");
    await notify.getByLabel(new RegExp(`^${t("cases.field.relativeNotifiedOn")}`)).fill(today());
    await submitStep(page, "NOTIFY");
    await expectCaseClosed(page, "APPOINTED");
    expect(await page.getByTestId("case-timeline").textContent()).toContain(
      t("cases.effect.notificationNotPossible", { reason: "Medvetslös efter stroke." }),
    );
    const rows = notificationsOfCase(caseId) as { recipient: string; status: string; channel: string | null }[];
    expect([...rows].sort((a, b) => a.recipient.localeCompare(b.recipient))).toEqual([
      expect.objectContaining({ recipient: "PATIENT", status: "NOT_POSSIBLE", channel: null }),
      expect.objectContaining({ recipient: "RELATIVE", status: "DONE", channel: "PHONE" }),
    ]);
    expect(query(`SELECT toldWhom, notPossibleReason FROM Notification WHERE caseId = ? ORDER BY recipient`, caseId)).toEqual([
      { toldWhom: null, notPossibleReason: "Medvetslös efter stroke." },
      { toldWhom: "Eva Lind, dotter", notPossibleReason: null },
    ]);
  });
});
