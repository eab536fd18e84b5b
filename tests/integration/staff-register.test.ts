// The staff register (issue 4 §4): who sees whose staff, which patients are named next to a
// staff member's assignments (and access-logged), and the administrator's writes — each
// validated, audited in the same transaction, and leaving nothing behind when refused.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSession, sessionCookieHeader } from "~/auth/session.server";
import { db } from "~/db.server";
import type { RoleCode } from "~/domain/permissions";
import { t } from "~/i18n";
import { action as staffAction, loader as staffLoader } from "~/routes/_app.personal.$staffMemberId";
import { loader as listLoader } from "~/routes/_app.personal._index";
import { action as addAction, loader as addLoader } from "~/routes/_app.personal.ny";
import { createAssignment, createPatient, createStaff, createUnit, createUser, request, signedIn } from "../factories";
import { statusOf, thrown } from "../setup/responses";

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });
const post = (path: string, cookie: string, fields: Record<string, string>) =>
  request(path, cookie, { method: "POST", body: new URLSearchParams(fields) });

/** A user holding the role in several units, signed in and acting in the first. */
async function signedInWithGrants(roleCode: RoleCode, unitIds: string[]) {
  const user = await createUser(db, unitIds.map((careUnitId) => ({ careUnitId, roleCode })));
  const sessionId = await createSession(db, user.id, new Date());
  await db.session.update({ where: { id: sessionId }, data: { activeUnitId: unitIds[0], activeRole: roleCode } });
  return { user, cookie: (await sessionCookieHeader(sessionId)).split(";")[0] };
}

/** A well-formed HSA-id (Region Norrsjö's organisation number has a valid check digit). */
const newHsaId = () => `SE2321000016-T${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`;

const validStaff = (careUnitId: string, extra: Record<string, string> = {}) => ({
  firstName: "Greta",
  middleName: "",
  lastName: "Nyanställd",
  hsaId: newHsaId(),
  befattningCode: "206011",
  careUnitId,
  employmentFrom: "2026-12-01",
  legitimation_SJ: "ja",
  specialty_ALLMANMEDICIN: "",
  underskoterskaBevis: "",
  permanentUnderskoterskaFrom: "",
  ...extra,
});

const errorsOf = (value: unknown) => (value as { data: { errors: Record<string, string> } }).data.errors;

