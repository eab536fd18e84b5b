// The eight processes by code: machine, version, who may send which event, how a case opens.
import { getNextTransitions, type AnyMachineSnapshot, type AnyStateMachine } from "xstate";
import * as assessment from "./assessment";
import * as change from "./change";
import type { Permission } from "~/domain/permissions";
import type { CaseContext, EventPolicy } from "./common";
import * as dischargeReferral from "./discharge-referral";
import * as doctorChoice from "./doctor-choice";
import * as ending from "./ending";
import * as homeCareContact from "./home-care-contact";
import * as lifeThreatening from "./life-threatening";
import * as patientRequest from "./patient-request";
import type { ContactKind, ProcessCode } from "./rules";

export type { ProcessCode } from "./rules";

/** A persisted snapshot as stored in ProcessCase.snapshot. */
export type PersistedSnapshot = { status: string; value: unknown; context: CaseContext };

export type ProcessDefinition = {
  code: ProcessCode;
  machine: AnyStateMachine;
  version: number;
  /** Who may send each event (any of the permissions, in the unit named). */
  policy: Record<string, EventPolicy<CaseContext>>;
  /** The events that open a case (sent right after the initial state). */
  openingEvents: readonly string[];
  /** The contact kinds a case of this process is about. */
  contactKinds: readonly ContactKind[];
  /** What the case is started from besides the patient. */
  subject: "patient" | "assignment" | "homeCareService";
  /**
   * Upgrades of stored snapshots, from the version named to the next one. A snapshot whose
   * version has no path to the current one is refused with a clear message, never guessed at.
   */
  migrations: Record<number, (snapshot: PersistedSnapshot) => PersistedSnapshot>;
};

const ALL_KINDS: readonly ContactKind[] = ["FAST_VARDKONTAKT", "FAST_LAKARKONTAKT", "FAST_OMSORGSKONTAKT", "ANNAN_FAST_KONTAKT"];

const define = (
  m: { id: ProcessCode; version: number; machine: AnyStateMachine; policy: object },
  rest: Pick<ProcessDefinition, "openingEvents" | "contactKinds" | "subject">,
): ProcessDefinition => ({
  code: m.id,
  machine: m.machine,
  version: m.version,
  policy: m.policy as Record<string, EventPolicy<CaseContext>>,
  migrations: {},
  ...rest,
});

export const PROCESSES: Record<ProcessCode, ProcessDefinition> = {
  PATIENT_REQUEST: define(patientRequest, {
    openingEvents: ["RECEIVE_REQUEST"],
    // Other fixed contacts (SPEC §3) are appointed through a request or an assessment too.
    contactKinds: ["FAST_VARDKONTAKT", "ANNAN_FAST_KONTAKT"],
    subject: "patient",
  }),
  ASSESSMENT: define(assessment, {
    openingEvents: ["REGISTER_VISIT"],
    contactKinds: ["FAST_VARDKONTAKT", "ANNAN_FAST_KONTAKT"],
    subject: "patient",
  }),
  DISCHARGE_REFERRAL: define(dischargeReferral, {
    openingEvents: ["REGISTER_ADMISSION"],
    contactKinds: ["FAST_VARDKONTAKT"],
    subject: "patient",
  }),
  LIFE_THREATENING: define(lifeThreatening, {
    openingEvents: ["ASSESS_LIFE_THREATENING"],
    contactKinds: ["FAST_VARDKONTAKT"],
    subject: "patient",
  }),
  CHANGE: define(change, { openingEvents: ["REQUEST_CHANGE"], contactKinds: ALL_KINDS, subject: "assignment" }),
  ENDING: define(ending, { openingEvents: ["REVIEW"], contactKinds: ALL_KINDS, subject: "assignment" }),
  HOME_CARE_CONTACT: define(homeCareContact, {
    openingEvents: ["OFFER_CONTACT", "RECORD_NOT_NEEDED"],
    contactKinds: ["FAST_OMSORGSKONTAKT"],
    subject: "homeCareService",
  }),
  DOCTOR_CHOICE: define(doctorChoice, {
    openingEvents: ["RECEIVE_CHOICE"],
    contactKinds: ["FAST_LAKARKONTAKT"],
    subject: "patient",
  }),
};

