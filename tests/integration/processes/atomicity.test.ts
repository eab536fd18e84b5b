// A failure inside the step's transaction leaves the snapshot, the domain rows and the audit
// trail exactly as they were.
import { describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { dispatch, startCase } from "~/processes/dispatch.server";
import { appoint, region } from "./scenario";

const failAfterEffects = vi.hoisted(() => ({ on: false }));

// The real effects run (rows are written inside the transaction), then the step fails.
vi.mock("~/processes/effects.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/processes/effects.server")>();
  return {
    ...original,
    applyEffects: async (...args: Parameters<typeof original.applyEffects>) => {
      const result = await original.applyEffects(...args);
      if (failAfterEffects.on) throw new Error("injected failure after the effects were written");
      return result;
    },
  };
});

const now = new Date("2026-11-25T09:00:00Z");

describe("a failing step", () => {
  it("rolls back the snapshot, the new assignment, the queued notification and every audit row", async () => {
    const r = await region(db, now);
    const started = await startCase(
      { process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
      { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" },
      r.as.nurse,
      { db, now },
    );
    if (!started.ok) throw new Error(started.message);
    const snapshotOf = () => db.processCase.findUniqueOrThrow({ where: { id: started.caseId } });
    const before = {
      case: await snapshotOf(),
      assignments: await db.assignment.count(),
      notifications: await db.notification.count(),
      audit: await db.auditEvent.count(),
    };

    failAfterEffects.on = true;
    await expect(dispatch(started.caseId, appoint(r.nurse.id), r.as.chief, { db, now })).rejects.toThrow("injected failure");
    failAfterEffects.on = false;

    expect({
      case: await snapshotOf(),
      assignments: await db.assignment.count(),
      notifications: await db.notification.count(),
      audit: await db.auditEvent.count(),
    }).toEqual(before);
    // And the case still moves once the fault is gone.
    expect(await dispatch(started.caseId, appoint(r.nurse.id), r.as.chief, { db, now })).toMatchObject({ ok: true });
  });
});
