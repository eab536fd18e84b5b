// The open cases (ärenden) of the demo, one or more per process, at different steps. Each is
// a script of the steps users took, run through the executor (app/processes) like any user
// action: the snapshots are the machines' own, the rows and audit trail are the executor's,
// and the demo data must pass the same rules. Times and ids are given, so every run and
// every machine gives the same region.
import { isoDateInStockholm, stockholmTimeOfDay } from "~/domain/dates";
import type { RoleCode } from "~/domain/permissions";
import type { CaseOpening, EventSubmission } from "~/processes/dispatch.server";
import type { ContactScenario } from "./assignments";
import type { CareRelations } from "./care-relations";
import { addDays, addMonths, stockholmInstant } from "./dates";
import type { UnitKey } from "./organisations";
import type { ReferralScenario } from "./referrals";
import { staffId } from "./staff";
import type { DemoUsername } from "./users";

/** Who took a step: a demo user acting with one role at one unit. */
export type DemoActor = { username: DemoUsername; roleCode: RoleCode; unit: UnitKey };
export type DemoStep = { at: Date; as: DemoActor; event: EventSubmission };
/** A case: its deterministic id, what it is about, and its steps (the first one opens it). */
export type DemoCase = { id: string; opening: CaseOpening; steps: [DemoStep, ...DemoStep[]] };

const HOUR = 3_600_000;
const later = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);
/** An instant as a datetime-local form field sends it: Stockholm wall-clock time. */
const localDateTime = (at: Date) => `${isoDateInStockholm(at)}T${stockholmTimeOfDay(at)}`;

const verksamhetschef: DemoActor = { username: "verksamhetschef", roleCode: "VERKSAMHETSCHEF", unit: "vcNorrsjo" };
const sjukskoterska: DemoActor = { username: "sjukskoterska", roleCode: "VARDPERSONAL", unit: "vcNorrsjo" };
const avdelningsSjukskoterska: DemoActor = { username: "sjukskoterska", roleCode: "VARDPERSONAL", unit: "avd12" };
const lakare: DemoActor = { username: "lakare", roleCode: "LAKARE", unit: "vcNorrsjo" };
const delegat: DemoActor = { username: "delegat", roleCode: "VARDPERSONAL", unit: "vcNorrsjo" };
const enhetschef: DemoActor = { username: "enhetschef", roleCode: "ENHETSCHEF_HEMTJANST", unit: "hemtjanstCentrum" };

