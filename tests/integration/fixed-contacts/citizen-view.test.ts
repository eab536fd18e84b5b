// "Så ser patienten det på 1177" (issue 6 §1; seed §5.1, §6): staff see exactly what the
// patient would, and nothing staff-only. The page is checked as the patient would read it:
// the loader's data rendered by the page's own card component.
import { freshDatabaseEachTest } from "../../setup/setup-test-env";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { requireActor } from "~/auth/actor.server";
import { CitizenContactCard } from "~/components/citizen-contact-card";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { loadCitizenView, type CitizenView } from "~/fixed-contacts/citizen-view.server";
import { action as citizenAction, loader as citizenLoader } from "~/routes/_app.patienter.$patientId_.1177";
import { loader as patientLoader } from "~/routes/_app.patienter.$patientId";
import { createPatient, createStaff, createUnit, request, signedIn } from "../../factories";
import { statusOf, thrown } from "../../setup/responses";

const args = (req: Request, patientId: string) => ({ request: req, params: { patientId }, context: {} });
const hour = 3_600_000;

// Each test writes its history at fixed past times: a fresh database each time (decision 014).
freshDatabaseEachTest();
const now = new Date("2026-11-26T12:00:00Z");

/** What the patient reads: the cards' text, as the page renders them. */
const shownText = (view: Pick<CitizenView, "contacts">) =>
  view.contacts.map((c) => renderToStaticMarkup(createElement(CitizenContactCard, { contact: c })).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).join("\n");

/** A vårdcentral with everything a unit can hold, a nurse there with a direct phone, and a signed-in user of the unit. */
async function setting() {
  const unit = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Testvik");
  await db.contactWay.create({
    data: { careUnitId: unit.id, kind: "E_SERVICE", label: "Kontakta oss via 1177", value: "https://e-tjanster.1177.se/testvik", contactTimes: "Dygnet runt" },
  });
  const team = await db.team.create({
    data: {
      careUnitId: unit.id,
      name: "Team Blå",
      phone: "0771-44 55 66",
      comment: "Teamet ringer upp samma dag.",
      contactTimes: "Vardagar 08–12",
      contactWays: { create: { kind: "E_SERVICE", label: "Teamets e-tjänst", value: "https://e-tjanster.1177.se/team-bla", contactTimes: "Svar inom två dagar" } },
    },
  });
  const nurse = await createStaff(db, unit.id, "206011");
  await db.staffMember.update({ where: { id: nurse.id }, data: { firstName: "Maja", lastName: "Sköterska", directPhone: "070-111 22 33" } });
  const patient = await createPatient(db, { listedAt: unit.id });
  const user = await signedIn(db, unit.id, "VARDPERSONAL");
  const contact = (data: Record<string, unknown> = {}) =>
    db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: patient.id, careUnitId: unit.id, staffMemberId: nurse.id, startedAt: new Date(now.getTime() - 24 * hour), ...data },
    });
  return { unit, team, nurse, patient, user, contact };
}

const actorOf = (cookie: string) => requireActor(request("/", cookie), {});

