// A case's history as users read it, built from the audit trail (SPEC §6): each step the
// executor wrote ("case.start"/"case.step") with the rows that step changed, and the path
// through the statechart. The executor writes a step's audit rows in one transaction, the
// step row first and its effects right after it, so a step's effects are the rows that
// follow it without a gap (SQLite has one writer: no other row can come between).
import type { Db } from "~/db.server";
import { dateTimeInStockholm, isoDateInStockholm } from "~/domain/dates";
import { t } from "~/i18n";
import { eventLabel, labelOf, outcomeLabel, stateLabel } from "~/processes/labels";
import { fullName } from "./contact-view";

/** "YYYY-MM-DD HH:MM" on Stockholm clocks. */

export type PathStep = { from: string; event: string; to: string };

export type TimelineEntry = {
  id: number;
  at: string;
  /** Who, in which role and unit, e.g. "Karin Lindqvist, Verksamhetschef, Vårdcentralen Norrsjö". */
  by: string;
  /** The delegation the step was taken under (HSF 4 kap. 2 §), in words; null without one. */
  delegation: string | null;
  event: string;
  title: string;
  details: string[];
};

type AuditRow = {
  id: number;
  at: Date;
  userId: string | null;
  roleCode: string | null;
  careUnitId: string | null;
  delegationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
};

type StepPayload = {
  event?: string;
  from?: string;
  state?: string;
  status?: string;
  outcome?: string | null;
  input?: Record<string, unknown>;
};