export const PROCESS_CODES = Object.keys(PROCESSES) as ProcessCode[];

export function isProcessCode(value: string): value is ProcessCode {
  return Object.hasOwn(PROCESSES, value);
}

/** A live snapshot of any of the machines; its context always extends CaseContext. */
export type AnySnapshot = AnyMachineSnapshot & { context: CaseContext };

export class SnapshotVersionError extends Error {
  constructor(
    readonly process: ProcessCode,
    readonly storedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`${process}: snapshot of version ${storedVersion} cannot be read by version ${currentVersion}`);
  }
}

/** A stored snapshot as a live one, upgraded through the process's migrations if needed. */
export function restoreSnapshot(definition: ProcessDefinition, storedVersion: number, json: string): AnySnapshot {
  let persisted = JSON.parse(json) as PersistedSnapshot;
  for (let v = storedVersion; v < definition.version; v++) {
    const upgrade = definition.migrations[v];
    if (!upgrade) throw new SnapshotVersionError(definition.code, storedVersion, definition.version);
    persisted = upgrade(persisted);
  }
  if (storedVersion > definition.version) throw new SnapshotVersionError(definition.code, storedVersion, definition.version);
  return definition.machine.resolveState({ value: persisted.value as never, context: persisted.context }) as AnySnapshot;
}

export function persist(definition: ProcessDefinition, snapshot: AnySnapshot): string {
  return JSON.stringify(definition.machine.getPersistedSnapshot(snapshot));
}

/** The event types the current state accepts, guards aside. */
export function acceptedEvents(snapshot: AnySnapshot): string[] {
  if (snapshot.status !== "active") return [];
  return [...new Set(getNextTransitions(snapshot).map((t) => t.eventType))].filter((type) => !type.startsWith("xstate."));
}

/** The state as one string, e.g. "awaitingAppointment". */
export function stateName(snapshot: { value: unknown }): string {
  const value = snapshot.value;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** Who acts: the permissions held and the unit they are held in (a Grant). */
export type Sender = { permissions: ReadonlySet<Permission>; careUnitId: string };

/** The unit an event belongs to: the one its policy names, else the unit that acts next. */
export function eventUnit(definition: ProcessDefinition, type: string, context: CaseContext): string | null {
  const policy = definition.policy[type];
  if (!policy) return null;
  return policy.unit?.(context) ?? context.unitId;
}

/**
 * The permission under which `sender` may send the event (the first of the policy's that the
 * sender holds), or null: one held permission the event allows, held in the unit the event
 * belongs to. The executor refuses on null; the pages use it to show only forms that will pass.
 */
export function sendingPermission(definition: ProcessDefinition, type: string, context: CaseContext, sender: Sender): Permission | null {
  const policy = definition.policy[type];
  if (!policy || sender.careUnitId !== eventUnit(definition, type, context)) return null;
  return policy.permissions(context).find((p) => sender.permissions.has(p)) ?? null;
}

/**
 * Events whose guards read only the case, never what the user enters (cancel only while
 * nothing is appointed; refusal only where something was offered): whether they can be taken
 * is known before any form is filled in. Other guards judge the entered facts, so their
 * forms are shown and the executor answers with the rules' reasons.
 */
const CASE_ONLY_GUARDS: ReadonlySet<string> = new Set(["CANCEL", "PATIENT_DECLINED"]);

/** The events the case can take now that `sender` may send: what a page offers as forms. */
export function sendableEvents(definition: ProcessDefinition, snapshot: AnySnapshot, sender: Sender): string[] {
  return acceptedEvents(snapshot).filter(
    (type) =>
      sendingPermission(definition, type, snapshot.context, sender) !== null &&
      (!CASE_ONLY_GUARDS.has(type) || snapshot.can({ type } as Parameters<AnySnapshot["can"]>[0])),
  );
}

/** Every unit the process lets act on the case now (e.g. the ward that sent a referral, and the receiver). */
export function actingUnits(definition: ProcessDefinition, context: CaseContext): string[] {
  return [...new Set([context.unitId, ...Object.keys(definition.policy).map((type) => eventUnit(definition, type, context) ?? context.unitId)])];
}
