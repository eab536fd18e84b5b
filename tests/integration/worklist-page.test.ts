// The start page's worklist (issue 4 §1): each role sees the sections its permissions let it
// act on, the most urgent first, filterable, and every patient shown is access-logged.
import { freshDatabaseEachTest } from "../setup/setup-test-env";
import { describe, expect, it } from "vitest";
import { loadGrant, roleChoicesOf } from "~/auth/actor.server";
import { db } from "~/db.server";
import type { RoleCode } from "~/domain/permissions";
import {
  loadWorklist,
  parseWorklistFilter,
  type WorklistFilter,
  type WorklistPage,
  type WorklistViewer,
} from "~/models/worklist-page.server";
import { loader } from "~/routes/_app._index";
import { dispatch, startCase, type CaseOpening, type EventSubmission, type StepActor } from "~/processes/dispatch.server";
import { createAssignment, createPatient, createUser, request, signedIn } from "../factories";
import { appoint, region } from "./processes/scenario";


// Each test builds its unit with steps hours in the past: a fresh database each time.
freshDatabaseEachTest();
const now = new Date("2026-11-25T09:00:00Z");
const all: WorklistFilter = { section: null, process: null, overdueOnly: false };

type Unit = { id: string; name: string; kind: string };

/** A user holding `role` in every unit given, acting in the first one. */
async function viewer(units: Unit[], role: RoleCode): Promise<WorklistViewer> {
  const user = await createUser(db, units.map((u) => ({ careUnitId: u.id, roleCode: role })));
  const [active] = units;
  return {
    userId: user.id,
    requestId: `req-${user.id}`,
    grant: await loadGrant(db, user.id, active.id, role, now),
    unit: { id: active.id, name: active.name, kind: active.kind },
    choices: await roleChoicesOf(db, user.id),
  };
}

/** One of the scenario's actors as the worklist sees it. */
async function asViewer(actor: StepActor, unit: Unit): Promise<WorklistViewer> {
  return { ...actor, unit: { id: unit.id, name: unit.name, kind: unit.kind }, choices: await roleChoicesOf(db, actor.userId) };
}

async function open(opening: CaseOpening, event: EventSubmission, actor: StepActor, hoursAgo = 0) {
  const result = await startCase(opening, event, actor, { db, now: new Date(now.getTime() - hoursAgo * 3_600_000) });
  if (!result.ok) throw new Error(`setup: ${result.message}`);
  return result.caseId;
}

const fvk = (patientId: string) => ({ patientId, contactKind: "FAST_VARDKONTAKT" as const });

/**
 * A vårdcentral with a request to appoint for, a visit to assess, a life-threatening
 * condition, an appointment whose notice is queued, an overdue review and a leaver who still
 * holds a contact; an overdue inskrivningsmeddelande on the ward; hemtjänst without a contact.
 */
