// Model-based tests: every simple path of every machine (@xstate/graph), with events that
// pass and events that fail the rules, replayed through XState's pure transition() to
// check the invariants the law asks for.
import { readFileSync } from "node:fs";
import { getSimplePaths } from "@xstate/graph";
import { initialTransition, transition, type AnyMachineSnapshot } from "xstate";
import { describe, expect, it } from "vitest";
import type { CaseContext } from "./common";
import type { Effect } from "./effects";
import { PERMISSIONS } from "~/domain/permissions";
import {
  acceptedEvents,
  eventUnit,
  PROCESS_CODES,
  PROCESSES,
  restoreSnapshot,
  sendableEvents,
  SnapshotVersionError,
  type AnySnapshot,
  type ProcessCode,
} from "./index";
import {
  checkAppointment,
  checkReplacement,
  PROCESSES_THAT_MUST_APPOINT,
  PROCESSES_THAT_OFFER,
  REQUEST_CLOSING_REASONS,
  type ActiveAssignmentFacts,
  type AppointmentFacts,
} from "./rules";

const AT = "2026-11-25T09:00:00.000Z";
const DATE = "2026-11-25";
const stamp = (type: string, extra: Record<string, unknown> = {}) => ({ type, at: AT, newId: `new-${type}`, ...extra });

const inputs: Record<ProcessCode, CaseContext extends never ? never : Record<string, unknown>> = {
  PATIENT_REQUEST: { contactKind: "FAST_VARDKONTAKT" },
  ASSESSMENT: { contactKind: "FAST_VARDKONTAKT" },
  DISCHARGE_REFERRAL: { contactKind: "FAST_VARDKONTAKT" },
  LIFE_THREATENING: { contactKind: "FAST_VARDKONTAKT" },
  CHANGE: { contactKind: "FAST_VARDKONTAKT", assignmentId: "current" },
  ENDING: { contactKind: "FAST_VARDKONTAKT", assignmentId: "current" },
  HOME_CARE_CONTACT: { contactKind: "FAST_OMSORGSKONTAKT", homeCareServiceId: "home-care" },
  DOCTOR_CHOICE: { contactKind: "FAST_LAKARKONTAKT" },
};

const current = (c: CaseContext): ActiveAssignmentFacts => ({
  id: c.assignmentId ?? "current",
  kind: c.contactKind,
  careUnitId: c.unitId,
  staffMemberId: "old-staff",
  overallCoordination: false,
  lifeThreatening: c.lifeThreatening,
});

/** Facts describing the case, with a person who satisfies every kind's rules unless `ended`. */
function facts(c: CaseContext, replaced: ActiveAssignmentFacts | null, ended: boolean): AppointmentFacts {
  return {
    process: c.process,
    kind: c.contactKind,
    date: DATE,
    unit: { id: c.unitId, kind: c.contactKind === "FAST_OMSORGSKONTAKT" ? "HEMTJANST" : "REGIONAL_PRIMARVARD", regionallyFinanced: true },
    staff: {
      id: "new-staff",
      legitimations: ["LK"],
      specialties: [{ specialty: "ALLMANMEDICIN", status: "SPECIALIST" }],
      underskoterskaBevis: true,
      permanentUnderskoterskaFrom: null,
      employmentEndDate: ended ? "2026-11-24" : null,
      employments: [{ careUnitId: c.unitId, from: "2020-01-01" }],
    },
    patient: {
      id: c.patientId,
      birthDate: "1950-05-05",
      listings: [{ careUnitId: c.unitId, from: "2020-01-01", to: null }],
      homeCareServices: [{ careUnitId: c.unitId, from: "2020-01-01", to: null }],
      activeAssignments: replaced ? [replaced] : [],
    },
    appointer: { roleCode: c.contactKind === "FAST_OMSORGSKONTAKT" ? "ENHETSCHEF_HEMTJANST" : "VERKSAMHETSCHEF", careUnitId: c.unitId, delegated: false },
    lifeThreatening: c.lifeThreatening,
    overallCoordination: false,
    coordinationConsentDate: null,
    competenceJustification: null,
    roleTitle: null,
    contactAbout: null,
    replacesAssignmentId: replaced?.id ?? null,
  };
}