describe("what the patient sees", () => {
  it("shows only contacts running now: an ended one and one that starts tomorrow are gone", async () => {
    const s = await setting();
    const running = await s.contact();
    await s.contact({ endedAt: new Date(now.getTime() - hour) });
    const startsTomorrow = await s.contact({ startedAt: new Date(now.getTime() + 24 * hour) });
    const endsTomorrow = await s.contact({ endedAt: new Date(now.getTime() + 24 * hour) });

    const view = await loadCitizenView(db, await actorOf(s.user.cookie), s.patient.id, { now });
    expect(view!.contacts.map((c) => c.id).sort()).toEqual([running.id, endsTomorrow.id].sort());
    // A day later the one that ended is gone and the one that started shows.
    const later = await loadCitizenView(db, await actorOf(s.user.cookie), s.patient.id, { now: new Date(now.getTime() + 25 * hour) });
    expect(later!.contacts.map((c) => c.id).sort()).toEqual([running.id, startsTomorrow.id].sort());
  });

  it("shows the unit's public phone, address, city and e-services, the team, and the message to the patient, never the vård-till-vård phone or the internal note", async () => {
    const s = await setting();
    await s.contact({ teamId: s.team.id, externalNote: "Ring gärna före besöket.", internalNote: "Intern: hörselnedsättning" });

    const view = await loadCitizenView(db, await actorOf(s.user.cookie), s.patient.id, { now });
    const text = shownText(view!);
    expect(text).toContain("Fast vårdkontakt");
    expect(text).toContain("Maja Sköterska");
    expect(text).toContain("Vårdcentralen Testvik");
    expect(text).toContain("Storgatan 1");
    expect(text).toContain("111 11 Norrsjö");
    expect(text).toContain("0771-11 22 33");
    expect(text).toContain("Kontakta oss via 1177: https://e-tjanster.1177.se/testvik Dygnet runt");
    expect(text).toContain("Team: Team Blå");
    expect(text).toContain("0771-44 55 66 Vardagar 08–12");
    expect(text).toContain("Teamet ringer upp samma dag.");
    expect(text).toContain("Teamets e-tjänst: https://e-tjanster.1177.se/team-bla Svar inom två dagar");
    expect(text).toContain("Meddelande till dig Ring gärna före besöket.");
    // Neither in what is shown nor anywhere in the data the page receives.
    for (const staffOnly of ["010-123 45 67", "Intern: hörselnedsättning"]) {
      expect(text).not.toContain(staffOnly);
      expect(JSON.stringify(view)).not.toContain(staffOnly);
    }
  });

  it("shows the direct phone only where the assignment allows it", async () => {
    const s = await setting();
    await s.contact();
    const hidden = await loadCitizenView(db, await actorOf(s.user.cookie), s.patient.id, { now });
    expect(shownText(hidden!)).not.toContain("070-111 22 33");
    expect(JSON.stringify(hidden)).not.toContain("070-111 22 33");

    await db.assignment.updateMany({ where: { patientId: s.patient.id }, data: { directPhoneVisibleToPatient: true } });
    const shown = await loadCitizenView(db, await actorOf(s.user.cookie), s.patient.id, { now });
    expect(shownText(shown!)).toContain("Direktnummer 070-111 22 33");
  });

  it("shows a handläggare by role, befattning and what to contact her about — never her name, HSA-id, phone or own ways of contact (seed §5.1)", async () => {
    const s = await setting();
    const handlaggare = await createStaff(db, s.unit.id, "351012");
    await db.staffMember.update({
      where: { id: handlaggare.id },
      data: {
        firstName: "Lena",
        lastName: "Handläggare",
        directPhone: "070-999 88 77",
        contactWays: { create: { kind: "DIGITAL", label: "Chatt med handläggaren", value: "https://chatt.example/lena" } },
      },
    });
    await db.assignment.create({
      data: {
        kind: "ANNAN_FAST_KONTAKT",
        roleTitle: "Biståndshandläggare",
        contactAbout: "Frågor om ditt biståndsbeslut",
        directPhoneVisibleToPatient: true,
        patientId: s.patient.id,
        careUnitId: s.unit.id,
        staffMemberId: handlaggare.id,
        startedAt: new Date(now.getTime() - hour),
      },
    });

    const view = await loadCitizenView(db, await actorOf(s.user.cookie), s.patient.id, { now });
    const text = shownText(view!);
    expect(text).toContain("Biståndshandläggare");
    expect(text).toContain("Biståndsbedömare");
    expect(text).toContain("Kontakta om Frågor om ditt biståndsbeslut");
    expect(text).toContain("Du kontaktar din handläggare via enheten nedan.");
    expect(text).toContain("0771-11 22 33");
    for (const personal of ["Lena", "Lena Handläggare", handlaggare.hsaId, "070-999 88 77", "Chatt med handläggaren", "chatt.example"]) {
      expect(text).not.toContain(personal);
      expect(JSON.stringify(view)).not.toContain(personal);
    }
  });

  it("names each kind as KV Typ av fast kontakt does: code 4 for övergripande samordningsansvar, an annan fast kontakt by its role title", async () => {
    const s = await setting();
    const doctor = await createStaff(db, s.unit.id, "201010");
    await s.contact({ overallCoordination: true, coordinationConsentAt: new Date(now.getTime() - 24 * hour) });
    await s.contact({ kind: "FAST_LAKARKONTAKT", staffMemberId: doctor.id });
    await s.contact({ kind: "ANNAN_FAST_KONTAKT", roleTitle: "Diabetessköterska", contactAbout: "Frågor om din diabetes" });

    const view = await loadCitizenView(db, await actorOf(s.user.cookie), s.patient.id, { now });
    const headings = view!.contacts.map((c) => renderToStaticMarkup(createElement(CitizenContactCard, { contact: c })).match(/citizen-card__kind">([^<]+)</)?.[1]);
    expect(headings).toEqual(["Fast läkarkontakt i primärvård", "Fast vårdkontakt med övergripande samordningsansvar", "Diabetessköterska"]);
  });
});

describe("the page", () => {
  it("writes a patient.citizen-view access-log row naming the user, role and unit", async () => {
    const s = await setting();
    await s.contact();
    const page = await citizenLoader(args(request(`/patienter/${s.patient.id}/1177`, s.user.cookie), s.patient.id));
    expect(page).toMatchObject({ locked: false, patient: { id: s.patient.id }, patientPath: `/patienter/${s.patient.id}` });
    expect(await db.accessLog.findMany({ where: { patientId: s.patient.id } })).toEqual([
      expect.objectContaining({ userId: s.user.user.id, roleCode: "VARDPERSONAL", careUnitId: s.unit.id, action: "patient.citizen-view", reason: null }),
    ]);
  });

  it("shows an empty list for a patient without active contacts", async () => {
    const s = await setting();
    await s.contact({ endedAt: new Date(Date.now() - hour) });
    const page = await citizenLoader(args(request(`/patienter/${s.patient.id}/1177`, s.user.cookie), s.patient.id));
    expect(page).toMatchObject({ locked: false, contacts: [] });
  });

  it("answers 404 for a patient known only at another unit, and logs nothing", async () => {
    const s = await setting();
    const elsewhere = await createUnit(db);
    const stranger = await signedIn(db, elsewhere.id, "VARDPERSONAL");
    const error = await thrown(citizenLoader(args(request(`/patienter/${s.patient.id}/1177`, stranger.cookie), s.patient.id)));
    expect(statusOf(error)).toBe(404);
    expect(await db.accessLog.count({ where: { patientId: s.patient.id } })).toBe(0);
  });

  it("asks for a reason for a protected identity, logs it with the view, and is reached from the patient page under the same unlock", async () => {
    const unit = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unit.id, protectedIdentity: true });
    const { cookie, user } = await signedIn(db, unit.id, "VARDPERSONAL");
    const url = `/patienter/${patient.id}/1177`;

    expect(await citizenLoader(args(request(url, cookie), patient.id))).toEqual({ locked: true });
    expect(await db.accessLog.count({ where: { patientId: patient.id } })).toBe(0);
    const tooShort = await citizenAction(args(request(url, cookie, { method: "POST", body: new URLSearchParams({ reason: "x" }) }), patient.id));
    expect(statusOf(tooShort)).toBe(400);

    const redirect = await thrown(
      citizenAction(args(request(url, cookie, { method: "POST", body: new URLSearchParams({ reason: "Kontrollerar 1177-visningen" }) }), patient.id)),
    );
    expect(statusOf(redirect)).toBe(302);
    const location = (redirect as Response).headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^${url}\\?atkomst=\\d+$`));
    const unlock = location.split("?")[1];

    const page = await citizenLoader(args(request(location, cookie), patient.id));
    expect(page).toMatchObject({ locked: false, patientPath: `/patienter/${patient.id}?${unlock}` });
    // The patient page links here with the same unlock, so the reason is not asked again.
    const patientPage = await patientLoader(args(request(`/patienter/${patient.id}?${unlock}`, cookie), patient.id));
    expect(patientPage).toMatchObject({ locked: false, citizenViewPath: `${url}?${unlock}` });

    const rows = await db.accessLog.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.reason])).toEqual([
      ["patient.unlock", "Kontrollerar 1177-visningen"],
      ["patient.citizen-view", "Kontrollerar 1177-visningen"],
      ["patient.view", "Kontrollerar 1177-visningen"],
    ]);
  });
});

describe("the staff patient page beside the 1177 view", () => {
  it("shows a change set ahead from both sides until it takes effect, while the 1177 view shows the running one", async () => {
    const s = await setting();
    const tomorrow = new Date(Date.now() + 24 * hour);
    const leaving = await s.contact({ endedAt: tomorrow, overallCoordination: false });
    const replacement = await s.contact({ startedAt: tomorrow });
    await s.contact({ endedAt: new Date(Date.now() - hour) });
    const page = await patientLoader(args(request(`/patienter/${s.patient.id}`, s.user.cookie), s.patient.id));
    if (page.locked) throw new Error("not a protected patient");
    const byId = new Map(page.contacts.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual([leaving.id, replacement.id].sort());
    expect(byId.get(leaving.id)).toMatchObject({ upcoming: false, until: isoDateInStockholm(tomorrow) });
    expect(byId.get(replacement.id)).toMatchObject({ upcoming: true, until: null, since: isoDateInStockholm(tomorrow) });
    const citizen = await loadCitizenView(db, await actorOf(s.user.cookie), s.patient.id, { now: new Date() });
    expect(citizen?.contacts.map((c) => c.id)).toEqual([leaving.id]);
  });
});