async function unitWithWork() {
  const r = await region(db, now);
  const listed = () => createPatient(db, { listedAt: r.vc.id });
  const visited = await listed();
  const threatened = await listed();
  const appointed = await listed();
  const reviewed = await listed();
  const review = await createAssignment(db, { patientId: reviewed.id, staffMemberId: r.secondNurse.id, careUnitId: r.vc.id });
  await db.assignment.update({ where: { id: review.id }, data: { reviewDueDate: "2026-11-20" } });
  const leftsContact = await listed();
  await createAssignment(db, { patientId: leftsContact.id, staffMemberId: r.leftNurse.id, careUnitId: r.vc.id, kind: "ANNAN_FAST_KONTAKT" });
  const admitted = await createPatient(db);
  await db.careEpisode.create({ data: { patientId: admitted.id, careUnitId: r.ward.id, kind: "INPATIENT", startedAt: now } });

  // The steps in the order they happened: the audit chain refuses back-dated rows (decision 014).
  const notified = await open({ process: "PATIENT_REQUEST", ...fvk(appointed.id) }, { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-20" }, r.as.nurse, 120);
  const request = await open({ process: "PATIENT_REQUEST", ...fvk(r.patient.id) }, { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-22" }, r.as.nurse, 72);
  const lateReferral = await open(
    { process: "DISCHARGE_REFERRAL", ...fvk(admitted.id) },
    { type: "REGISTER_ADMISSION", admittedAt: "2026-11-23T08:00", expectedDischargeDate: "2026-11-30" },
    r.as.wardNurse,
    48,
  );
  const assessment = await open({ process: "ASSESSMENT", ...fvk(visited.id) }, { type: "REGISTER_VISIT", visitDate: "2026-11-24" }, r.as.doctor, 24);
  const lifeThreatening = await open(
    { process: "LIFE_THREATENING", ...fvk(threatened.id) },
    { type: "ASSESS_LIFE_THREATENING", informRelatives: "on" },
    r.as.doctor,
    2,
  );
  const step = await dispatch(notified, appoint(r.nurse.id), r.as.chief, { db, now });
  if (!step.ok) throw new Error(step.message);
  return { r, request, assessment, lifeThreatening, notified, review, lateReferral, patients: { visited, threatened, appointed, reviewed, admitted } };
}

const sectionIds = (page: WorklistPage) => page.sections.map((s) => s.id);
const rowIds = (page: WorklistPage, section: string) => page.sections.find((s) => s.id === section)?.rows.map((row) => row.id);

describe("sections per role, decided by permissions", () => {
  it("gives the verksamhetschef the appointments, cases, notices, reviews and leavers of the unit", async () => {
    const w = await unitWithWork();
    const page = await loadWorklist(db, await asViewer(w.r.as.chief, w.r.vc), all, now);
    expect(sectionIds(page)).toEqual(["utse", "arenden", "meddela", "omprovning", "slutar", "forsenat"]);
    // Oldest first when no deadline: the request came three days ago, the condition two hours ago.
    expect(rowIds(page, "utse")).toEqual([w.request, w.lifeThreatening]);
    expect(rowIds(page, "arenden")).toEqual([w.assessment]);
    expect(page.sections.find((s) => s.id === "meddela")?.rows).toMatchObject([{ kind: "notification", caseId: w.notified, patient: { id: w.patients.appointed.id } }]);
    expect(rowIds(page, "omprovning")).toEqual([w.review.id]);
    expect(rowIds(page, "slutar")).toEqual([w.r.leftNurse.id]);
    // The overdue review is the chief's own: the overview does not list it twice.
    expect(rowIds(page, "forsenat")).toEqual([]);
    expect(page.summary.map((s) => [s.id, s.count, s.overdue])).toEqual([
      ["utse", 2, 0],
      ["arenden", 1, 0],
      ["meddela", 1, 0],
      ["omprovning", 1, 1],
      ["slutar", 1, 1],
      ["forsenat", 0, 0],
    ]);
    expect([page.total, page.overdueTotal]).toEqual([6, 2]);
    const [request] = page.sections[0].rows;
    expect(request).toMatchObject({ kind: "case", step: "Fast kontakt ska utses", nextAction: "Utse fast kontakt", othersStep: false });
  });

  it("gives vårdpersonal the cases to document and the notices, but not the appointments they cannot make", async () => {
    const w = await unitWithWork();
    const page = await loadWorklist(db, await asViewer(w.r.as.nurse, w.r.vc), all, now);
    expect(sectionIds(page)).toEqual(["utse", "arenden", "meddela"]);
    expect(rowIds(page, "utse")).toEqual([]);
    expect(rowIds(page, "arenden")).toEqual([w.assessment]);
    expect(rowIds(page, "meddela")).toHaveLength(1);
  });

  it("gives the läkare the cases that need a läkare: the life-threatening condition awaiting a legitimerad läkare", async () => {
    const w = await unitWithWork();
    const page = await loadWorklist(db, await asViewer(w.r.as.doctor, w.r.vc), all, now);
    expect(sectionIds(page)).toEqual(["arenden", "lakare", "meddela"]);
    expect(rowIds(page, "arenden")).toEqual([w.assessment]);
    expect(rowIds(page, "lakare")).toEqual([w.lifeThreatening]);
    // The next step is the verksamhetschef's: shown, marked as someone else's.
    expect(page.sections[1].rows[0]).toMatchObject({ nextAction: "Utse fast kontakt", othersStep: true });
  });

  it("gives the enhetschef in hemtjänst the recipients without a fast omsorgskontakt, and drops those whose offer is under way", async () => {
    const w = await unitWithWork();
    const chief = await asViewer(w.r.as.homeCareChief, w.r.homeCare);
    const before = await loadWorklist(db, chief, all, now);
    expect(sectionIds(before)).toEqual(["utse", "arenden", "meddela", "omprovning", "hemtjanst", "slutar", "forsenat"]);
    expect(rowIds(before, "hemtjanst")).toEqual([w.r.homeCareService.id]);

    const offer = await open(
      { process: "HOME_CARE_CONTACT", patientId: w.r.patient.id, subjectId: w.r.homeCareService.id },
      { type: "OFFER_CONTACT", offeredOn: "2026-11-25" },
      w.r.as.homeCareChief,
    );
    const after = await loadWorklist(db, chief, all, now);
    expect(rowIds(after, "hemtjanst")).toEqual([]);
    expect(rowIds(after, "arenden")).toEqual([offer]);
  });

  it("gives the administrator the leavers and everything overdue across the units they administer, without links into other units", async () => {
    const w = await unitWithWork();
    const admin = await viewer([w.r.vc, w.r.ward], "ADMINISTRATOR");
    const page = await loadWorklist(db, admin, all, now);
    expect(sectionIds(page)).toEqual(["slutar", "forsenat"]);
    expect(rowIds(page, "slutar")).toEqual([w.r.leftNurse.id]);
    // The review was due 2026-11-20, the inskrivningsmeddelande 2026-11-24: the longest overdue first.
    const overdue = page.sections[1];
    expect(overdue.rows.map((row) => row.id)).toEqual([w.review.id, w.lateReferral]);
    expect(overdue.showUnit).toBe(true);
    expect(overdue.rows).toMatchObject([
      { kind: "review", unit: w.r.vc.name, ownUnit: true, due: { overdue: true, text: "Försenad 5 dagar" } },
      { kind: "case", unit: w.r.ward.name, ownUnit: false, due: { overdue: true, label: "Inskrivningsmeddelande" } },
    ]);
    expect(page.overviewUnits).toEqual(expect.arrayContaining([w.r.vc.name, w.r.ward.name]));
  });
});

describe("urgency", () => {
  it("puts the overdue first, then the nearest deadline, then cases without one, and says how late in words", async () => {
    const r = await region(db, now);
    const admitted = async (at: string, hoursAgo: number) => {
      const patient = await createPatient(db);
      await db.careEpisode.create({ data: { patientId: patient.id, careUnitId: r.ward.id, kind: "INPATIENT", startedAt: now } });
      return open(
        { process: "DISCHARGE_REFERRAL", ...fvk(patient.id) },
        { type: "REGISTER_ADMISSION", admittedAt: at, expectedDischargeDate: "2026-11-30" },
        r.as.wardNurse,
        hoursAgo,
      );
    };
    const requested = await createPatient(db);
    await db.careEpisode.create({ data: { patientId: requested.id, careUnitId: r.ward.id, kind: "INPATIENT", startedAt: now } });
    // Oldest of all, but without a deadline: it comes last.
    const noDeadline = await open({ process: "ASSESSMENT", ...fvk(requested.id) }, { type: "REGISTER_VISIT", visitDate: "2026-11-20" }, r.as.wardNurse, 120);
    const late = await admitted("2026-11-23T08:00", 48);
    const fresh = await admitted("2026-11-25T09:00", 0);

    const page = await loadWorklist(db, await asViewer(r.as.wardNurse, r.ward), { ...all, section: "arenden" }, now);
    expect(page.sections[0].rows.map((row) => row.id)).toEqual([late, fresh, noDeadline]);
    expect(page.sections[0].rows.map((row) => ("due" in row ? [row.due.overdue, row.due.text, row.due.when] : null))).toEqual([
      [true, "Försenad 1 dag", "2026-11-24 08:00"],
      [false, "Om 23 timmar", "2026-11-26 09:00"],
      [false, "Ingen tidsfrist", null],
    ]);
  });
});

describe("filters", () => {
  it("reads the GET form and ignores what it does not know instead of failing", () => {
    expect(parseWorklistFilter(new URLSearchParams("avsnitt=omprovning&process=ENDING&forsenade=1"))).toEqual({
      section: "omprovning",
      process: "ENDING",
      overdueOnly: true,
    });
    expect(parseWorklistFilter(new URLSearchParams("avsnitt=allt&process=toString&forsenade=ja"))).toEqual(all);
  });

  it("filters by process, by overdue and by section; the summary keeps every section with its filtered count", async () => {
    const w = await unitWithWork();
    const chief = await asViewer(w.r.as.chief, w.r.vc);

    const lifeThreatening = await loadWorklist(db, chief, { ...all, process: "LIFE_THREATENING" }, now);
    expect(rowIds(lifeThreatening, "utse")).toEqual([w.lifeThreatening]);
    expect(lifeThreatening.sections.every((s) => s.id === "utse" || s.count === 0)).toBe(true);
    expect(lifeThreatening.total).toBe(1);

    const overdue = await loadWorklist(db, chief, { ...all, overdueOnly: true }, now);
    expect(overdue.summary.filter((s) => s.count > 0).map((s) => s.id)).toEqual(["omprovning", "slutar"]);

    const reviews = await loadWorklist(db, chief, { ...all, section: "omprovning" }, now);
    expect(sectionIds(reviews)).toEqual(["omprovning"]);
    expect(reviews.summary).toHaveLength(6);
    expect(reviews.filtered).toBe(true);

    // A section the role does not have is no filter at all.
    const nurse = await loadWorklist(db, await asViewer(w.r.as.nurse, w.r.vc), { ...all, section: "slutar" }, now);
    expect(sectionIds(nurse)).toEqual(["utse", "arenden", "meddela"]);
    expect(nurse.filter.section).toBeNull();
  });
});

describe("access log (HSLF-FS 2016:40 4 kap. 9 §)", () => {
  async function logged(userId: string) {
    return db.accessLog.findMany({ where: { userId }, select: { patientId: true, action: true, roleCode: true, careUnitId: true, at: true } });
  }

  it("logs every patient shown once, as worklist.view with the user's role and unit, and no patient filtered away", async () => {
    const w = await unitWithWork();
    const chief = await asViewer(w.r.as.chief, w.r.vc);
    await loadWorklist(db, chief, all, now);
    const rows = await logged(chief.userId);
    const shown = [w.r.patient.id, w.patients.visited.id, w.patients.threatened.id, w.patients.appointed.id, w.patients.reviewed.id];
    expect(rows.map((row) => row.patientId).sort()).toEqual([...shown].sort());
    expect(new Set(rows.map((row) => `${row.action} ${row.roleCode} ${row.careUnitId} ${row.at.toISOString()}`))).toEqual(
      new Set([`worklist.view VERKSAMHETSCHEF ${w.r.vc.id} ${now.toISOString()}`]),
    );

    const filteredAt = new Date(now.getTime() + 60_000);
    await loadWorklist(db, chief, { ...all, process: "LIFE_THREATENING" }, filteredAt);
    const later = (await logged(chief.userId)).filter((row) => row.at.getTime() === filteredAt.getTime());
    expect(later.map((row) => row.patientId)).toEqual([w.patients.threatened.id]);
  });

  it("writes nothing when no patient is shown", async () => {
    const w = await unitWithWork();
    const admin = await viewer([w.r.ward], "ADMINISTRATOR");
    const page = await loadWorklist(db, admin, { ...all, section: "slutar" }, now);
    expect(page.sections[0].rows).toEqual([]);
    expect(await logged(admin.userId)).toEqual([]);
  });
});

describe("the start page's loader", () => {
  it("answers any filter value with the worklist, never an error", async () => {
    const { r } = await unitWithWork();
    const { cookie } = await signedIn(db, r.vc.id, "VERKSAMHETSCHEF");
    const page = await loader({ request: request("/?avsnitt=%00&process=%3Cscript%3E&forsenade=2", cookie), params: {}, context: {} });
    expect(page.filter).toEqual(all);
    expect(page.unitName).toBe(r.vc.name);
    expect(page.sections.map((s) => s.id)).toEqual(["utse", "arenden", "meddela", "omprovning", "slutar", "forsenat"]);
  });
});
