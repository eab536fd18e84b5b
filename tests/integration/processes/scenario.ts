// A small region for the executor tests: a vårdcentral, a ward and a hemtjänst unit, staff
// who are eligible for each kind of contact, one patient known at all three, and the users
// who act there.
import type { Db } from "~/db.server";
import { createActor, createPatient, createUnit } from "../../factories";

let n = 0;

async function staff(
  db: Db,
  careUnitId: string,
  data: {
    befattningCode?: string;
    legitimations?: string;
    specialties?: { specialty: string; status: "SPECIALIST" | "IN_TRAINING" }[];
    underskoterskaBevis?: boolean;
    employmentEndDate?: string | null;
  } = {},
) {
  n++;
  return db.staffMember.create({
    data: {
      hsaId: `SE2321000016-S${n}${Math.random().toString(36).slice(2, 8)}`,
      firstName: "Person",
      lastName: `Nummer${n}`,
      befattningCode: data.befattningCode ?? "206011",
      legitimations: data.legitimations ?? "SJ",
      underskoterskaBevis: data.underskoterskaBevis ?? false,
      employmentEndDate: data.employmentEndDate ?? null,
      employments: { create: { careUnitId, from: "2020-01-01" } },
      specialties: data.specialties ? { create: data.specialties } : undefined,
    },
  });
}

export async function region(db: Db, now: Date) {
  const vc = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Test");
  const ward = await createUnit(db, "SLUTENVARD", "Avdelning Test");
  const homeCare = await createUnit(db, "HEMTJANST", "Hemtjänsten Test");
  const patient = await createPatient(db, { listedAt: vc.id });
  await db.careEpisode.create({ data: { patientId: patient.id, careUnitId: ward.id, kind: "INPATIENT", startedAt: now } });
  const homeCareService = await db.homeCareService.create({
    data: { patientId: patient.id, careUnitId: homeCare.id, from: "2026-01-01" },
  });
  return {
    vc,
    ward,
    homeCare,
    patient,
    homeCareService,
    nurse: await staff(db, vc.id),
    secondNurse: await staff(db, vc.id),
    doctor: await staff(db, vc.id, {
      befattningCode: "201011",
      legitimations: "LK",
      specialties: [{ specialty: "ALLMANMEDICIN", status: "SPECIALIST" }],
    }),
    otherDoctor: await staff(db, vc.id, {
      befattningCode: "201011",
      legitimations: "LK",
      specialties: [{ specialty: "ALLMANMEDICIN", status: "IN_TRAINING" }],
    }),
    leftNurse: await staff(db, vc.id, { employmentEndDate: "2026-01-31" }),
    underskoterska: await staff(db, homeCare.id, { befattningCode: "207010", legitimations: "", underskoterskaBevis: true }),
    as: {
      chief: await createActor(db, vc.id, "VERKSAMHETSCHEF", now),
      nurse: await createActor(db, vc.id, "VARDPERSONAL", now),
      doctor: await createActor(db, vc.id, "LAKARE", now),
      admin: await createActor(db, vc.id, "ADMINISTRATOR", now),
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