describe("who sees whose staff", () => {
  it("lists only the staff employed at the unit a nurse acts for, and 404s a colleague elsewhere", async () => {
    const unitA = await createUnit(db);
    const unitB = await createUnit(db);
    const mine = await createStaff(db, unitA.id);
    const elsewhere = await createStaff(db, unitB.id);
    const { cookie } = await signedIn(db, unitA.id, "VARDPERSONAL");

    const list = await listLoader(args(request("/personal", cookie)));
    expect(list.staff.map((s) => s.id)).toEqual([mine.id]);
    expect(list.canAdd).toBe(false);
    const error = await thrown(staffLoader(args(request(`/personal/${elsewhere.id}`, cookie), { staffMemberId: elsewhere.id })));
    expect(statusOf(error)).toBe(404);
  });

  it("gives an administrator the staff of every unit they hold the administrator role in, and no other", async () => {
    const [a, b, c] = [await createUnit(db), await createUnit(db), await createUnit(db)];
    const inA = await createStaff(db, a.id);
    const inB = await createStaff(db, b.id);
    const inC = await createStaff(db, c.id);
    const { cookie } = await signedInWithGrants("ADMINISTRATOR", [a.id, b.id]);

    const list = await listLoader(args(request("/personal", cookie)));
    const ids = list.staff.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([inA.id, inB.id]));
    expect(ids).not.toContain(inC.id);
    expect(list.canAdd).toBe(true);
    expect(list.severalUnits).toBe(true);
    const error = await thrown(staffLoader(args(request(`/personal/${inC.id}`, cookie), { staffMemberId: inC.id })));
    expect(statusOf(error)).toBe(404);
  });

  it("finds staff by a word of the name or by the HSA-id, sorted by name", async () => {
    const unit = await createUnit(db);
    const first = await createStaff(db, unit.id);
    const second = await createStaff(db, unit.id);
    await db.staffMember.update({ where: { id: first.id }, data: { lastName: "Östberg" } });
    await db.staffMember.update({ where: { id: second.id }, data: { lastName: "Andersson" } });
    const { cookie } = await signedIn(db, unit.id, "LAKARE");

    const all = await listLoader(args(request("/personal", cookie)));
    expect(all.staff.map((s) => s.id)).toEqual([second.id, first.id]);
    const byName = await listLoader(args(request(`/personal?q=${encodeURIComponent("östberg")}`, cookie)));
    expect(byName.staff.map((s) => s.id)).toEqual([first.id]);
    const byHsaId = await listLoader(args(request(`/personal?q=${encodeURIComponent(second.hsaId)}`, cookie)));
    expect(byHsaId.staff.map((s) => s.id)).toEqual([second.id]);
  });

  it("says in words that someone leaves within 30 days, and not for a later last day", async () => {
    const unit = await createUnit(db);
    const soon = await createStaff(db, unit.id, "206011", { employmentEndDate: "2099-01-01" });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm" }).format(new Date());
    const inTen = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    await db.staffMember.update({ where: { id: soon.id }, data: { employmentEndDate: inTen } });
    const later = await createStaff(db, unit.id, "206011", { employmentEndDate: "2099-01-01" });
    const { cookie } = await signedIn(db, unit.id, "VARDPERSONAL");

    const list = await listLoader(args(request("/personal", cookie)));
    const byId = new Map(list.staff.map((s) => [s.id, s.status]));
    expect(byId.get(soon.id)).toEqual({ text: `Slutar ${inTen}`, warning: "Slutar om 10 dagar" });
    expect(byId.get(later.id)).toEqual({ text: "Slutar 2099-01-01", warning: null });
  });
});

describe("a staff member's current assignments", () => {
  it("names the patients of the active unit, logs each view, and only counts the assignments elsewhere", async () => {
    const unitA = await createUnit(db);
    const unitB = await createUnit(db);
    const staff = await createStaff(db, unitA.id);
    await db.employment.create({ data: { staffMemberId: staff.id, careUnitId: unitB.id, from: "2021-01-01" } });
    const here = await createPatient(db, { listedAt: unitA.id });
    const there = await createPatient(db, { listedAt: unitB.id });
    await createAssignment(db, { patientId: here.id, staffMemberId: staff.id, careUnitId: unitA.id });
    await createAssignment(db, { patientId: there.id, staffMemberId: staff.id, careUnitId: unitB.id });
    await createAssignment(db, { patientId: there.id, staffMemberId: staff.id, careUnitId: unitB.id, endedAt: new Date() });
    const { cookie, user } = await signedIn(db, unitA.id, "VERKSAMHETSCHEF");

    const page = await staffLoader(args(request(`/personal/${staff.id}`, cookie), { staffMemberId: staff.id }));
    expect(page.assignments.map((a) => a.patient.id)).toEqual([here.id]);
    expect(page.assignments[0].patient).toMatchObject({
      identifier: `${here.identifier.slice(0, 8)}-${here.identifier.slice(8)}`,
      linked: true,
    });
    expect(page.activeAssignmentCount).toBe(2);
    expect(page.hiddenCount).toBe(1);
    const logged = await db.accessLog.findMany({ where: { userId: user.id } });
    expect(logged).toEqual([
      expect.objectContaining({ patientId: here.id, action: "staff.assignments", careUnitId: unitA.id, roleCode: "VERKSAMHETSCHEF" }),
    ]);
  });

  it("shows an administrator the assignments in all their units, logged, without links to the patient page", async () => {
    const unitA = await createUnit(db);
    const unitB = await createUnit(db);
    const staff = await createStaff(db, unitB.id);
    const patient = await createPatient(db, { listedAt: unitB.id });
    await createAssignment(db, { patientId: patient.id, staffMemberId: staff.id, careUnitId: unitB.id });
    const { cookie, user } = await signedInWithGrants("ADMINISTRATOR", [unitA.id, unitB.id]);

    const page = await staffLoader(args(request(`/personal/${staff.id}`, cookie), { staffMemberId: staff.id }));
    expect(page.assignments.map((a) => [a.patient.id, a.patient.linked])).toEqual([[patient.id, false]]);
    expect(page.hiddenCount).toBe(0);
    expect(await db.accessLog.count({ where: { userId: user.id, patientId: patient.id, action: "staff.assignments" } })).toBe(1);
  });
});

