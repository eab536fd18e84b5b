// The administrator's audit pages: a patient's log extract (PDL 8 kap. 5 §: the patient
// may ask who changed and who read their data) and a user's log, scoped to the units the
// administrator administers, and themselves access-logged.
import { describe, expect, it } from "vitest";
import { logAccess, recordAudit, type AccessAction } from "~/audit.server";
import { verifyAndRecord } from "~/audit/verify.server";
import { createSession, sessionCookieHeader } from "~/auth/session.server";
import { db } from "~/db.server";
import type { RoleCode } from "~/domain/permissions";
import { t } from "~/i18n";
import { loader as extractLoader } from "~/routes/_app.logg.patient.$patientId";
import { loader as startLoader } from "~/routes/_app.logg._index";
import { loader as userLoader } from "~/routes/_app.logg.anvandare.$userId";
import { loader as csvLoader } from "~/routes/logg.patient.$patientId.loggutdrag[.csv]";
import { freshDatabaseEachTest } from "../setup/setup-test-env";
import { createPatient, createUnit, createUser, request, signedIn } from "../factories";
import { statusOf, thrown } from "../setup/responses";

// A database per test: the tests write history at fixed past times, and the audit chain
// refuses a row dated before its newest one (docs/decisions/014) — such as the access rows the
// pages themselves write at the real time.
freshDatabaseEachTest();

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

/** A user with the role at every unit, acting at the first one; and the session cookie. */
async function signedInAt(units: { id: string }[], roleCode: RoleCode = "ADMINISTRATOR") {
  const user = await createUser(
    db,
    units.map((u) => ({ careUnitId: u.id, roleCode })),
  );
  const sessionId = await createSession(db, user.id, new Date());
  await db.session.update({ where: { id: sessionId }, data: { activeUnitId: units[0].id, activeRole: roleCode } });
  const cookie = (await sessionCookieHeader(sessionId)).split(";")[0];
  return { user, cookie };
}

type Who = { userId: string | null; roleCode?: string | null; careUnitId: string | null };

/** A change as the app records it (app/audit.server.ts): the rows form the hash chain. */
const change = (patientId: string | null, who: Who, at: string, extra: Record<string, unknown> = {}) => {
  const { action = "refusal.create", entityType = "Refusal", entityId = `refusal-${at}`, requestId = `req-${at}`, delegationId = null, before, after } = extra as Record<string, string | undefined | null>;
  const parsed = (json: string | null | undefined) => (typeof json === "string" ? JSON.parse(json) : undefined);
  return db.$transaction((tx) =>
    recordAudit(tx, { userId: who.userId, roleCode: who.roleCode ?? "VARDPERSONAL", careUnitId: who.careUnitId, requestId }, new Date(at), {
      action: action!, entityType: entityType!, entityId: entityId!, patientId, delegationId, before: parsed(before), after: parsed(after),
    }),
  );
};

/** A view as the app logs it. */
const view = (patientId: string, who: Who, at: string, extra: Record<string, unknown> = {}) => {
  const { action = "patient.view", reason = null, consumerSystem = null, requestId = `req-view-${at}` } = extra as Record<string, string | null>;
  return logAccess(
    db,
    { userId: who.userId, roleCode: who.roleCode === undefined ? "VARDPERSONAL" : who.roleCode, careUnitId: who.careUnitId, requestId, consumerSystem },
    new Date(at),
    [patientId],
    action as AccessAction,
    reason,
  );
};

async function extract(patientId: string, cookie: string, search = "") {
  return extractLoader(args(request(`/logg/patient/${patientId}${search}`, cookie), { patientId }));
}

// Filters below end before today, so the extract's own "audit.extract" row stays out of them.
const BEFORE_TODAY = "?till=2026-06-30";

