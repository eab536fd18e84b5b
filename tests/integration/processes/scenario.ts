// A small region for the executor tests: a vårdcentral, a ward and a hemtjänst unit, staff
// who are eligible for each kind of contact, one patient known at all three, and the users
// who act there.
import type { Db } from "~/db.server";
import { createActor, createDelegatedActor, createPatient, createStaff, createUnit } from "../../factories";

export async function region(db: Db, now: Date) {
  const vc = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Test");
  const ward = await createUnit(db, "SLUTENVARD", "Avdelning Test");
  const homeCare = await createUnit(db, "HEMTJANST", "Hemtjänsten Test");
  const patient = await createPatient(db, { listedAt: vc.id });
  await db.careEpisode.create({ data: { patientId: patient.id, careUnitId: ward.id, kind: "INPATIENT", startedAt: now } });
  const homeCareService = await db.homeCareService.create({
    data: { patientId: patient.id, careUnitId: homeCare.id, from: "2026-01-01" },
  });
  const chief = await createActor(db, vc.id, "VERKSAMHETSCHEF", now);
  return {
    vc,
    ward,
    homeCare,
    patient,
    homeCareService,
    nurse: await createStaff(db, vc.id),
    secondNurse: await createStaff(db, vc.id),
    doctor: await createStaff(db, vc.id, "201011", { specialties: [{ specialty: "ALLMANMEDICIN", status: "SPECIALIST" }] }),
    otherDoctor: await createStaff(db, vc.id, "201011", { specialties: [{ specialty: "ALLMANMEDICIN", status: "IN_TRAINING" }] }),
    leftNurse: await createStaff(db, vc.id, "206011", { employmentEndDate: "2026-01-31" }),
    underskoterska: await createStaff(db, homeCare.id, "207010", { legitimations: "", underskoterskaBevis: true }),
    as: {
      chief,
      nurse: await createActor(db, vc.id, "VARDPERSONAL", now),
      doctor: await createActor(db, vc.id, "LAKARE", now),
      admin: await createActor(db, vc.id, "ADMINISTRATOR", now),
      /** An administrator holding the verksamhetschef's delegation to appoint fasta vårdkontakter (HSF 4 kap. 2 §). */
      delegatedAdmin: await createDelegatedActor(db, vc.id, "ADMINISTRATOR", chief.userId, "appoint:fast-vardkontakt", now),
      wardNurse: await createActor(db, ward.id, "VARDPERSONAL", now),
      wardChief: await createActor(db, ward.id, "VERKSAMHETSCHEF", now),
      homeCareChief: await createActor(db, homeCare.id, "ENHETSCHEF_HEMTJANST", now),
    },
  };
}

export type Region = Awaited<ReturnType<typeof region>>;

/** The fields of an APPOINT form: the person and the review date, nothing optional. */
export const appoint = (staffMemberId: string, extra: Record<string, unknown> = {}) => ({
  type: "APPOINT",
  staffMemberId,
  reviewDueDate: "2027-05-25",
  ...extra,
});

export const notify = (channel = "VIA_1177", extra: Record<string, unknown> = {}) => ({
  type: "NOTIFY",
  patientChannel: channel,
  patientNotifiedOn: "2026-11-25",
  ...extra,
});
