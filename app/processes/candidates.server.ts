// The choices behind the pickers of a case's forms, so that a user is never surprised by a
// rejection: who can be appointed (eligible first) and, for everyone else, why not; which
// units may receive an inskrivningsmeddelande. Every verdict comes from the rules module
// through the same judgement the executor makes (./appointment.ts, dispatch.server.ts), with
// the same facts, loaded the same way.
//
// The pure part (`rankCandidates`) takes a setting and a pool of people, so the turnover batch
// can rank replacements for an existing assignment with a setting of its own and a pool loaded
// once per unit.
import type { Db, Tx } from "~/db.server";
import { addDays, isoDateInStockholm } from "~/domain/dates";
import { fullName, qualificationsOf } from "~/models/contact-view";
import { employedOn, referralReceiverRules, type StaffFacts } from "../../machines/rules";
import { judgeCandidate, type AppointmentSetting } from "./appointment";
import { eventPermission, restoreOpenCase, settingRequest, type StepActor } from "./dispatch.server";
import { loadAppointmentSetting, loadStaffAtUnit } from "./facts.server";
import { reasonText } from "./reasons";

type Reader = Db | Tx;

export type Candidate = {
  staffMemberId: string;
  name: string;
  /** The befattning's name (KV_befattning). */
  befattning: string;
  hsaId: string;
  /** Legitimation, specialties, the undersköterska title, as staff read them. */
  qualifications: string[];
  /** Active assignments the person holds now, in any unit. */
  load: number;
  eligible: boolean;
  /** Why the person cannot be appointed (empty when eligible), as sentences. */
  reasons: string[];
  /** Fast läkarkontakt with another specialty: eligible once a written justification is given (seed §2.3). */
  needsJustification?: boolean;
  /** DOCTOR_CHOICE: the läkare the patient asked for. */
  requestedByPatient?: boolean;
};

/** A person who could be chosen: the facts the rules read and what the picker shows. */
export type PoolMember = Omit<Candidate, "eligible" | "reasons" | "needsJustification" | "requestedByPatient"> & {
  facts: StaffFacts;
};

/**
 * Staff whose employment ended at most this many days ago stay in the pool, with the reason
 * they can no longer be chosen: a user who looks for a colleague who just left learns why the
 * name cannot be picked. The same 30 days the worklist looks ahead for staff about to leave;
 * anyone gone longer is only noise in the list.
 */
export const RECENTLY_LEFT_DAYS = 30;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");

/**
 * Judges each person of the pool for the setting and orders them: eligible first, then those
 * eligible once a justification is written (seed §2.3 names them as the exception), then the
 * others; by name within each group. Pure but for the texts (current language).
 */
export function rankCandidates(setting: AppointmentSetting, pool: readonly PoolMember[]): Candidate[] {
  const rank = (c: Candidate) => (!c.eligible ? 2 : c.needsJustification ? 1 : 0);
  return pool
    .map(({ facts, ...shown }) => {
      const judged = judgeCandidate(setting, facts);
      return {
        ...shown,
        eligible: judged.eligible,
        reasons: judged.reasons.map(reasonText),
        ...(judged.needsJustification ? { needsJustification: true } : {}),
      };
    })
    .sort((a, b) => rank(a) - rank(b) || byName(a, b));
}

/**
 * The people of a unit who could be chosen on `date`: everyone employed there (also those
 * about to start), those who left in the last RECENTLY_LEFT_DAYS days, and anyone named in
 * `include` wherever they work. One query.
 */
export async function loadCandidatePool(db: Reader, unitId: string, date: string, include: string[] = []): Promise<PoolMember[]> {
  const rows = await loadStaffAtUnit(db, unitId, addDays(date, -RECENTLY_LEFT_DAYS), include);
  return rows.map(({ row, facts, load }) => ({
    staffMemberId: row.id,
    name: fullName(row),
    befattning: row.befattning.name,
    hsaId: row.hsaId,
    qualifications: qualificationsOf(row),
    load,
    facts,
  }));
}

/** The open case if the actor may send `type` in it now (as the executor decides), else null. */
async function caseAwaiting(db: Reader, caseId: string, type: "APPOINT" | "SEND_REFERRAL", actor: StepActor) {
  const row = await db.processCase.findUnique({ where: { id: caseId } });
  if (!row) return null;
  const open = restoreOpenCase(row);
  if ("error" in open) return null;
  return "error" in eventPermission(open.definition, open.snapshot, type, actor) ? null : open;
}