describe("a patient's log extract", () => {
  it("lists the patient's changes and views newest first, with who, role, unit, delegation, reason and request, and nothing of others", async () => {
    const vc = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Extrakt");
    const patient = await createPatient(db, { listedAt: vc.id });
    const other = await createPatient(db, { listedAt: vc.id });
    const chief = await createUser(db, [{ careUnitId: vc.id, roleCode: "VERKSAMHETSCHEF" }]);
    const nurse = await createUser(db, [{ careUnitId: vc.id, roleCode: "VARDPERSONAL" }]);
    const delegation = await db.delegation.create({
      data: {
        careUnitId: vc.id,
        delegatorId: chief.id,
        delegateId: nurse.id,
        permissionCode: "appoint:fast-vardkontakt",
        validFrom: new Date("2026-01-01T00:00:00Z"),
      },
    });
    const asNurse = { userId: nurse.id, careUnitId: vc.id };
    await change(patient.id, asNurse, "2026-02-01T09:00:00Z", {
      action: "case.step",
      entityType: "ProcessCase",
      delegationId: delegation.id,
      after: JSON.stringify({ process: "PATIENT_REQUEST", event: "APPOINT" }),
    });
    await change(other.id, asNurse, "2026-02-01T10:00:00Z");
    await view(patient.id, asNurse, "2026-02-02T09:00:00Z", { reason: "Utser fast vårdkontakt" });
    await view(other.id, asNurse, "2026-02-02T10:00:00Z");
    await view(patient.id, { userId: null, roleCode: null, careUnitId: null }, "2026-02-03T09:00:00Z", {
      consumerSystem: "1177 Vårdguiden",
      action: "api.read",
    });
    const admin = await signedInAt([vc]);

    const page = await extract(patient.id, admin.cookie, BEFORE_TODAY);
    expect(page.patient).toMatchObject({ id: patient.id, identifier: `${patient.identifier.slice(0, 8)}-${patient.identifier.slice(8)}` });
    expect(page.log!.counts).toEqual({ changes: 1, views: 2, total: 3 });
    expect(page.log!.rows.map((r) => [r.kind, r.action, r.at])).toEqual([
      ["view", "api.read", "2026-02-03T09:00:00.000Z"],
      ["view", "patient.view", "2026-02-02T09:00:00.000Z"],
      ["change", "case.step", "2026-02-01T09:00:00.000Z"],
    ]);
    expect(page.log!.rows.every((r) => r.patientId === patient.id)).toBe(true);
    const [system, viewed, changed] = page.log!.rows;
    expect(system).toMatchObject({ user: null, consumerSystem: "1177 Vårdguiden", unitName: null });
    expect(viewed).toMatchObject({
      user: { id: nurse.id, name: nurse.displayName },
      roleCode: "VARDPERSONAL",
      unitName: "Vårdcentralen Extrakt",
      reason: "Utser fast vårdkontakt",
      requestId: "req-view-2026-02-02T09:00:00Z",
    });
    expect(changed).toMatchObject({
      entityType: "ProcessCase",
      delegationId: delegation.id,
      delegatorName: chief.displayName,
      step: { process: "PATIENT_REQUEST", event: "APPOINT" },
      requestId: "req-2026-02-01T09:00:00Z",
    });
  });

  it("is itself written to the patient's access log, with the administrator's role and active unit, and lists that opening", async () => {
    const vc = await createUnit(db);
    const patient = await createPatient(db, { listedAt: vc.id });
    const admin = await signedInAt([vc]);

    const page = await extract(patient.id, admin.cookie);
    const rows = await db.accessLog.findMany({ where: { patientId: patient.id } });
    expect(rows).toEqual([
      expect.objectContaining({ userId: admin.user.id, roleCode: "ADMINISTRATOR", careUnitId: vc.id, action: "audit.extract" }),
    ]);
    expect(page.log!.rows.map((r) => [r.action, r.user?.id])).toEqual([["audit.extract", admin.user.id]]);
  });

  it("covers every unit the administrator administers, not only the active one, and leaves out what other units did", async () => {
    const active = await createUnit(db);
    const alsoAdministered = await createUnit(db, "SLUTENVARD");
    const otherProvider = await createUnit(db, "HEMTJANST");
    const patient = await createPatient(db, { listedAt: alsoAdministered.id });
    await db.homeCareService.create({ data: { patientId: patient.id, careUnitId: otherProvider.id, from: "2026-01-01" } });
    const elsewhere = await createUser(db, [{ careUnitId: otherProvider.id, roleCode: "ENHETSCHEF_HEMTJANST" }]);
    const here = await createUser(db, [{ careUnitId: alsoAdministered.id, roleCode: "VARDPERSONAL" }]);
    await view(patient.id, { userId: elsewhere.id, careUnitId: otherProvider.id }, "2026-03-01T09:00:00Z");
    await change(patient.id, { userId: elsewhere.id, careUnitId: otherProvider.id }, "2026-03-01T10:00:00Z");
    await view(patient.id, { userId: here.id, careUnitId: alsoAdministered.id }, "2026-03-02T09:00:00Z");
    const admin = await signedInAt([active, alsoAdministered]);

    const page = await extract(patient.id, admin.cookie, BEFORE_TODAY);
    expect(page.log!.rows.map((r) => r.user?.id)).toEqual([here.id]);
    expect(page.units.sort()).toEqual([active.name, alsoAdministered.name].sort());
  });

  it("answers 404 for a patient known only at units the administrator does not administer, and logs nothing", async () => {
    const mine = await createUnit(db);
    const theirs = await createUnit(db);
    const patient = await createPatient(db, { listedAt: theirs.id });
    const admin = await signedInAt([mine]);

    expect(statusOf(await thrown(extract(patient.id, admin.cookie)))).toBe(404);
    expect(statusOf(await thrown(extract("finns-inte", admin.cookie)))).toBe(404);
    const csv = await thrown(csvLoader(args(request(`/logg/patient/${patient.id}/loggutdrag.csv`, admin.cookie), { patientId: patient.id })));
    expect(statusOf(csv)).toBe(404);
    expect(await db.accessLog.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("filters by calendar days in Stockholm time, both ends inclusive, also on the day clocks go forward", async () => {
    const vc = await createUnit(db);
    const patient = await createPatient(db, { listedAt: vc.id });
    const who = { userId: null, careUnitId: vc.id };
    // 2026-03-02 in Stockholm (CET, UTC+1) runs from 2026-03-01T23:00Z to 2026-03-02T23:00Z.
    for (const at of ["2026-03-01T22:59:59.999Z", "2026-03-01T23:00:00.000Z", "2026-03-02T22:59:59.999Z", "2026-03-02T23:00:00.000Z"]) {
      await view(patient.id, who, at);
    }
    // 2026-03-29 has 23 hours: from 2026-03-28T23:00Z (CET) to 2026-03-29T22:00Z (CEST).
    for (const at of ["2026-03-28T22:59:59.999Z", "2026-03-28T23:00:00.000Z", "2026-03-29T21:59:59.999Z", "2026-03-29T22:00:00.000Z"]) {
      await change(patient.id, who, at);
    }
    const admin = await signedInAt([vc]);

    const winter = await extract(patient.id, admin.cookie, "?fran=2026-03-02&till=2026-03-02");
    expect(winter.log!.rows.map((r) => r.at)).toEqual(["2026-03-02T22:59:59.999Z", "2026-03-01T23:00:00.000Z"]);
    const dstDay = await extract(patient.id, admin.cookie, "?fran=2026-03-29&till=2026-03-29");
    expect(dstDay.log!.rows.map((r) => r.at)).toEqual(["2026-03-29T21:59:59.999Z", "2026-03-28T23:00:00.000Z"]);
    const onlyFrom = await extract(patient.id, admin.cookie, "?fran=2026-03-29&till=2026-06-30");
    expect(onlyFrom.log!.rows.map((r) => r.at)).toEqual(["2026-03-29T22:00:00.000Z", "2026-03-29T21:59:59.999Z", "2026-03-28T23:00:00.000Z"]);
    const onlyViews = await extract(patient.id, admin.cookie, "?till=2026-06-30&typ=visningar");
    expect(onlyViews.log!.counts).toEqual({ changes: 0, views: 4, total: 4 });
    expect(onlyViews.log!.rows.every((r) => r.kind === "view")).toBe(true);
  });

  it("says next to the field what is wrong with a date and shows no rows until it is fixed", async () => {
    const vc = await createUnit(db);
    const patient = await createPatient(db, { listedAt: vc.id });
    const admin = await signedInAt([vc]);

    const badDate = await extract(patient.id, admin.cookie, "?fran=2026-02-30");
    expect(badDate.errors).toEqual({ fran: t("event.dateFormat") });
    expect(badDate.log).toBeNull();
    const reversed = await extract(patient.id, admin.cookie, "?fran=2026-03-02&till=2026-03-01");
    expect(reversed.errors).toEqual({ till: t("audit.filter.toBeforeFrom") });
    expect(reversed.values).toEqual({ fran: "2026-03-02", till: "2026-03-01", typ: "alla" });
  });

  it("pages 100 rows at a time through changes and views merged newest first, without gaps or repeats", async () => {
    const vc = await createUnit(db);
    const patient = await createPatient(db, { listedAt: vc.id });
    const base = Date.parse("2026-04-01T08:00:00Z");
    const minute = (i: number) => new Date(base + i * 60_000);
    // 230 rows: every third minute a change, the rest views.
    const common = { userId: null, roleCode: null, careUnitId: vc.id, patientId: patient.id };
    const who = { userId: null, roleCode: null, careUnitId: vc.id };
    for (let i = 0; i < 230; i++) {
      const at = minute(i).toISOString();
      if (i % 3 === 0) await change(patient.id, who, at, { entityId: `r${i}`, requestId: null });
      else await view(patient.id, who, at, { requestId: null });
    }
    const admin = await signedInAt([vc]);

    const pages = [];
    for (const sida of [1, 2, 3]) pages.push((await extract(patient.id, admin.cookie, `${BEFORE_TODAY}&sida=${sida}`)).log!);
    expect(pages.map((p) => [p.page, p.pages, p.first, p.last, p.rows.length])).toEqual([
      [1, 3, 1, 100, 100],
      [2, 3, 101, 200, 100],
      [3, 3, 201, 230, 30],
    ]);
    expect(pages[0].counts).toEqual({ changes: 77, views: 153, total: 230 });
    const times = pages.flatMap((p) => p.rows.map((r) => Date.parse(r.at)));
    expect(times).toEqual(Array.from({ length: 230 }, (_, i) => minute(229 - i).getTime()));

    const beyond = await extract(patient.id, admin.cookie, `${BEFORE_TODAY}&sida=99`);
    expect(beyond.log!.page).toBe(3);
    const nonsense = await extract(patient.id, admin.cookie, `${BEFORE_TODAY}&sida=-1`);
    expect(nonsense.log!.page).toBe(1);
  });
});

describe("the extract as CSV", () => {
  it("holds the same rows in Swedish, UTF-8 with BOM, quotes ; \" and line breaks, and logs the download", async () => {
    const vc = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Åby");
    const patient = await createPatient(db, { listedAt: vc.id });
    const nurse = await createUser(db, [{ careUnitId: vc.id, roleCode: "VARDPERSONAL" }]);
    await view(patient.id, { userId: nurse.id, careUnitId: vc.id }, "2026-05-04T07:30:00Z", {
      reason: 'Bedömer; "akut"\nandra raden',
    });
    await change(patient.id, { userId: nurse.id, careUnitId: vc.id }, "2026-05-03T07:30:00Z", { action: "something.new" });
    const admin = await signedInAt([vc]);
    const url = `/logg/patient/${patient.id}/loggutdrag.csv${BEFORE_TODAY}`;

    const response = (await csvLoader(args(request(url, admin.cookie), { patientId: patient.id }))) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="loggutdrag-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const identifier = `${patient.identifier.slice(0, 8)}-${patient.identifier.slice(8)}`;
    const patientName = `${patient.firstName} ${patient.lastName}`;
    expect(text).toBe(
      [
        "Tidpunkt;Typ;Händelse;Uppgift;Vem;Roll;Enhet eller system;Delegering eller skäl;Begäran-id;Patient;Personnummer",
        `2026-05-04 09:30:00;Visning;Öppnade patientsidan;;${nurse.displayName};Sjuksköterska / vårdpersonal;Vårdcentralen Åby;"Skäl: Bedömer; ""akut""\nandra raden";req-view-2026-05-04T07:30:00Z;${patientName};${identifier}`,
        `2026-05-03 09:30:00;Ändring;something.new;Avböjande refusal-2026-05-03T07:30:00Z;${nurse.displayName};Sjuksköterska / vårdpersonal;Vårdcentralen Åby;;req-2026-05-03T07:30:00Z;${patientName};${identifier}`,
        "",
      ].join("\r\n"),
    );
    const logged = await db.accessLog.findMany({ where: { patientId: patient.id, userId: admin.user.id } });
    expect(logged.map((r) => r.action)).toEqual(["audit.export"]);
  });

  it("refuses a hand-made address with a broken filter with 400, not 500", async () => {
    const vc = await createUnit(db);
    const patient = await createPatient(db, { listedAt: vc.id });
    const admin = await signedInAt([vc]);
    const error = await thrown(
      csvLoader(args(request(`/logg/patient/${patient.id}/loggutdrag.csv?fran=igår`, admin.cookie), { patientId: patient.id })),
    );
    expect(statusOf(error)).toBe(400);
  });
});

describe("a user's log", () => {
  it("lists what the user changed and which patients they viewed, names the patients, and access-logs each one shown", async () => {
    const vc = await createUnit(db);
    const first = await createPatient(db, { listedAt: vc.id, lastName: "Första" });
    const second = await createPatient(db, { listedAt: vc.id, protectedIdentity: true, lastName: "Andra" });
    const nurse = await createUser(db, [{ careUnitId: vc.id, roleCode: "VARDPERSONAL" }]);
    const colleague = await createUser(db, [{ careUnitId: vc.id, roleCode: "VARDPERSONAL" }]);
    await change(first.id, { userId: nurse.id, careUnitId: vc.id }, "2026-02-01T09:00:00Z");
    await view(second.id, { userId: nurse.id, careUnitId: vc.id }, "2026-02-02T09:00:00Z", { reason: "Akut" });
    await change(null, { userId: nurse.id, careUnitId: vc.id }, "2026-02-03T09:00:00Z", { action: "staff.update", entityType: "StaffMember" });
    await view(first.id, { userId: colleague.id, careUnitId: vc.id }, "2026-02-02T10:00:00Z");
    const admin = await signedInAt([vc]);

    const page = await userLoader(args(request(`/logg/anvandare/${nurse.id}`, admin.cookie), { userId: nurse.id }));
    expect(page.user).toMatchObject({ id: nurse.id, username: nurse.username, roles: [{ roleCode: "VARDPERSONAL", unitName: vc.name }] });
    expect(page.log!.rows.map((r) => [r.kind, r.action, r.patientId])).toEqual([
      ["change", "staff.update", null],
      ["view", "patient.view", second.id],
      ["change", "refusal.create", first.id],
    ]);
    expect(page.patients[second.id]).toMatchObject({ name: "Test Andra", protectedIdentity: true, inScope: true });
    const logged = await db.accessLog.findMany({ where: { userId: admin.user.id }, orderBy: { patientId: "asc" } });
    expect(logged.map((r) => [r.patientId, r.action]).sort()).toEqual(
      [
        [first.id, "audit.user-log"],
        [second.id, "audit.user-log"],
      ].sort(),
    );
  });

  it("answers 404 for a user who has neither a role nor a trace at the administrator's units", async () => {
    const mine = await createUnit(db);
    const theirs = await createUnit(db);
    const stranger = await createUser(db, [{ careUnitId: theirs.id, roleCode: "VARDPERSONAL" }]);
    const formerColleague = await createUser(db, [{ careUnitId: theirs.id, roleCode: "VARDPERSONAL" }]);
    const patient = await createPatient(db, { listedAt: mine.id });
    await view(patient.id, { userId: formerColleague.id, careUnitId: mine.id }, "2026-02-02T09:00:00Z");
    const admin = await signedInAt([mine]);

    const error = await thrown(userLoader(args(request(`/logg/anvandare/${stranger.id}`, admin.cookie), { userId: stranger.id })));
    expect(statusOf(error)).toBe(404);
    const former = await userLoader(args(request(`/logg/anvandare/${formerColleague.id}`, admin.cookie), { userId: formerColleague.id }));
    expect(former.user.roles).toEqual([]);
    expect(former.log!.counts.total).toBe(1);
  });
});

describe("the search page", () => {
  it("tells when the audit chain was last verified and whether it held, or that it never was", async () => {
    const vc = await createUnit(db);
    const patient = await createPatient(db, { listedAt: vc.id });
    const admin = await signedInAt([vc]);
    expect((await startLoader(args(request("/logg", admin.cookie)))).verification).toBeNull();

    await view(patient.id, { userId: admin.user.id, careUnitId: vc.id }, "2026-02-02T09:00:00Z");
    await verifyAndRecord(db, new Date("2026-02-03T08:15:00Z"));
    expect((await startLoader(args(request("/logg", admin.cookie)))).verification).toMatchObject({
      at: "2026-02-03 09:15",
      ok: true,
      auditEventRows: 0,
      accessLogRows: 1,
    });

    // Edited behind the triggers' back: the next verification names the row, and the page says so.
    await db.$executeRawUnsafe(`DROP TRIGGER "AccessLog_no_update"`);
    await db.$executeRawUnsafe(`UPDATE "AccessLog" SET "userId" = 'someone-else' WHERE "id" = 1`);
    await verifyAndRecord(db, new Date("2026-02-04T08:15:00Z"));
    expect((await startLoader(args(request("/logg", admin.cookie)))).verification).toMatchObject({
      at: "2026-02-04 09:15",
      ok: false,
      brokenTable: "AccessLog",
      brokenId: 1,
      problem: "hash mismatch",
    });
  });

  it("opens the extract of a patient found by personnummer in any common form", async () => {
    const vc = await createUnit(db);
    const patient = await createPatient(db, { listedAt: vc.id });
    const admin = await signedInAt([vc]);
    const written = `${patient.identifier.slice(0, 8)}-${patient.identifier.slice(8)}`;
    const redirect = await thrown(startLoader(args(request(`/logg?personnummer=${written}`, admin.cookie))));
    expect(statusOf(redirect)).toBe(302);
    expect((redirect as Response).headers.get("Location")).toBe(`/logg/patient/${patient.id}`);
  });

  it("explains a wrong check digit, and a patient outside the administered units, next to the field", async () => {
    const mine = await createUnit(db);
    const theirs = await createUnit(db);
    const outside = await createPatient(db, { listedAt: theirs.id });
    const admin = await signedInAt([mine]);

    const typo = await startLoader(args(request("/logg?personnummer=19121212-1213", admin.cookie)));
    expect(typo.patientError).toBe(t("identifier.checkDigit"));
    const written = `${outside.identifier.slice(0, 8)}-${outside.identifier.slice(8)}`;
    const notHere = await startLoader(args(request(`/logg?personnummer=${outside.identifier}`, admin.cookie)));
    expect(notHere.patientError).toBe(t("audit.patientSearch.notFound", { identifier: written }));
  });

  it("finds users with a role at the administered units by name or username, whatever the case of å, ä, ö", async () => {
    const mine = await createUnit(db);
    const theirs = await createUnit(db);
    const found = await createUser(db, [{ careUnitId: mine.id, roleCode: "LAKARE" }]);
    await db.user.update({ where: { id: found.id }, data: { displayName: "Åsa Öberg" } });
    const elsewhere = await createUser(db, [{ careUnitId: theirs.id, roleCode: "LAKARE" }]);
    await db.user.update({ where: { id: elsewhere.id }, data: { displayName: "Åsa Öberg" } });
    const admin = await signedInAt([mine]);

    const byName = await startLoader(args(request("/logg?anvandare=åsa%20öberg", admin.cookie)));
    expect(byName.users!.map((u) => u.id)).toEqual([found.id]);
    const byUsername = await startLoader(args(request(`/logg?anvandare=${found.username}`, admin.cookie)));
    expect(byUsername.users!.map((u) => u.id)).toEqual([found.id]);
    const tooShort = await startLoader(args(request("/logg?anvandare=a", admin.cookie)));
    expect(tooShort.userError).toBe(t("audit.userSearch.tooShort"));
  });
});

describe("permission audit:read", () => {
  it("gives every other role a 403 on every audit page and the CSV file", async () => {
    const vc = await createUnit(db);
    const patient = await createPatient(db, { listedAt: vc.id });
    const nurse = await createUser(db, [{ careUnitId: vc.id, roleCode: "VARDPERSONAL" }]);
    for (const role of ["VERKSAMHETSCHEF", "VARDPERSONAL", "LAKARE", "ENHETSCHEF_HEMTJANST"] as const) {
      const { cookie } = await signedIn(db, vc.id, role);
      const calls = [
        startLoader(args(request("/logg", cookie))),
        extractLoader(args(request(`/logg/patient/${patient.id}`, cookie), { patientId: patient.id })),
        csvLoader(args(request(`/logg/patient/${patient.id}/loggutdrag.csv`, cookie), { patientId: patient.id })),
        userLoader(args(request(`/logg/anvandare/${nurse.id}`, cookie), { userId: nurse.id })),
      ];
      for (const call of calls) expect(statusOf(await thrown(call)), role).toBe(403);
    }
    expect(await db.accessLog.count({ where: { patientId: patient.id } })).toBe(0);
  });
});
