// The open cases (ärenden) of the demo, one or more per process, at different steps.
//
// The state machines do not exist yet: a later issue writes them with XState 5 and should
// replace this list so that every snapshot is one its machine produced. Until then each
// snapshot has the shape of an XState 5 persisted snapshot,
//   {"status":"active","value":"<state>","context":{…},"historyValue":{},"children":{}},
// with state names the machines are expected to use. Cases sit at the unit that must act next
// (a received inskrivningsmeddelande at the receiving vårdcentral) and are opened by demo users
// who hold a role there.
import type { Prisma } from "~/generated/prisma/client";
import type { Actor, ContactScenario } from "./assignments";
import type { CareRelations } from "./care-relations";
import { addDays, stockholmInstant } from "./dates";
import { UNITS, type UnitKey } from "./organisations";
import type { ReferralScenario } from "./referrals";
import type { DemoUsername } from "./users";

export type ProcessCode =
  | "PATIENT_REQUEST"
  | "ASSESSMENT"
  | "DISCHARGE_REFERRAL"
  | "LIFE_THREATENING"
  | "CHANGE"
  | "ENDING"
  | "HOME_CARE_CONTACT"
  | "DOCTOR_CHOICE";

type CaseRow = Prisma.ProcessCaseCreateManyInput & { id: string; openedAt: Date };

/** A case, the user who opened it and the unit where that user acted. */
export type DemoCase = { row: CaseRow; actor: Actor & { careUnitId: string } };

export type CaseLinks = {
  cases: DemoCase[];
  /** Rows of other tables that belong to a case: id → case id. */
  assignmentCase: Record<string, string>;
  notificationCase: Record<string, string>;
  referralCase: Record<string, string>;
};

export const MACHINE_VERSION = 1;

