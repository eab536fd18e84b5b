// The search parameters of GET /fhir/CareTeam, checked before anything is read. FHIR R4 search
// (http.html#search, "Handling errors"): a server ignores parameters it does not know unless
// the client asks for `Prefer: handling=strict`, and then answers 400. The self link names only
// the parameters that were used, so a lenient client can see what was ignored.
import type { ContactStatus } from "~/fixed-contacts/contacts.server";
import { parsePersonalIdentityNumber } from "~/domain/identifiers";
import { messages } from "./messages";
import { isNationalIdentifierKind, PATIENT_SYSTEMS, type NationalIdentifierKind } from "./systems";
import type { IssueCode } from "./types";

export type CareTeamSearch = {
  patient: { kind: NationalIdentifierKind; system: string; value: string };
  statuses: ContactStatus[];
  /** The parameters as applied, for Bundle.link self. */
  used: URLSearchParams;
};

export type SearchProblem = { code: IssueCode; text: string };

type Failure = { ok: false; problem: SearchProblem };
type Result<T> = { ok: true; value: T } | Failure;

/**
 * `patient` is a reference parameter searched by identifier: the issue's `patient=system|value`
 * and FHIR's explicit `patient:identifier=system|value` mean the same here.
 */
const PATIENT_NAMES = ["patient", "patient:identifier"];
/** General parameters that do not change the result: the answer is always JSON. */
const HARMLESS = ["_format", "_pretty"];
const KNOWN = new Set([...PATIENT_NAMES, "status", ...HARMLESS]);
const STATUSES: readonly ContactStatus[] = ["active", "inactive"];

/** `Prefer: handling=strict`, alone or among other preferences. */
export const prefersStrictHandling = (prefer: string | null) => /(^|[,;\s])handling\s*=\s*"?strict"?\s*($|[,;])/i.test(prefer ?? "");

const fail = (code: IssueCode, text: string): Failure => ({ ok: false, problem: { code, text } });

export function parseCareTeamSearch(params: URLSearchParams, { today, strict }: { today: string; strict: boolean }): Result<CareTeamSearch> {
  const names = [...new Set(params.keys())];
  const unknown = names.filter((name) => !KNOWN.has(name));
  if (strict && unknown.length > 0) return fail("not-supported", messages.unknownParameters(unknown));

  const patientValues = PATIENT_NAMES.flatMap((name) => params.getAll(name));
  if (patientValues.length === 0) return fail("required", messages.patientMissing());
  if (patientValues.length > 1) return fail("invalid", messages.patientRepeated());
  const patient = parsePatient(patientValues[0], today);
  if (!patient.ok) return patient;

  const statusValues = params.getAll("status");
  if (statusValues.length > 1) return fail("invalid", messages.statusRepeated());
  // Default active: what the patient sees on 1177 (issue 6 §3).
  const statuses = statusValues.length === 0 ? { ok: true as const, value: ["active" as const] } : parseStatuses(statusValues[0]);
  if (!statuses.ok) return statuses;

  const used = new URLSearchParams({ patient: `${patient.value.system}|${patient.value.value}`, status: statuses.value.join(",") });
  return { ok: true, value: { patient: patient.value, statuses: statuses.value, used } };
}

function parsePatient(token: string, today: string): Result<CareTeamSearch["patient"]> {
  const bar = token.indexOf("|");
  const system = token.slice(0, bar);
  const raw = token.slice(bar + 1);
  // A token without system would mean "any system" (FHIR token search); an identity number
  // is only unambiguous with its system, so one is required.
  if (bar <= 0 || raw === "") return fail("invalid", messages.patientForm(token));
  const kind = (Object.keys(PATIENT_SYSTEMS) as NationalIdentifierKind[]).find((k) => PATIENT_SYSTEMS[k] === system);
  if (!kind) return fail("not-supported", messages.unknownSystem(system));
  const parsed = parsePersonalIdentityNumber(raw, today);
  if (!parsed.ok) return fail("value", messages.badIdentifier(raw, parsed.error));
  // The kind is in the number itself (samordningsnummer: day + 60, SKV 707); a number sent
  // under the other system is a client error, not a search that finds nothing.
  const actual = parsed.value.kind;
  if (actual !== kind && isNationalIdentifierKind(actual)) {
    return fail("value", messages.kindMismatch(raw, actual, PATIENT_SYSTEMS[actual]));
  }
  return { ok: true, value: { kind, system, value: parsed.value.value } };
}

function parseStatuses(value: string): Result<ContactStatus[]> {
  const words = value.split(",").map((w) => w.trim());
  const bad = words.find((w) => !STATUSES.includes(w as ContactStatus));
  if (bad !== undefined) return fail("value", messages.statusInvalid(bad));
  return { ok: true, value: STATUSES.filter((s) => words.includes(s)) };
}