function appointEvents(c: CaseContext) {
  const replacedOptions = c.process === "CHANGE" ? [current(c)] : c.process === "DOCTOR_CHOICE" ? [null, current(c)] : [null];
  return replacedOptions.flatMap((replaced) =>
    [false, true].map((ended) => {
      const f = facts(c, replaced, ended);
      return stamp("APPOINT", {
        staffMemberId: f.staff.id,
        teamId: null,
        reviewDueDate: null,
        directPhoneVisibleToPatient: false,
        overallCoordination: false,
        coordinationConsentDate: null,
        medicallyResponsibleStaffId: null,
        roleTitle: null,
        contactAbout: null,
        competenceJustification: null,
        externalNote: null,
        internalNote: null,
        facts: f,
        replaced,
      });
    }),
  );
}

/** Candidate events in a state: every event type, with passing and failing variants. */
function events(snapshot: AnyMachineSnapshot) {
  const c = snapshot.context as CaseContext;
  return [
    stamp("RECEIVE_REQUEST", { channel: "PHONE", receivedOn: DATE, requestText: null }),
    stamp("REGISTER_VISIT", { visitDate: DATE }),
    stamp("REGISTER_ADMISSION", { admittedAt: AT, expectedDischargeDate: "2026-11-30" }),
    stamp("ASSESS", { needed: true, reason: null }),
    stamp("ASSESS", { needed: false, reason: "Inget behov" }),
    stamp("ASSESS_LIFE_THREATENING", { informRelatives: true, note: null }),
    stamp("INFORM_PATIENT", { informedOn: DATE }),
    stamp("PATIENT_ACCEPTED", { acceptedOn: DATE }),
    stamp("PATIENT_DECLINED", { declinedOn: DATE, comment: null }),
    ...appointEvents(c),
    stamp("NOTIFY", { entries: [{ recipient: "PATIENT", channel: "VIA_1177", notifiedOn: DATE }], message: null }),
    stamp("NOTIFY", {
      entries: [
        { recipient: "PATIENT", channel: "IN_PERSON", notifiedOn: DATE },
        { recipient: "RELATIVE", channel: "PHONE", notifiedOn: DATE },
      ],
      message: null,
    }),
    stamp("SEND_REFERRAL", { toUnit: { id: "receiving-unit", kind: "REGIONAL_PRIMARVARD", regionallyFinanced: true }, expectedDischargeDate: "2026-11-30" }),
    stamp("SEND_REFERRAL", { toUnit: { id: c.unitId, kind: "SLUTENVARD", regionallyFinanced: false }, expectedDischargeDate: "2026-11-30" }),
    stamp("RECEIVE_REFERRAL"),
    stamp("CONFIRM_EXISTING_CONTACT", { existing: current(c) }),
    stamp("CONFIRM_EXISTING_CONTACT", { existing: null }),
    stamp("MARK_READY_FOR_DISCHARGE", { readyAt: AT, sipRequired: true, sipCallDays: 3 }),
    stamp("MARK_READY_FOR_DISCHARGE", { readyAt: AT, sipRequired: false, sipCallDays: 3 }),
    stamp("CALL_SIP", { calledOn: DATE, sipDate: "2026-11-27" }),
    stamp("REQUEST_CHANGE", { reason: "Slutar", informRelatives: false, current: current(c) }),
    stamp("REQUEST_CHANGE", { reason: "Slutar", informRelatives: false, current: null }),
    stamp("REVIEW", { needRemains: true, nextReviewDate: "2027-05-25", note: null, current: current(c) }),
    stamp("REVIEW", { needRemains: false, nextReviewDate: null, note: null, current: current(c) }),
    stamp("END", { reason: "Behovet finns inte längre" }),
    stamp("OFFER_CONTACT", { offeredOn: DATE }),
    stamp("RECORD_NOT_NEEDED", { reason: "Kort insats" }),
    stamp("RECEIVE_CHOICE", { channel: "VIA_1177", requestedStaffMemberId: null, prioritised: false }),
    stamp("CANCEL", { reason: "Flyttat" }),
    // A patient's request closes for exactly these reasons; "no need" must never be taken.
    ...REQUEST_CLOSING_REASONS.map((closingReason) => stamp("CLOSE_REQUEST", { closingReason, comment: null })),
    stamp("CLOSE_REQUEST", { closingReason: "NO_NEED", comment: null }),
    // The patient could not be told: relatives told instead (seed §3.3).
    stamp("NOTIFY", {
      entries: [{ recipient: "RELATIVE", channel: "IN_PERSON", notifiedOn: DATE, who: "Eva Lind, dotter" }],
      message: null,
      patientNotInformed: { reason: "Medvetslös" },
    }),
  ];
}

type Walked = { final: boolean; outcome: string | null; steps: { event: Record<string, unknown>; effects: Effect[] }[] };