const parse = (json: string | null): Record<string, unknown> => {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const text = (value: unknown) => (typeof value === "string" ? value : "");

/** A key's text when the catalog has it, else the code itself (a code added later still shows). */

type Step = { row: AuditRow; effects: AuditRow[] };

/** The case's step rows, each with the effect rows written in the same transaction. */
async function loadSteps(db: Db, caseId: string, patientId: string): Promise<Step[]> {
  const stepRows = await db.auditEvent.findMany({
    where: { entityType: "ProcessCase", entityId: caseId, action: { in: ["case.start", "case.step"] } },
    orderBy: { id: "asc" },
  });
  if (stepRows.length === 0) return [];
  const rows = await db.auditEvent.findMany({
    where: { patientId, at: { in: [...new Set(stepRows.map((r) => r.at))] } },
    orderBy: { id: "asc" },
  });
  const steps: Step[] = [];
  let current: Step | null = null;
  let lastId = -1;
  for (const row of rows) {
    if (row.entityType === "ProcessCase") {
      current = row.entityId === caseId ? { row, effects: [] } : null;
      if (current) steps.push(current);
    } else if (current && row.id === lastId + 1 && row.at.getTime() === current.row.at.getTime() && row.userId === current.row.userId) {
      current.effects.push(row);
    } else {
      current = null;
    }
    lastId = row.id;
  }
  return steps;
}

/** The edges the case took, oldest first: the statechart marks them. */
export function pathOf(steps: readonly { row: Pick<AuditRow, "before" | "after"> }[], initialState: string): PathStep[] {
  return steps.flatMap(({ row }) => {
    const after = parse(row.after) as StepPayload;
    const before = parse(row.before);
    if (!after.event || !after.state) return [];
    // Steps written before the executor recorded `from` name their state in `before`.
    const from = after.from ?? (text(before.state) || initialState);
    return [{ from, event: after.event, to: after.state }];
  });
}

type Names = {
  users: Map<string, string>;
  units: Map<string, string>;
  staff: Map<string, string>;
  delegators: Map<string, string>;
};

async function loadNames(db: Db, steps: Step[]): Promise<Names> {
  const all = steps.flatMap((s) => [s.row, ...s.effects]);
  const afterOf = all.map((r) => parse(r.after));
  const staffIds = afterOf.map((a) => text(a.staffMemberId)).filter(Boolean);
  const unitIds = [...all.map((r) => r.careUnitId ?? ""), ...afterOf.map((a) => text(a.toUnitId))].filter(Boolean);
  const delegationIds = all.map((r) => r.delegationId ?? "").filter(Boolean);
  const [users, units, staff, delegations] = await Promise.all([
    db.user.findMany({ where: { id: { in: all.map((r) => r.userId ?? "").filter(Boolean) } }, select: { id: true, displayName: true } }),
    db.careUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
    db.staffMember.findMany({ where: { id: { in: staffIds } }, select: { id: true, firstName: true, middleName: true, lastName: true } }),
    db.delegation.findMany({ where: { id: { in: delegationIds } }, select: { id: true, delegator: { select: { displayName: true } } } }),
  ]);
  return {
    users: new Map(users.map((u) => [u.id, u.displayName])),
    units: new Map(units.map((u) => [u.id, u.name])),
    staff: new Map(staff.map((s) => [s.id, fullName(s)])),
    delegators: new Map(delegations.map((d) => [d.id, d.delegator.displayName])),
  };
}

const dateOf = (value: unknown) => (typeof value === "string" && value ? isoDateInStockholm(new Date(value)) : "");

/** One effect row in words, or null for rows that say nothing new to a reader. */
function describeEffect(row: AuditRow, names: Names): string | null {
  const after = parse(row.after);
  const before = parse(row.before);
  const recipient = () => labelOf(`cases.recipient.${text(after.recipient)}`, text(after.recipient));
  switch (row.action) {
    case "assignment.create":
      return t("cases.effect.assignmentCreate", {
        name: names.staff.get(text(after.staffMemberId)) ?? text(after.staffMemberId),
        kind: labelOf(`contactKind.${text(after.kind)}`, text(after.kind)).toLowerCase(),
      });
    case "assignment.end":
      return t("cases.effect.assignmentEnd", { name: names.staff.get(text(after.staffMemberId)) ?? text(after.staffMemberId) });
    case "assignment.review":
      // A fast läkarkontakt may be kept without a review date (rules.reviewDateRequiredFor).
      return after.reviewDueDate ? t("cases.effect.assignmentReview", { date: text(after.reviewDueDate) }) : t("cases.effect.assignmentReviewNone");
    case "refusal.create":
      return t("cases.effect.refusal", { date: text(after.declinedOn) });
    case "notification.queue":
      return t("cases.effect.notificationQueue", { recipient: recipient() });
    case "notification.record": {
      const told = {
        recipient: recipient(),
        channel: labelOf(`cases.channel.${text(after.channel)}`, text(after.channel)).toLowerCase(),
        date: dateOf(after.notifiedAt),
      };
      return after.toldWhom ? t("cases.effect.notificationRecordWho", { ...told, who: text(after.toldWhom) }) : t("cases.effect.notificationRecord", told);
    }
    case "notification.notPossible":
      return t("cases.effect.notificationNotPossible", { reason: text(after.notPossibleReason) });
    case "referral.send":
      return t("cases.effect.referralSend", { unit: names.units.get(text(after.toUnitId)) ?? text(after.toUnitId) });
    case "referral.update": {
      if (after.receivedAt && !before.receivedAt) return t("cases.effect.referralReceived");
      if (after.readyForDischargeAt && !before.readyForDischargeAt) {
        return t("cases.effect.referralReady", { date: dateTimeInStockholm(new Date(text(after.readyForDischargeAt))) });
      }
      return t("cases.effect.referralDate", { date: text(after.expectedDischargeDate) });
    }
    case "home-care.not-needed":
      return t("cases.effect.notNeeded", { reason: text(after.contactNotNeededReason) });
    default:
      return t("cases.effect.other", { action: row.action });
  }
}

function describeStep(step: Step, names: Names): TimelineEntry {
  const { row } = step;
  const after = parse(row.after) as StepPayload;
  const event = after.event ?? "";
  const details: string[] = [];
  const reason = after.input?.reason;
  if (typeof reason === "string" && reason) details.push(t("cases.timeline.reason", { reason }));
  // A patient's request closed without an appointment: the reason is the outcome, the comment is shown here.
  const comment = after.input?.comment;
  if (event === "CLOSE_REQUEST" && typeof comment === "string" && comment) details.push(t("cases.timeline.comment", { comment }));
  for (const effect of step.effects) {
    const line = describeEffect(effect, names);
    if (line) details.push(line);
  }
  if (after.status === "CLOSED") {
    details.push(after.outcome ? t("cases.timeline.closed", { outcome: outcomeLabel(after.outcome).toLowerCase() }) : t("cases.timeline.closedPlain"));
  } else if (after.state) {
    details.push(t("cases.timeline.toState", { state: stateLabel(after.state) }));
  }
  const role = row.roleCode ? labelOf(`role.${row.roleCode}`, row.roleCode) : "";
  const delegator = row.delegationId ? names.delegators.get(row.delegationId) : undefined;
  return {
    id: row.id,
    at: dateTimeInStockholm(row.at),
    by: t("cases.timeline.by", {
      name: (row.userId && names.users.get(row.userId)) || "–",
      role,
      unit: (row.careUnitId && names.units.get(row.careUnitId)) || "–",
    }),
    delegation: delegator ? t("cases.timeline.delegated", { name: delegator }) : null,
    event,
    title: eventLabel(event),
    details,
  };
}

/** The case's timeline (oldest first) and its path through the statechart. */
export async function caseHistory(db: Db, caseId: string, patientId: string, initialState: string) {
  const steps = await loadSteps(db, caseId, patientId);
  const names = await loadNames(db, steps);
  return { timeline: steps.map((s) => describeStep(s, names)), path: pathOf(steps, initialState) };
}