export type AppointmentPickers = {
  candidates: Candidate[];
  /** The teams of the case's unit, for the teamId picker. */
  teams: { id: string; name: string }[];
  /**
   * Läkare employed at the unit now, for the medically responsible person of a fast
   * vårdkontakt who is not a läkare (seed §3.3): medical responsibility is a läkare's.
   */
  medicallyResponsible: { staffMemberId: string; name: string; befattning: string }[];
};

/**
 * Everything the APPOINT form of this case offers to choose from. Null when the case does not
 * exist, is closed, or does not await an APPOINT that this actor may send.
 */
export async function appointmentPickers(db: Reader, caseId: string, actor: StepActor, now: Date): Promise<AppointmentPickers | null> {
  const open = await caseAwaiting(db, caseId, "APPOINT", actor);
  if (!open) return null;
  const today = isoDateInStockholm(now);
  const context = open.snapshot.context;
  const requested = (context as { choice?: { requestedStaffMemberId: string | null } | null }).choice?.requestedStaffMemberId ?? null;
  const [setting, pool, teams] = await Promise.all([
    loadAppointmentSetting(db, settingRequest(open.definition, context), actor.grant, today),
    loadCandidatePool(db, context.unitId, today, requested ? [requested] : []),
    db.team.findMany({ where: { careUnitId: context.unitId }, select: { id: true, name: true } }),
  ]);
  if (!setting) return null;
  const candidates = rankCandidates(setting, pool).map((c) => (c.staffMemberId === requested ? { ...c, requestedByPatient: true } : c));
  const medicallyResponsible = pool
    .filter((p) => p.facts.legitimations.includes("LK") && employedOn(p.facts, context.unitId, today).length === 0)
    .map(({ staffMemberId, name, befattning }) => ({ staffMemberId, name, befattning }))
    .sort(byName);
  return { candidates, teams: teams.sort(byName), medicallyResponsible };
}

/** Staff who could be chosen in the APPOINT step of this case, eligible first (then by name). */
export async function appointmentCandidates(db: Reader, caseId: string, actor: StepActor, now: Date): Promise<Candidate[] | null> {
  return (await appointmentPickers(db, caseId, actor, now))?.candidates ?? null;
}

export type UnitCandidate = {
  unitId: string;
  name: string;
  eligible: boolean;
  reasons: string[];
  /** The patient is listed there: the usual receiver of the patient's inskrivningsmeddelande. */
  patientListed: boolean;
};

/**
 * Units that may receive the inskrivningsmeddelande (SEND_REFERRAL), eligible first — the unit
 * where the patient is listed before the others — then by name; for the others, why not.
 * Null when the case does not await a SEND_REFERRAL that this actor may send.
 */
export async function referralReceiverCandidates(db: Reader, caseId: string, actor: StepActor, now: Date): Promise<UnitCandidate[] | null> {
  const open = await caseAwaiting(db, caseId, "SEND_REFERRAL", actor);
  if (!open) return null;
  const today = isoDateInStockholm(now);
  const context = open.snapshot.context as typeof open.snapshot.context & { wardUnitId: string };
  const [units, listings] = await Promise.all([
    db.careUnit.findMany({ select: { id: true, name: true, kind: true, regionallyFinanced: true } }),
    db.listing.findMany({
      where: { patientId: context.patientId, from: { lte: today }, OR: [{ to: null }, { to: { gte: today } }] },
      select: { careUnitId: true },
    }),
  ]);
  const listedAt = new Set(listings.map((l) => l.careUnitId));
  const rank = (u: UnitCandidate) => (u.eligible ? (u.patientListed ? 0 : 1) : 2);
  return units
    .map(({ id, name, kind, regionallyFinanced }) => {
      const verdict = referralReceiverRules(context.wardUnitId, { id, kind, regionallyFinanced });
      return {
        unitId: id,
        name,
        eligible: verdict.eligible,
        reasons: verdict.eligible ? [] : verdict.reasons.map(reasonText),
        patientListed: listedAt.has(id),
      };
    })
    .sort((a, b) => rank(a) - rank(b) || byName(a, b));
}