/** Every simple path of the machine, replayed step by step to collect the declared effects. */
function walk(code: ProcessCode): Walked[] {
  const { machine } = PROCESSES[code];
  const input = { patientId: "patient", unitId: "unit", ...inputs[code] };
  const paths = getSimplePaths(machine, { input, events } as never);
  return paths.map((path) => {
    let [snapshot] = initialTransition(machine, input);
    const steps = path.steps.slice(1).map(({ event }) => {
      const [next, actions] = transition(machine, snapshot, event as never);
      snapshot = next;
      const effects = actions.map(({ type, params }) => ({ type, params }) as unknown as Effect);
      return { event: event as Record<string, unknown>, effects };
    });
    return { final: snapshot.status === "done", outcome: (snapshot.context as CaseContext).outcome, steps };
  });
}

const has = (w: Walked, type: Effect["type"]) => w.steps.some((s) => s.effects.some((e) => e.type === type));

describe.each(PROCESS_CODES)("%s", (code) => {
  const walked = walk(code);

  it("has paths to a closed case, and every state of the machine is reachable", () => {
    expect(walked.some((w) => w.final)).toBe(true);
    const reached = new Set<string>();
    const { machine } = PROCESSES[code];
    const input = { patientId: "patient", unitId: "unit", ...inputs[code] };
    for (const path of getSimplePaths(machine, { input, events } as never)) reached.add(JSON.stringify(path.state.value));
    // Transient states (eventless `always`) are passed through, never rested in.
    const states = Object.keys(machine.root.states).filter((s) => !machine.root.states[s].always?.length);
    expect([...reached].map((v) => JSON.parse(v)).sort()).toEqual(states.sort());
  });

  it("appoints only with an event whose facts pass the rules", () => {
    for (const w of walked) {
      for (const step of w.steps) {
        if (!step.effects.some((e) => e.type === "createAssignment")) continue;
        const f = step.event.facts as AppointmentFacts;
        const replaced = step.event.replaced as ActiveAssignmentFacts | null;
        const verdict = code === "CHANGE" ? checkReplacement(replaced, f) : checkAppointment(f);
        expect(verdict).toEqual({ eligible: true });
      }
    }
  });

  it("leaves no assignment on a path where the patient declined", () => {
    for (const w of walked.filter((x) => has(x, "recordRefusal"))) expect(has(w, "createAssignment")).toBe(false);
  });

  it("closes with an outcome, and appoints on every path that closes as appointed or changed", () => {
    for (const w of walked.filter((x) => x.final)) {
      expect(w.outcome).not.toBeNull();
      if (w.outcome === "APPOINTED" || w.outcome === "CHANGED") expect(has(w, "createAssignment")).toBe(true);
    }
  });

  it("ends the replaced assignment in the same step that creates its replacement", () => {
    for (const w of walked) {
      for (const step of w.steps) {
        const created = step.effects.find((e) => e.type === "createAssignment");
        if (created?.type !== "createAssignment" || !created.params.replacesId) continue;
        expect(step.effects).toContainEqual({ type: "endAssignment", params: expect.objectContaining({ assignmentId: created.params.replacesId, endedAt: created.params.startedAt }) });
      }
    }
  });
});

describe.each(PROCESSES_THAT_MUST_APPOINT)("%s (PL 6 kap. 2 §)", (code) => {
  it("closes only with an appointment or one of these audited closing reasons, and never with a refusal", () => {
    const walked = walk(code);
    const closed = walked.filter((w) => w.final);
    expect(closed.length).toBeGreaterThan(0);
    for (const w of closed) {
      const types = w.steps.map((s) => s.event.type);
      const last = w.steps[w.steps.length - 1].event;
      if (has(w, "createAssignment")) expect(w.outcome).toBe("APPOINTED");
      else if (w.outcome === "EXISTING_CONTACT") {
        // The patient's own fast vårdkontakt at the unit, confirmed from the facts, and the patient told.
        expect(types).toContain("CONFIRM_EXISTING_CONTACT");
        expect(last.type).toBe("NOTIFY");
      } else {
        // Closed by its own step, which names the reason (the step is audited with its input).
        expect(last).toMatchObject({ type: "CLOSE_REQUEST", closingReason: w.outcome });
        expect(REQUEST_CLOSING_REASONS).toContain(w.outcome);
      }
    }
    const outcomes = [...new Set(closed.map((w) => w.outcome))].sort();
    expect(outcomes).toEqual(["APPOINTED", "EXISTING_CONTACT", ...REQUEST_CLOSING_REASONS].sort());
    for (const w of walked) expect(has(w, "recordRefusal")).toBe(false);
  });

  it("has no path that closes for lack of need", () => {
    for (const w of walk(code)) {
      expect(["NO_NEED", "NOT_NEEDED", "DECLINED", "CANCELLED"]).not.toContain(w.outcome);
      expect(w.steps.some((s) => s.event.type === "CLOSE_REQUEST" && s.event.closingReason === "NO_NEED")).toBe(false);
    }
  });

  it("never closes without an appointment once one is made", () => {
    for (const w of walk(code).filter((x) => has(x, "createAssignment"))) {
      expect(w.steps.some((s) => s.event.type === "CLOSE_REQUEST" || s.event.type === "CONFIRM_EXISTING_CONTACT")).toBe(false);
    }
  });
});

