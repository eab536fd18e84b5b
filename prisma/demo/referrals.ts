// The discharge cases (lag 2017:612) at Medicinavdelning 12: whose stay, when they were
// admitted and when each step happened. The inskrivningsmeddelanden themselves are written
// by the executor when cases.ts sends them (a copy of name, identity number and address).
import type { CareRelations, EpisodePlan } from "./care-relations";

type Stay = { patientId: string; admittedAt: Date; expectedDischargeDate: string };

export type ReferralScenario = {
  /** Sent 26 hours after admission (late: lag 2017:612 allows 24) and received by the vårdcentral 2 hours later. */
  received: Stay;
  /** Sent 4 hours after admission, not yet received. */
  pending: Stay;
  /** Admitted today; the ward has not yet assessed the need. */
  newAdmission: { patientId: string; admittedAt: Date };
};

export function buildReferralScenario(relations: CareRelations): ReferralScenario {
  const stay = (role: EpisodePlan["role"]): Stay => {
    const e = relations.episodes.find((x) => x.role === role && x.unit === "avd12" && x.kind === "INPATIENT");
    if (!e || !e.plannedDischargeDate) throw new Error(`no stay at Medicinavdelning 12 for ${role}`);
    return { patientId: e.patientId, admittedAt: e.startedAt, expectedDischargeDate: e.plannedDischargeDate };
  };
  const admitted = relations.episodes.find((e) => e.role === "newAdmission" && e.unit === "avd12")!;
  return {
    received: stay("referralReceived"),
    pending: stay("referralPending"),
    newAdmission: { patientId: admitted.patientId, admittedAt: admitted.startedAt },
  };
}
