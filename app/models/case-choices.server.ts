// What the event forms of a case offer to choose from: the people who can be appointed and
// the units that may receive an inskrivningsmeddelande, judged by the rules
// (app/processes/candidates.server.ts), the unit's teams and läkare, and today's date.
import type { Db } from "~/db.server";
import { isoDateInStockholm, stockholmTimeOfDay } from "~/domain/dates";
import { appointmentPickers, referralReceiverCandidates } from "~/processes/candidates.server";
import type { StepActor } from "~/processes/dispatch.server";
import type { FormChoices } from "~/components/event-forms/choices";
import type { NotificationRequirement } from "../../machines/rules";

/** The date fields' defaults: today and now on Stockholm clocks. */
export function clock(now: Date) {
  const today = isoDateInStockholm(now);
  return { today, now: `${today}T${stockholmTimeOfDay(now)}` };
}

/** Läkare employed at the unit today (legitimation LK): the medically responsible or the requested doctor. */
export async function unitDoctors(db: Db, unitId: string, today: string) {
  const rows = await db.staffMember.findMany({
    where: {
      legitimations: { contains: "LK" },
      employments: { some: { careUnitId: unitId, from: { lte: today } } },
      OR: [{ employmentEndDate: null }, { employmentEndDate: { gte: today } }],
    },
    select: { id: true, firstName: true, middleName: true, lastName: true, befattning: { select: { name: true } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map((s) => ({
    staffMemberId: s.id,
    name: [s.firstName, s.middleName, s.lastName].filter(Boolean).join(" "),
    befattning: s.befattning.name,
  }));
}

/** The choices of the case page's forms; pickers are loaded only for the forms shown. */
export async function caseFormChoices(
  db: Db,
  actor: StepActor,
  page: { id: string; forms: readonly string[]; notice: NotificationRequirement | null },
  now: Date,
): Promise<FormChoices> {
  const [appoint, receivers] = await Promise.all([
    page.forms.includes("APPOINT") ? appointmentPickers(db, page.id, actor, now) : null,
    page.forms.includes("SEND_REFERRAL") ? referralReceiverCandidates(db, page.id, actor, now) : null,
  ]);
  return {
    staff: appoint?.candidates ?? [],
    teams: appoint?.teams ?? [],
    doctors: appoint?.medicallyResponsible ?? [],
    receivers: receivers ?? [],
    notice: page.notice,
    ...clock(now),
  };
}

/** The start page's choices: only a choice of doctor asks for a person (the requested läkare). */
export async function startFormChoices(db: Db, unitId: string, events: readonly string[], now: Date): Promise<FormChoices> {
  const { today } = clock(now);
  return {
    staff: [],
    teams: [],
    doctors: events.includes("RECEIVE_CHOICE") ? await unitDoctors(db, unitId, today) : [],
    receivers: [],
    notice: null,
    ...clock(now),
  };
}