export function buildCases(input: {
  today: string;
  relations: CareRelations;
  contacts: ContactScenario;
  referrals: ReferralScenario;
  unitId: (unit: UnitKey) => string;
}): DemoCase[] {
  const { today, relations, contacts, referrals, unitId } = input;
  const day = (daysAgo: number, time: string) => stockholmInstant(addDays(today, -daysAgo), time);
  const step = (at: Date, as: DemoActor, event: EventSubmission): DemoStep => ({ at, as, event });
  const fvk = (patientId: string): Omit<CaseOpening, "process"> => ({ patientId, contactKind: "FAST_VARDKONTAKT" });
  const inHalfAYear = addMonths(today, 6);

  // Utskrivning: the ward admits, assesses, informs and sends (lag 2017:612: within 24 hours).
  const sentFromWard = (stay: ReferralScenario["received"], sentAfterHours: number): [DemoStep, ...DemoStep[]] => [
    step(later(stay.admittedAt, 0.5), avdelningsSjukskoterska, {
      type: "REGISTER_ADMISSION",
      admittedAt: localDateTime(stay.admittedAt),
      expectedDischargeDate: stay.expectedDischargeDate,
    }),
    step(later(stay.admittedAt, 2), avdelningsSjukskoterska, { type: "ASSESS", needed: "yes" }),
    step(later(stay.admittedAt, 3), avdelningsSjukskoterska, { type: "INFORM_PATIENT", informedOn: isoDateInStockholm(later(stay.admittedAt, 3)) }),
    step(later(stay.admittedAt, sentAfterHours), avdelningsSjukskoterska, {
      type: "SEND_REFERRAL",
      toUnitId: unitId("vcNorrsjo"),
      expectedDischargeDate: stay.expectedDischargeDate,
    }),
  ];

  const homeCare = (outcome: "offerPending" | "acceptedPending") => {
    const h = relations.homeCare.find((x) => x.outcome === outcome && x.unit === "hemtjanstCentrum");
    if (!h) throw new Error(`no hemtjänst recipient with ${outcome}`);
    return h;
  };
  const offer = homeCare("offerPending");
  const accepted = homeCare("acceptedPending");
  const assessment = contacts.assessment;

  return [
    // 1. Patienten begär fast vårdkontakt: received, an appointment is due (PL 6 kap. 2 §).
    {
      id: "demo-case-patient-request",
      opening: { process: "PATIENT_REQUEST", ...fvk(contacts.patientRequestPatientId) },
      steps: [
        step(day(3, "10:05"), sjukskoterska, {
          type: "RECEIVE_REQUEST",
          channel: "VIA_1177",
          receivedOn: addDays(today, -3),
          requestText: "Jag vill ha en fast vårdkontakt som håller ihop mina besök.",
        }),
      ],
    },
    // 2. Vården tilldelar: three patients after visits, at three steps.
    {
      id: "demo-case-assessment-pending",
      opening: { process: "ASSESSMENT", ...fvk(assessment.pendingPatientId) },
      steps: [step(day(1, "15:30"), lakare, { type: "REGISTER_VISIT", visitDate: addDays(today, -1) })],
    },
    {
      id: "demo-case-assessment-informed",
      opening: { process: "ASSESSMENT", ...fvk(assessment.informedPatientId) },
      steps: [
        step(day(4, "14:00"), lakare, { type: "REGISTER_VISIT", visitDate: addDays(today, -4) }),
        step(day(4, "14:10"), lakare, { type: "ASSESS", needed: "yes", reason: "Många vårdgivare; behöver hjälp att samordna." }),
        step(day(2, "09:40"), sjukskoterska, { type: "INFORM_PATIENT", informedOn: addDays(today, -2) }),
      ],
    },
    {
      id: "demo-case-assessment-appointed",
      opening: { process: "ASSESSMENT", ...fvk(assessment.appointedPatientId) },
      steps: [
        step(day(7, "13:00"), lakare, { type: "REGISTER_VISIT", visitDate: addDays(today, -7) }),
        step(day(7, "13:20"), lakare, { type: "ASSESS", needed: "yes" }),
        step(day(7, "13:30"), lakare, { type: "INFORM_PATIENT", informedOn: addDays(today, -7) }),
        step(day(2, "10:00"), sjukskoterska, { type: "PATIENT_ACCEPTED", acceptedOn: addDays(today, -2) }),
        // Appointed by the delegate on the verksamhetschef's behalf (HSF 4 kap. 2 §).
        step(day(1, "11:20"), delegat, {
          type: "APPOINT",
          staffMemberId: staffId("fatima-al-sayed"),
          medicallyResponsibleStaffId: staffId("maria-eriksson-nystrom"),
          reviewDueDate: inHalfAYear,
        }),
      ],
    },
    // 3. Utskrivning (lag 2017:612): received at the vårdcentral, one still on its way, one new admission.
    // The received one was sent 26 hours after admission: recorded as late on the message, shown
    // on the case page and in the ward's compliance measure (inskrivningsmeddelanden skickade för sent).
    {
      id: "demo-case-discharge-received",
      opening: { process: "DISCHARGE_REFERRAL", ...fvk(referrals.received.patientId) },
      steps: [
        ...sentFromWard(referrals.received, 26),
        step(later(referrals.received.admittedAt, 28), verksamhetschef, { type: "RECEIVE_REFERRAL" }),
      ],
    },
    {
      id: "demo-case-discharge-pending",
      opening: { process: "DISCHARGE_REFERRAL", ...fvk(referrals.pending.patientId) },
      steps: sentFromWard(referrals.pending, 4),
    },
    {
      id: "demo-case-discharge-new-admission",
      opening: { process: "DISCHARGE_REFERRAL", ...fvk(referrals.newAdmission.patientId) },
      steps: [
        step(later(referrals.newAdmission.admittedAt, 0.5), avdelningsSjukskoterska, {
          type: "REGISTER_ADMISSION",
          admittedAt: localDateTime(referrals.newAdmission.admittedAt),
          expectedDischargeDate: addDays(today, 4),
        }),
      ],
    },
    // 4. Livshotande tillstånd (SOSFS 2011:7): judged yesterday, a legitimerad läkare to be appointed.
    {
      id: "demo-case-life-threatening",
      opening: { process: "LIFE_THREATENING", ...fvk(contacts.lifeThreateningPatientId) },
      steps: [step(day(1, "11:45"), lakare, { type: "ASSESS_LIFE_THREATENING", informRelatives: true, note: "Nydiagnostiserad hjärtsvikt, NYHA IV." })],
    },
    // 5. Ändring: the replacement appointed two days ago; patient and relatives still to be told.
    {
      id: "demo-case-change",
      opening: { process: "CHANGE", patientId: contacts.change.patientId, subjectId: contacts.change.oldAssignmentId },
      steps: [
        step(day(2, "09:50"), verksamhetschef, {
          type: "REQUEST_CHANGE",
          reason: "Ahmed Hassan har fått ett nytt uppdrag som samordnare på vårdcentralen.",
          informRelatives: true,
        }),
        step(day(2, "10:30"), verksamhetschef, { type: "APPOINT", staffMemberId: staffId("sara-nilsson"), directPhoneVisibleToPatient: true }),
      ],
    },
    // 6. Avslut: reviewed and ended yesterday; the patient is still to be informed.
    {
      id: "demo-case-ending",
      opening: { process: "ENDING", patientId: contacts.ending.patientId, subjectId: contacts.ending.assignmentId },
      steps: [
        step(day(1, "13:00"), verksamhetschef, { type: "REVIEW", needRemains: "no", note: "Rehabiliteringen är avslutad." }),
        step(day(1, "13:15"), verksamhetschef, { type: "END", reason: "Rehabiliteringen är avslutad; behovet av fast vårdkontakt kvarstår inte." }),
      ],
    },
    // 7. Fast omsorgskontakt i hemtjänsten: one offer awaiting the answer, one accepted.
    {
      id: "demo-case-home-care-offer",
      opening: { process: "HOME_CARE_CONTACT", patientId: offer.patientId, subjectId: offer.id },
      steps: [step(stockholmInstant(addDays(offer.from, 2), "10:00"), enhetschef, { type: "OFFER_CONTACT", offeredOn: addDays(offer.from, 2) })],
    },
    {
      id: "demo-case-home-care-accepted",
      opening: { process: "HOME_CARE_CONTACT", patientId: accepted.patientId, subjectId: accepted.id },
      steps: [
        step(stockholmInstant(addDays(accepted.from, 1), "09:00"), enhetschef, { type: "OFFER_CONTACT", offeredOn: addDays(accepted.from, 1) }),
        step(stockholmInstant(addDays(accepted.from, 1), "09:15"), enhetschef, { type: "PATIENT_ACCEPTED", acceptedOn: addDays(accepted.from, 1) }),
      ],
    },
    // 1b. Patients' requests that closed without an appointment (PL 6 kap. 2 §): never for lack
    // of need, only for the audited reasons — withdrawn, moved away — or because the patient
    // already has a fast vårdkontakt at the unit (no second one; the patient is told who it is).
    {
      id: "demo-case-request-withdrawn",
      opening: { process: "PATIENT_REQUEST", ...fvk(contacts.requestClosing.withdrawnPatientId) },
      steps: [
        step(day(12, "09:15"), sjukskoterska, { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: addDays(today, -12) }),
        step(day(10, "14:05"), sjukskoterska, {
          type: "CLOSE_REQUEST",
          closingReason: "WITHDRAWN",
          comment: "Patienten ringde och tog tillbaka sin begäran; vill höra av sig igen vid behov.",
        }),
      ],
    },
    {
      id: "demo-case-request-moved-away",
      opening: { process: "PATIENT_REQUEST", ...fvk(contacts.requestClosing.movedAwayPatientId) },
      steps: [
        step(day(20, "11:00"), sjukskoterska, {
          type: "RECEIVE_REQUEST",
          channel: "VIA_1177",
          receivedOn: addDays(today, -20),
          requestText: "Jag behöver någon som håller ihop min vård.",
        }),
        step(day(15, "10:30"), verksamhetschef, {
          type: "CLOSE_REQUEST",
          closingReason: "MOVED_AWAY",
          comment: "Har flyttat till Luleå och listat sig på en vårdcentral där.",
        }),
      ],
    },
    {
      id: "demo-case-request-existing-contact",
      opening: { process: "PATIENT_REQUEST", ...fvk(contacts.requestClosing.existingContactPatientId) },
      steps: [
        step(day(6, "13:40"), sjukskoterska, { type: "RECEIVE_REQUEST", channel: "IN_PERSON", receivedOn: addDays(today, -6) }),
        step(day(5, "09:10"), verksamhetschef, { type: "CONFIRM_EXISTING_CONTACT" }),
        step(day(5, "09:30"), sjukskoterska, { type: "NOTIFY", patientChannel: "PHONE", patientNotifiedOn: addDays(today, -5) }),
      ],
    },
    // 4b. Livshotande tillstånd where the patient could not be told (seed §3.3): the daughter was.
    {
      id: "demo-case-life-threatening-relative-told",
      opening: { process: "LIFE_THREATENING", ...fvk(contacts.notInformedPatientId) },
      steps: [
        step(day(4, "08:20"), lakare, { type: "ASSESS_LIFE_THREATENING", informRelatives: true, note: "Stroke med medvetandesänkning." }),
        step(day(4, "09:00"), verksamhetschef, { type: "APPOINT", staffMemberId: staffId("anders-berglund"), reviewDueDate: inHalfAYear }),
        step(day(4, "10:15"), lakare, {
          type: "NOTIFY",
          patientNotInformed: "on",
          patientNotInformedReason: "Medvetslös efter stroke; kan inte ta emot information.",
          relativeWho: "Dottern, tillika god man",
          relativeChannel: "IN_PERSON",
          relativeNotifiedOn: addDays(today, -4),
          message: "Informerad om att Anders Berglund är fast vårdkontakt och hur hon når honom.",
        }),
      ],
    },
    // 8. Val av fast läkarkontakt: the listed patient has chosen a läkare via 1177.
    {
      id: "demo-case-doctor-choice",
      opening: { process: "DOCTOR_CHOICE", patientId: contacts.doctorChoicePatientId, contactKind: "FAST_LAKARKONTAKT" },
      steps: [
        step(day(6, "08:35"), sjukskoterska, {
          type: "RECEIVE_CHOICE",
          channel: "VIA_1177",
          requestedStaffMemberId: contacts.doctorChoiceStaffId,
        }),
      ],
    },
  ];
}