describe("the forms a case page offers", () => {
  // A page shows a cancel or refusal form only when the machine would take it: their guards
  // read the case alone, so the page can know before the user types anything.
  it.each(PROCESS_CODES)("%s: cancel and refusal exactly when the machine takes them", (code) => {
    const definition = PROCESSES[code];
    const input = { patientId: "patient", unitId: "unit", ...inputs[code] };
    let checked = 0;
    for (const path of getSimplePaths(definition.machine, { input, events } as never)) {
      const snapshot = path.state as unknown as AnySnapshot;
      for (const event of events(snapshot).filter((e) => e.type === "CANCEL" || e.type === "PATIENT_DECLINED")) {
        if (!acceptedEvents(snapshot).includes(event.type)) continue;
        const sender = { permissions: new Set(PERMISSIONS), careUnitId: eventUnit(definition, event.type, snapshot.context) ?? "unit" };
        const [next] = transition(definition.machine, snapshot, event as never);
        const taken = JSON.stringify(next.value) !== JSON.stringify(snapshot.value);
        expect(sendableEvents(definition, snapshot, sender).includes(event.type), `${event.type} in ${JSON.stringify(snapshot.value)}`).toBe(taken);
        checked++;
      }
    }
    if (["ASSESSMENT", "DISCHARGE_REFERRAL", "LIFE_THREATENING", "HOME_CARE_CONTACT"].includes(code)) expect(checked).toBeGreaterThan(0);
  });
});

describe("refusals", () => {
  it("are possible only in the processes that offer something", () => {
    const withRefusal = PROCESS_CODES.filter((code) => walk(code).some((w) => has(w, "recordRefusal")));
    expect(withRefusal.sort()).toEqual([...PROCESSES_THAT_OFFER].sort());
  });
});

describe("stored snapshots of another machine version", () => {
  const definition = PROCESSES.PATIENT_REQUEST;
  const [initial] = initialTransition(definition.machine, { patientId: "patient", unitId: "unit", contactKind: "FAST_VARDKONTAKT" });
  const [waiting] = transition(definition.machine, initial, stamp("RECEIVE_REQUEST", { channel: "PHONE", receivedOn: DATE, requestText: null }) as never);
  const stored = JSON.stringify(definition.machine.getPersistedSnapshot(waiting));

  it("are upgraded through the process's explicit migrations", () => {
    const renamed = JSON.parse(stored.replace('"awaitingAppointment"', '"waitingForAppointment"'));
    const v2 = { ...definition, version: 2, migrations: { 1: (s: typeof renamed) => ({ ...s, value: "awaitingAppointment" }) } };
    const restored = restoreSnapshot(v2, 1, JSON.stringify(renamed));
    expect(restored.value).toBe("awaitingAppointment");
    expect([...acceptedEvents(restored)].sort()).toEqual(["APPOINT", "CLOSE_REQUEST", "CONFIRM_EXISTING_CONTACT"]);
  });

  it("are refused, never guessed at, without a migration or from a newer version", () => {
    expect(() => restoreSnapshot({ ...definition, version: 2 }, 1, stored)).toThrow(SnapshotVersionError);
    expect(() => restoreSnapshot(definition, 2, stored)).toThrow(SnapshotVersionError);
  });
});

describe("docs/processes.md", () => {
  it("names every process and every event a machine accepts, so the mapping to Bilaga 1 stays complete", () => {
    const doc = readFileSync(new URL("../docs/processes.md", import.meta.url), "utf8");
    for (const code of PROCESS_CODES) {
      expect(doc, code).toContain(code);
      for (const event of Object.keys(PROCESSES[code].policy)) expect(doc, `${code} ${event}`).toContain(`\`${event}\``);
    }
  });
});