describe("adding a staff member", () => {
  it("is for the administrator only", async () => {
    const unit = await createUnit(db);
    const { cookie } = await signedIn(db, unit.id, "VERKSAMHETSCHEF");
    expect(statusOf(await thrown(addLoader(args(request("/personal/ny", cookie)))))).toBe(403);
    const before = await db.staffMember.count();
    expect(statusOf(await thrown(addAction(args(post("/personal/ny", cookie, validStaff(unit.id))))))).toBe(403);
    expect(await db.staffMember.count()).toBe(before);
  });

  it("writes the person, the employment, the qualifications and the audit row together", async () => {
    const unit = await createUnit(db);
    const { cookie, user } = await signedInWithGrants("ADMINISTRATOR", [unit.id]);
    const fields = validStaff(unit.id, {
      befattningCode: "203010",
      legitimation_LK: "ja",
      legitimation_SJ: "",
      specialty_ALLMANMEDICIN: "IN_TRAINING",
      specialty_GERIATRIK: "SPECIALIST",
    });

    const redirect = await thrown(addAction(args(post("/personal/ny", cookie, fields))));
    expect(statusOf(redirect)).toBe(302);
    const row = await db.staffMember.findUniqueOrThrow({
      where: { hsaId: fields.hsaId },
      include: { employments: true, specialties: { orderBy: { specialty: "asc" } } },
    });
    expect((redirect as Response).headers.get("Location")).toBe(`/personal/${row.id}?tillagd=1`);
    expect(row).toMatchObject({ firstName: "Greta", middleName: null, lastName: "Nyanställd", legitimations: "LK", employmentEndDate: null });
    expect(row.employments).toEqual([expect.objectContaining({ careUnitId: unit.id, from: "2026-12-01" })]);
    expect(row.specialties.map((s) => [s.specialty, s.status])).toEqual([
      ["ALLMANMEDICIN", "IN_TRAINING"],
      ["GERIATRIK", "SPECIALIST"],
    ]);
    const audit = await db.auditEvent.findMany({ where: { entityId: row.id } });
    expect(audit).toEqual([
      expect.objectContaining({ action: "staff.create", entityType: "StaffMember", userId: user.id, roleCode: "ADMINISTRATOR", careUnitId: unit.id }),
    ]);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ hsaId: fields.hsaId, employments: [expect.objectContaining({ careUnitId: unit.id })] });
  });

  it("records whether an undersköterska was permanently employed on 2023-07-01 as yes, no or not known", async () => {
    const unit = await createUnit(db, "HEMTJANST");
    const { cookie } = await signedInWithGrants("ADMINISTRATOR", [unit.id]);
    const usk = { befattningCode: "207010", legitimation_SJ: "", permanentUnderskoterskaFrom: "2015-03-01" };
    for (const [answer, stored] of [["ja", true], ["nej", false], ["", null]] as const) {
      const fields = validStaff(unit.id, { ...usk, permanentUnderskoterskaOnTitleDay: answer });
      expect(statusOf(await thrown(addAction(args(post("/personal/ny", cookie, fields)))))).toBe(302);
      const row = await db.staffMember.findUniqueOrThrow({ where: { hsaId: fields.hsaId } });
      expect(row.permanentUnderskoterskaOnTitleDay).toBe(stored);
    }
  });

  it("refuses 'yes, on 2023-07-01' for an employment that began after it, and an unknown answer, next to the field", async () => {
    const unit = await createUnit(db, "HEMTJANST");
    const { cookie } = await signedInWithGrants("ADMINISTRATOR", [unit.id]);
    const staffBefore = await db.staffMember.count();
    const late = validStaff(unit.id, { befattningCode: "207010", permanentUnderskoterskaFrom: "2023-07-02", permanentUnderskoterskaOnTitleDay: "ja" });
    const result = await addAction(args(post("/personal/ny", cookie, late)));
    expect(statusOf(result)).toBe(400);
    expect(errorsOf(result)).toEqual({
      permanentUnderskoterskaOnTitleDay: t("staff.form.onTitleDayAfterStart", { from: "2023-07-02", titleDay: "2023-07-01" }),
    });
    // The day itself is not "after".
    const onTheDay = validStaff(unit.id, { befattningCode: "207010", permanentUnderskoterskaFrom: "2023-07-01", permanentUnderskoterskaOnTitleDay: "ja" });
    expect(statusOf(await thrown(addAction(args(post("/personal/ny", cookie, onTheDay)))))).toBe(302);
    const bogus = await addAction(args(post("/personal/ny", cookie, validStaff(unit.id, { permanentUnderskoterskaOnTitleDay: "kanske" }))));
    expect(errorsOf(bogus)).toEqual({ permanentUnderskoterskaOnTitleDay: t("staff.form.onTitleDayInvalid") });
    expect(await db.staffMember.count()).toBe(staffBefore + 1);
  });

  it("answers a malformed HSA-id, a missing name and a bad date next to each field, and writes nothing", async () => {
    const unit = await createUnit(db);
    const { cookie } = await signedInWithGrants("ADMINISTRATOR", [unit.id]);
    const [staffBefore, auditBefore] = [await db.staffMember.count(), await db.auditEvent.count()];

    const result = await addAction(
      args(post("/personal/ny", cookie, validStaff(unit.id, { hsaId: "SE123-ÅÄÖ", firstName: " ", employmentFrom: "2026-02-30" }))),
    );
    expect(statusOf(result)).toBe(400);
    expect(errorsOf(result)).toEqual({
      hsaId: t("hsaId.forbiddenCharacters"),
      firstName: t("staff.form.firstNameRequired"),
      employmentFrom: t("staff.form.dateFormat"),
    });
    const wrongCheckDigit = await addAction(args(post("/personal/ny", cookie, validStaff(unit.id, { hsaId: "SE2321000017-ABC" }))));
    expect(errorsOf(wrongCheckDigit)).toEqual({ hsaId: t("hsaId.organisationNumber") });
    expect([await db.staffMember.count(), await db.auditEvent.count()]).toEqual([staffBefore, auditBefore]);
  });

  it("refuses an HSA-id that is already registered, as an error on that field", async () => {
    const unit = await createUnit(db);
    const { cookie } = await signedInWithGrants("ADMINISTRATOR", [unit.id]);
    const fields = validStaff(unit.id);
    await thrown(addAction(args(post("/personal/ny", cookie, fields))));
    const [staffBefore, auditBefore] = [await db.staffMember.count(), await db.auditEvent.count()];

    const again = await addAction(args(post("/personal/ny", cookie, { ...fields, firstName: "Någon", lastName: "Annan" })));
    expect(statusOf(again)).toBe(400);
    expect(errorsOf(again)).toEqual({ hsaId: t("staff.form.hsaIdTaken") });
    expect((again as { data: { values: Record<string, string> } }).data.values.firstName).toBe("Någon");
    expect([await db.staffMember.count(), await db.auditEvent.count()]).toEqual([staffBefore, auditBefore]);
  });

  it("refuses a unit the administrator does not administer and a befattning outside the code system", async () => {
    const mine = await createUnit(db);
    const other = await createUnit(db);
    const { cookie } = await signedInWithGrants("ADMINISTRATOR", [mine.id]);
    const before = await db.staffMember.count();
    const result = await addAction(args(post("/personal/ny", cookie, validStaff(other.id, { befattningCode: "999999" }))));
    expect(statusOf(result)).toBe(400);
    expect(errorsOf(result)).toEqual({ careUnitId: t("staff.form.unitNotManaged"), befattningCode: t("staff.form.befattningUnknown") });
    expect(await db.staffMember.count()).toBe(before);
  });
});

