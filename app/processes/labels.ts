// Names of states, events and outcomes as users read them, for the server and the browser
// alike. A code without a text (one added later) shows as itself rather than failing.
import { hasMessage, t } from "~/i18n";

/** The text for a key built from a code, or the code itself when no text exists (yet). */
export const labelOf = (key: string, code: string) => (hasMessage(key) ? t(key) : code);

/** A process's name ("Livshotande tillstånd"). */
export const processLabel = (process: string) => labelOf(`process.${process}`, process);

/** A state's name as users read it ("Fast kontakt ska utses"). */
export const stateLabel = (state: string) => labelOf(`state.${state}`, state);

/** An event's name ("Utse fast kontakt"). */
export const eventLabel = (type: string) => labelOf(`event.${type}`, type);

/** How a case ended ("Patienten avböjde"). */
export const outcomeLabel = (outcome: string) => labelOf(`cases.outcome.${outcome}`, outcome);

/** What a deadline is for ("Kallelse till SIP senast"). */
export const deadlineLabel = (kind: string) => labelOf(`cases.deadlineKind.${kind}`, kind);
