// Inskrivningsmeddelanden (lag 2017:612) from Medicinavdelning 12 to Vårdcentralen Norrsjö:
// one received, one not yet received. Each carries a copy of the patient's name, identity
// number and address as they were when it was sent, and the expected discharge date.
import type { Prisma } from "~/generated/prisma/client";
import type { CareRelations, EpisodePlan } from "./care-relations";
import { UNITS } from "./organisations";
import { formatAddress, fullName, type DemoPatient } from "./patients";
import type { DemoUsername } from "./users";

type ReferralRow = Prisma.DischargeReferralCreateManyInput & { id: string; sentAt: Date };

export type ReferralScenario = {
  received: { referralId: string; patientId: string; admittedAt: Date; expectedDischargeDate: string; receivedAt: Date };
  pending: { referralId: string; patientId: string; admittedAt: Date; expectedDischargeDate: string; sentAt: Date };
  newAdmission: { patientId: string; admittedAt: Date };
};

const HOUR = 3_600_000;

export function buildDischargeReferrals(input: {
  patients: DemoPatient[];
  relations: CareRelations;
  userIds: Record<DemoUsername, string>;
}): { referrals: ReferralRow[]; scenario: ReferralScenario } {
  const { patients, relations, userIds } = input;
  const stay = (role: EpisodePlan["role"]) => {
    const e = relations.episodes.find((x) => x.role === role && x.unit === "avd12" && x.kind === "INPATIENT");
    if (!e || !e.plannedDischargeDate) throw new Error(`no stay at Medicinavdelning 12 for ${role}`);
    return { stay: e, patient: patients.find((p) => p.id === e.patientId)! , plannedDischargeDate: e.plannedDischargeDate };
  };
  const referral = (id: string, s: ReturnType<typeof stay>, sentAfterHours: number, receivedAfterHours: number | null): ReferralRow => {
    // Lag (2017:612): sent within 24 hours of the admission (or of the later assessment).
    const sentAt = new Date(s.stay.startedAt.getTime() + sentAfterHours * HOUR);
    return {
      id,
      patientId: s.patient.id,
      fromUnitId: UNITS.avd12,
      toUnitId: UNITS.vcNorrsjo,
      patientName: fullName(s.patient),
      patientIdentifier: s.patient.identifier,
      patientAddress: formatAddress(s.patient),
      admittedAt: s.stay.startedAt,
      expectedDischargeDate: s.plannedDischargeDate,
      sentAt,
      sentByUserId: userIds.sjukskoterska,
      receivedAt: receivedAfterHours === null ? null : new Date(sentAt.getTime() + receivedAfterHours * HOUR),
      receivedByUserId: receivedAfterHours === null ? null : userIds.verksamhetschef,
      readyForDischargeAt: null,
    };
  };
  const received = stay("referralReceived");
  const pending = stay("referralPending");
  const admitted = relations.episodes.find((e) => e.role === "newAdmission" && e.unit === "avd12")!;
  const rows = [referral("demo-referral-001", received, 5, 17), referral("demo-referral-002", pending, 4, null)];
  return {
    referrals: rows,
    scenario: {
      received: { referralId: rows[0].id, patientId: received.patient.id, admittedAt: received.stay.startedAt, expectedDischargeDate: received.plannedDischargeDate, receivedAt: rows[0].receivedAt as Date },
      pending: { referralId: rows[1].id, patientId: pending.patient.id, admittedAt: pending.stay.startedAt, expectedDischargeDate: pending.plannedDischargeDate, sentAt: rows[1].sentAt },
      newAdmission: { patientId: admitted.patientId, admittedAt: admitted.startedAt },
    },
  };
}