export function buildCases(input: {
  today: string;
  userIds: Record<DemoUsername, string>;
  relations: CareRelations;
  contacts: ContactScenario;
  referrals: ReferralScenario;
}): CaseLinks {
  const { today, userIds, relations, contacts, referrals } = input;
  const as = (username: DemoUsername, roleCode: string, unit: UnitKey) => ({
    userId: userIds[username],
    roleCode,
    delegationId: null,
    careUnitId: UNITS[unit],
  });
  const cases: DemoCase[] = [];
  const open = (c: {
    id: string;
    processCode: ProcessCode;
    state: string;
    unit: UnitKey;
    patientId: string;
    contactKind: CaseRow["contactKind"];
    openedAt: Date;
    actor: DemoCase["actor"];
    deadline?: { at: Date; kind: string };
    context?: Record<string, unknown>;
  }) => {
    const context = {
      patientId: c.patientId,
      careUnitId: UNITS[c.unit],
      contactKind: c.contactKind,
      openedAt: c.openedAt.toISOString(),
      openedByUserId: c.actor.userId,
      ...c.context,
    };
    cases.push({
      row: {
        id: c.id,
        processCode: c.processCode,
        machineVersion: MACHINE_VERSION,
        snapshot: JSON.stringify({ status: "active", value: c.state, context, historyValue: {}, children: {} }),
        state: c.state,
        status: "OPEN",
        contactKind: c.contactKind,
        patientId: c.patientId,
        careUnitId: UNITS[c.unit],
        deadlineAt: c.deadline?.at ?? null,
        deadlineKind: c.deadline?.kind ?? null,
        openedAt: c.openedAt,
        openedByUserId: c.actor.userId,
        revision: 0,
      },
      actor: c.actor,
    });
    return c.id;
  };

  // 1. Patienten begär fast vårdkontakt: request received, appointment pending (PL 6 kap. 2 §).
  open({
    id: "demo-case-patient-request",
    processCode: "PATIENT_REQUEST",
    state: "awaitingAppointment",
    unit: "vcNorrsjo",
    patientId: contacts.patientRequestPatientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: stockholmInstant(addDays(today, -3), "10:05"),
    actor: as("sjukskoterska", "VARDPERSONAL", "vcNorrsjo"),
    context: { requestChannel: "1177", requestText: "Jag vill ha en fast vårdkontakt som håller ihop mina besök." },
  });

  // 2. Vården tilldelar: three patients after visits, at three steps.
  open({
    id: "demo-case-assessment-pending",
    processCode: "ASSESSMENT",
    state: "awaitingAssessment",
    unit: "vcNorrsjo",
    patientId: contacts.assessment.pendingPatientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: stockholmInstant(addDays(today, -1), "15:30"),
    actor: as("lakare", "LAKARE", "vcNorrsjo"),
  });
  open({
    id: "demo-case-assessment-informed",
    processCode: "ASSESSMENT",
    state: "awaitingPatientDecision",
    unit: "vcNorrsjo",
    patientId: contacts.assessment.informedPatientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: stockholmInstant(addDays(today, -4), "14:10"),
    actor: as("sjukskoterska", "VARDPERSONAL", "vcNorrsjo"),
    context: { needAssessed: true, assessedAt: stockholmInstant(addDays(today, -4), "14:10").toISOString(), patientInformedAt: stockholmInstant(addDays(today, -2), "09:40").toISOString() },
  });
  const assessmentAppointed = open({
    id: "demo-case-assessment-appointed",
    processCode: "ASSESSMENT",
    state: "awaitingNotification",
    unit: "vcNorrsjo",
    patientId: contacts.assessment.appointedPatientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: stockholmInstant(addDays(today, -7), "13:00"),
    actor: as("lakare", "LAKARE", "vcNorrsjo"),
    context: { needAssessed: true, patientAccepted: true, assignmentId: contacts.assessment.appointedAssignmentId },
  });

  // 3. Utskrivning (lag 2017:612): the receiving vårdcentral must appoint before discharge.
  const dischargeReceived = open({
    id: "demo-case-discharge-received",
    processCode: "DISCHARGE_REFERRAL",
    state: "awaitingAppointment",
    unit: "vcNorrsjo",
    patientId: referrals.received.patientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: new Date(referrals.received.admittedAt.getTime() + 2 * 3_600_000),
    actor: as("sjukskoterska", "VARDPERSONAL", "avd12"),
    deadline: { at: stockholmInstant(referrals.received.expectedDischargeDate), kind: "APPOINT_BEFORE_DISCHARGE" },
    context: {
      fromUnitId: UNITS.avd12,
      referralId: referrals.received.referralId,
      expectedDischargeDate: referrals.received.expectedDischargeDate,
      receivedAt: referrals.received.receivedAt.toISOString(),
    },
  });
  const dischargePending = open({
    id: "demo-case-discharge-pending",
    processCode: "DISCHARGE_REFERRAL",
    state: "awaitingReceipt",
    unit: "vcNorrsjo",
    patientId: referrals.pending.patientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: new Date(referrals.pending.admittedAt.getTime() + 3_600_000),
    actor: as("sjukskoterska", "VARDPERSONAL", "avd12"),
    deadline: { at: stockholmInstant(referrals.pending.expectedDischargeDate), kind: "APPOINT_BEFORE_DISCHARGE" },
    context: {
      fromUnitId: UNITS.avd12,
      referralId: referrals.pending.referralId,
      expectedDischargeDate: referrals.pending.expectedDischargeDate,
      sentAt: referrals.pending.sentAt.toISOString(),
    },
  });
  open({
    id: "demo-case-discharge-new-admission",
    processCode: "DISCHARGE_REFERRAL",
    state: "awaitingAssessment",
    unit: "avd12",
    patientId: referrals.newAdmission.patientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: new Date(referrals.newAdmission.admittedAt.getTime() + 30 * 60_000),
    actor: as("sjukskoterska", "VARDPERSONAL", "avd12"),
    // Inskrivningsmeddelande within 24 hours of the admission.
    deadline: { at: new Date(referrals.newAdmission.admittedAt.getTime() + 24 * 3_600_000), kind: "SEND_REFERRAL_WITHIN_24_HOURS" },
    context: { admittedAt: referrals.newAdmission.admittedAt.toISOString() },
  });

  // 4. Livshotande tillstånd (SOSFS 2011:7): judged yesterday, a legitimerad läkare to be appointed.
  open({
    id: "demo-case-life-threatening",
    processCode: "LIFE_THREATENING",
    state: "awaitingAppointment",
    unit: "vcNorrsjo",
    patientId: contacts.lifeThreateningPatientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: stockholmInstant(addDays(today, -1), "11:45"),
    actor: as("lakare", "LAKARE", "vcNorrsjo"),
    context: { lifeThreatening: true, assessedAt: stockholmInstant(addDays(today, -1), "11:45").toISOString(), informRelatives: true },
  });

  // 5. Ändring: replacement appointed two days ago; patient and relatives still to be told.
  const change = open({
    id: "demo-case-change",
    processCode: "CHANGE",
    state: "awaitingNotification",
    unit: "vcNorrsjo",
    patientId: contacts.change.patientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: stockholmInstant(addDays(today, -2), "09:50"),
    actor: as("verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"),
    context: { replacedAssignmentId: contacts.change.oldAssignmentId, assignmentId: contacts.change.newAssignmentId, informRelatives: true },
  });

  // 6. Avslut: ended yesterday, patient to be informed.
  const ending = open({
    id: "demo-case-ending",
    processCode: "ENDING",
    state: "awaitingNotification",
    unit: "vcNorrsjo",
    patientId: contacts.ending.patientId,
    contactKind: "FAST_VARDKONTAKT",
    openedAt: stockholmInstant(addDays(today, -1), "13:00"),
    actor: as("verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"),
    context: { assignmentId: contacts.ending.assignmentId, reviewOutcome: "noRemainingNeed" },
  });

  // 7. Fast omsorgskontakt i hemtjänsten: one offer awaiting the answer, one accepted.
  const homeCare = (outcome: "offerPending" | "acceptedPending") => {
    const h = relations.homeCare.find((x) => x.outcome === outcome && x.unit === "hemtjanstCentrum");
    if (!h) throw new Error(`no hemtjänst recipient with ${outcome}`);
    return h;
  };
  const offer = homeCare("offerPending");
  open({
    id: "demo-case-home-care-offer",
    processCode: "HOME_CARE_CONTACT",
    state: "awaitingPatientDecision",
    unit: "hemtjanstCentrum",
    patientId: offer.patientId,
    contactKind: "FAST_OMSORGSKONTAKT",
    openedAt: stockholmInstant(addDays(offer.from, 2), "10:00"),
    actor: as("enhetschef", "ENHETSCHEF_HEMTJANST", "hemtjanstCentrum"),
    context: { homeCareServiceId: offer.id, offeredAt: stockholmInstant(addDays(offer.from, 2), "10:00").toISOString() },
  });
  const accepted = homeCare("acceptedPending");
  open({
    id: "demo-case-home-care-accepted",
    processCode: "HOME_CARE_CONTACT",
    state: "awaitingAppointment",
    unit: "hemtjanstCentrum",
    patientId: accepted.patientId,
    contactKind: "FAST_OMSORGSKONTAKT",
    openedAt: stockholmInstant(addDays(accepted.from, 1), "09:15"),
    actor: as("enhetschef", "ENHETSCHEF_HEMTJANST", "hemtjanstCentrum"),
    context: { homeCareServiceId: accepted.id, patientAccepted: true },
  });

  // 8. Val av fast läkarkontakt: the listed patient has chosen a läkare.
  open({
    id: "demo-case-doctor-choice",
    processCode: "DOCTOR_CHOICE",
    state: "awaitingAppointment",
    unit: "vcNorrsjo",
    patientId: contacts.doctorChoicePatientId,
    contactKind: "FAST_LAKARKONTAKT",
    openedAt: stockholmInstant(addDays(today, -6), "08:35"),
    actor: as("sjukskoterska", "VARDPERSONAL", "vcNorrsjo"),
    context: { requestedStaffMemberId: contacts.doctorChoiceStaffId, requestChannel: "1177" },
  });

  const notificationCase: Record<string, string> = {};
  for (const id of contacts.change.notificationIds) notificationCase[id] = change;
  for (const id of contacts.ending.notificationIds) notificationCase[id] = ending;
  for (const id of contacts.assessment.appointedNotificationIds) notificationCase[id] = assessmentAppointed;
  return {
    cases,
    assignmentCase: {
      [contacts.change.newAssignmentId]: change,
      [contacts.ending.assignmentId]: ending,
      [contacts.assessment.appointedAssignmentId]: assessmentAppointed,
    },
    notificationCase,
    referralCase: { [referrals.received.referralId]: dischargeReceived, [referrals.pending.referralId]: dischargePending },
  };
}
