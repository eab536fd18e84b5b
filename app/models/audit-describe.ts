// Audit and access-log codes in words. The log stores stable codes ("case.step",
// "patient.view"); the catalog says what they mean. A code without a text (an action
// added later) is shown as the raw code rather than hidden: the extract must list it.
import { stockholmClock } from "~/domain/dates";
import { hasMessage, t } from "~/i18n";

export type Wording = {
  /** The catalog text, or null when the code has none. */
  label: string | null;
  code: string;
  /** What a case step was about: the process and the event, in words. */
  detail: string | null;
};

/** What a case.start / case.step row's "after" says about the process and event. */
export type StepDetail = { process: string | null; event: string | null };

function known(key: string): string | null {
  return hasMessage(key) ? t(key) : null;
}

export function describeAction(action: string, step: StepDetail | null = null): Wording {
  let detail: string | null = null;
  if (step) {
    const process = step.process ? (known(`process.${step.process}`) ?? step.process) : null;
    const event = step.event ? (known(`event.${step.event}`) ?? step.event) : null;
    // A start names its process; a step names its event, and the process it belongs to.
    detail = action === "case.start" ? process : [event, process && `(${process})`].filter(Boolean).join(" ") || null;
  }
  return { label: known(`audit.action.${action}`), code: action, detail };
}

export function describeEntity(entityType: string): Wording {
  return { label: known(`audit.entity.${entityType}`), code: entityType, detail: null };
}

/**
 * Who acted, in words: the user, or for a connected system's call (which has no user) the
 * system by the name its API key was given (app/api/consumers.server.ts).
 */
export function actorName(row: { user: { name: string } | null; consumerSystem: string | null }): string {
  if (row.user) return row.user.name;
  return row.consumerSystem ? t("audit.system", { name: row.consumerSystem }) : t("audit.who.unknown");
}

/** One line of plain text, for the CSV file. */
export function wordingText(wording: Wording): string {
  const head = wording.label ?? wording.code;
  return wording.detail ? `${head}: ${wording.detail}` : head;
}

/** Reads the process and event of a case row's "after" JSON; anything else gives null. */
export function stepDetail(action: string, after: string | null): StepDetail | null {
  if ((action !== "case.start" && action !== "case.step") || !after) return null;
  try {
    const parsed: unknown = JSON.parse(after);
    if (!parsed || typeof parsed !== "object") return null;
    const { process, event } = parsed as Record<string, unknown>;
    return {
      process: typeof process === "string" ? process : null,
      event: typeof event === "string" ? event : null,
    };
  } catch {
    return null;
  }
}

/** "YYYY-MM-DD HH:MM:SS" on Stockholm clocks: a log names the second, not only the minute. */
export function logTime(iso: string): string {
  const parts = stockholmClock(new Date(iso));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