describe("the last day of employment", () => {
  async function setUp() {
    const unit = await createUnit(db);
    const staff = await createStaff(db, unit.id); // employed since 2020-01-01
    const admin = await signedInWithGrants("ADMINISTRATOR", [unit.id]);
    const path = `/personal/${staff.id}`;
    const send = (fields: Record<string, string>, cookie = admin.cookie) =>
      staffAction(args(post(path, cookie, fields), { staffMemberId: staff.id }));
    return { unit, staff, admin, send };
  }

  it("is set and cleared with an audit row holding the date before and after", async () => {
    const { staff, admin, send } = await setUp();
    expect(await send({ intent: "set", employmentEndDate: "2026-12-15" })).toEqual({ errors: undefined, saved: { date: "2026-12-15" } });
    expect((await db.staffMember.findUniqueOrThrow({ where: { id: staff.id } })).employmentEndDate).toBe("2026-12-15");
    expect(await send({ intent: "clear" })).toEqual({ errors: undefined, saved: { cleared: true } });
    expect((await db.staffMember.findUniqueOrThrow({ where: { id: staff.id } })).employmentEndDate).toBeNull();

    const audit = await db.auditEvent.findMany({ where: { entityId: staff.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, JSON.parse(a.before!), JSON.parse(a.after!), a.userId])).toEqual([
      ["staff.employment-end", { employmentEndDate: null }, { employmentEndDate: "2026-12-15" }, admin.user.id],
      ["staff.employment-end.clear", { employmentEndDate: "2026-12-15" }, { employmentEndDate: null }, admin.user.id],
    ]);
  });

  it("may not lie before the start of employment, and nothing is written when it does", async () => {
    const { staff, send } = await setUp();
    const result = await send({ intent: "set", employmentEndDate: "2019-12-31" });
    expect(statusOf(result)).toBe(400);
    expect(errorsOf(result)).toEqual({ employmentEndDate: t("staff.end.beforeStart", { start: "2020-01-01" }) });
    const missing = await send({ intent: "set", employmentEndDate: "" });
    expect(errorsOf(missing)).toEqual({ employmentEndDate: t("staff.form.dateRequired") });
    expect((await db.staffMember.findUniqueOrThrow({ where: { id: staff.id } })).employmentEndDate).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: staff.id } })).toBe(0);
    // The first day itself is allowed: someone may leave on the day they started.
    expect(await send({ intent: "set", employmentEndDate: "2020-01-01" })).toMatchObject({ saved: { date: "2020-01-01" } });
  });

  it("is refused to a verksamhetschef (403) and for a staff member outside the administrator's units (404)", async () => {
    const { unit, staff, send } = await setUp();
    const chief = await signedIn(db, unit.id, "VERKSAMHETSCHEF");
    expect(statusOf(await thrown(send({ intent: "set", employmentEndDate: "2026-12-15" }, chief.cookie)))).toBe(403);

    const otherUnit = await createUnit(db);
    const otherAdmin = await signedInWithGrants("ADMINISTRATOR", [otherUnit.id]);
    expect(statusOf(await thrown(send({ intent: "set", employmentEndDate: "2026-12-15" }, otherAdmin.cookie)))).toBe(404);
    expect(statusOf(await thrown(send({ intent: "fire" })))).toBe(400);
    expect(await db.auditEvent.count({ where: { entityId: staff.id } })).toBe(0);
  });
});
