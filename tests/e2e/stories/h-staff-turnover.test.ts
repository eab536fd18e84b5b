// Story (h), issue 5: Eva Sjöberg leaves, and the administrator hands all her fixed contacts
// at Vårdcentralen Norrsjö to others in one step — the fast vårdkontakter spread over her team
// by load, one of them to a person of the administrator's choosing, the other fixed contacts
// to one person. The first run is stopped by a contact someone changed after the preview, and
// changes nothing; fixed and previewed again, the second run moves all of them, once.
//
// The story empties the leaver that other browser tests count on, so it runs on a server and
// database of its own (own-server.ts), not the shared one.
import Database from "better-sqlite3";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, stockholmInstant } from "~/domain/dates";
import { t } from "~/i18n";
import { UNIT_NAMES } from "../../../prisma/demo/units";
import { baseUrl, openPage, useBrowser } from "../browser";
import { logMark, one, patientName, query, staffName, userId } from "../database";
import { useOwnServer } from "../own-server";
import { checkPage, escape, expectAudit, signInAs, type ExpectedAudit } from "./story";

const EVA = "demo-staff-eva-sjoberg";
const TEAM = "demo-team-vc-norrsjo-bla";
const UNIT = UNIT_NAMES.vcNorrsjo;
const KINDS = ["FAST_VARDKONTAKT", "ANNAN_FAST_KONTAKT"] as const;

type Held = { id: string; kind: (typeof KINDS)[number]; patientId: string; version: number; directPhone: number };

/** What a staff member holds now, in the order the page lists it. */
const held = (staffMemberId: string) =>
  query<Held>(
    `SELECT a.id, a.kind, a.patientId, a.version, a.directPhoneVisibleToPatient AS directPhone
     FROM Assignment a JOIN Patient p ON p.id = a.patientId
     WHERE a.staffMemberId = ? AND a.endedAt IS NULL ORDER BY p.lastName, p.firstName`,
    staffMemberId,
  );

/** Active fixed contacts of a person: the "load" the turnover page ranks replacements by. */
const loadOf = (staffMemberId: string) =>
  one<{ n: number }>(`SELECT count(*) AS n FROM Assignment WHERE staffMemberId = ? AND endedAt IS NULL`, staffMemberId).n;

type PlannedRow = { assignmentId: string; outcome: string; replacementId?: string; teamId?: string | null };
type Batch = { id: string; status: string; plan: { rows: PlannedRow[]; loads: Record<string, { before: number; after: number }> } };

const batches = () =>
  query<{ id: string; status: string; plan: string }>(`SELECT id, status, plan FROM TurnoverBatch WHERE staffMemberId = ? ORDER BY createdAt`, EVA).map(
    (b): Batch => ({ ...b, plan: JSON.parse(b.plan) }),
  );

const batchAudit = (batchId: string) =>
  query<{ action: string; userId: string }>(`SELECT action, userId FROM AuditEvent WHERE entityType = 'TurnoverBatch' AND entityId = ? ORDER BY id`, batchId);

const kindLabel = (kind: string) => t(`contactKind.${kind}` as Parameters<typeof t>[0]);

/** A group of the leaver's page: its section, named by its heading with the count. */
function group(page: Page, kind: string, count: number) {
  const name = `${t("turnover.group.heading", { kind: kindLabel(kind), unit: UNIT })} (${t("turnover.group.count", { count })})`;
  return page.getByRole("region", { name, exact: true });
}

/** The row of one patient in a table: their name, then their personnummer, heads it. */
const rowOf = (scope: Locator, patientId: string) =>
  scope.getByRole("row").filter({ has: scope.page().getByRole("rowheader").filter({ hasText: new RegExp(`^${escape(patientName(patientId))}\\s*\\d`) }) });

/** The options of a select as value and label. */
const optionsOf = (select: Locator) =>
  select.getByRole("option").evaluateAll((options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, label: (o as HTMLOptionElement).label })));

describe("story (h): staff turnover, all of a leaver's contacts in one step", () => {
  const own = useOwnServer("e2e-turnover");
  const session = useBrowser();

  it("a contact changed after the preview stops the run; fixed and run again, all 27 move once", { timeout: 120_000 }, async () => {
    const { page } = session;
    const mark = logMark();
    const eva = staffName(EVA);
    const lastDay = one<{ employmentEndDate: string }>(`SELECT employmentEndDate FROM StaffMember WHERE id = ?`, EVA).employmentEndDate;
    // The old contact ends and the new one starts at the start of the day after the last day.
    const effectiveDate = addDays(lastDay, 1);
    const effectiveAt = stockholmInstant(effectiveDate).getTime();
    const before = held(EVA);
    const rowsOf = (kind: string) => before.filter((a) => a.kind === kind);
    expect(before.length, "the seeded leaver's contacts").toBe(27);
    expect(rowsOf("FAST_VARDKONTAKT").length).toBe(25);
    expect(rowsOf("ANNAN_FAST_KONTAKT").length).toBe(2);
    const teamMembers = query<{ staffMemberId: string }>(`SELECT staffMemberId FROM TeamMember WHERE teamId = ?`, TEAM).map((m) => m.staffMemberId);
    const teamName = one<{ name: string }>(`SELECT name FROM Team WHERE id = ?`, TEAM).name;

    // 1. The worklist names the leaver, with the way to reassign; the main menu leads there too.
    await signInAs(page, "administrator", "vcNorrsjo");
    const leavers = page.getByTestId("section-slutar");
    await leavers.getByRole("link", { name: `${t("worklist.leaver.reassign")} – ${eva}`, exact: true }).waitFor();
    await checkPage(page, "h-1-worklist");
    await page.getByRole("navigation", { name: t("app.mainNav") }).getByRole("link", { name: t("nav.turnover"), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: t("turnover.index.title") }).waitFor();
    await checkPage(page, "h-2-turnover");
    await page.getByRole("link", { name: t("turnover.index.openFor", { name: eva }), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: t("turnover.page.heading") }).waitFor();
    await checkPage(page, "h-3-leaver");

    // 2. All 27 contacts, in one group per kind, each patient by name, the direct phone flagged.
    await page.getByText(t("turnover.page.count", { count: 27 }), { exact: true }).waitFor();
    const care = group(page, "FAST_VARDKONTAKT", 25);
    const other = group(page, "ANNAN_FAST_KONTAKT", 2);
    for (const [scope, kind] of [[care, "FAST_VARDKONTAKT"], [other, "ANNAN_FAST_KONTAKT"]] as const) {
      expect(await scope.getByRole("rowheader").count(), kind).toBe(rowsOf(kind).length);
      for (const a of rowsOf(kind)) {
        const row = rowOf(scope, a.patientId);
        expect(await row.count(), patientName(a.patientId)).toBe(1);
        expect(await row.getByText(t("turnover.flag.directPhone"), { exact: true }).count(), `direct phone of ${patientName(a.patientId)}`).toBe(a.directPhone);
      }
    }

    // Fast vårdkontakter: spread over Eva's team by load.
    const groupChoice = t("turnover.group.choice");
    await care.getByLabel(groupChoice, { exact: true }).selectOption({ label: t("turnover.group.team", { team: teamName }) });
    // The other fixed contacts: one person who can take both (the option says so, with their load).
    const otherChoice = other.getByLabel(groupChoice, { exact: true });
    const person = await pickPerson(otherChoice, rowsOf("ANNAN_FAST_KONTAKT").length);
    await otherChoice.selectOption(`person:${person}`);
    // One patient's fast vårdkontakt goes to someone outside the team, chosen on the row.
    const special = rowsOf("FAST_VARDKONTAKT")[0];
    const rowSelect = page.getByLabel(t("turnover.row.label", { patient: patientName(special.patientId) }), { exact: true });
    const chosen = (await optionsOf(rowSelect)).map((o) => o.value).find((v) => v && v !== "keep" && !teamMembers.includes(v));
    if (!chosen) throw new Error("nobody outside the team can take the first fast vårdkontakt");
    await rowSelect.selectOption(chosen);
    await page.getByRole("button", { name: t("turnover.form.preview"), exact: true }).click();

    // 3. The preview: 27 contacts from the day after the last day, the loads before and after.
    const preview = page.getByRole("region", { name: t("turnover.preview.heading"), exact: true });
    await preview.waitFor();
    await checkPage(page, "h-4-preview");
    const first = await expectPreview(page, preview, { effectiveDate, person, chosen, special: special.id, teamMembers });

    // Someone changes one planned contact behind the app's back (another tab, another user).
    const stale = rowsOf("FAST_VARDKONTAKT")[1];
    const writer = new Database(own.server.file);
    try {
      writer.pragma("busy_timeout = 5000");
      writer.prepare(`UPDATE Assignment SET version = version + 1, reviewDueDate = '2027-12-01' WHERE id = ?`).run(stale.id);
    } finally {
      writer.close();
    }
    await executeButton(preview).click();

    // The run stops at that row and changes nothing.
    const failed = page.getByRole("region", { name: t("turnover.failed.heading"), exact: true });
    await failed.waitFor();
    const failure = failed.getByRole("listitem").filter({ hasText: patientName(stale.patientId) });
    await failure.getByText(t("turnover.failure.changed"), { exact: true }).waitFor();
    expect(await failed.getByRole("listitem").count()).toBe(1);
    await checkPage(page, "h-5-run-failed");
    expect(batches().map((b) => [b.id, b.status])).toEqual([[first.id, "FAILED"]]);
    expect(held(EVA).length, "Eva still holds every contact").toBe(27);
    expect(query(`SELECT id FROM ProcessCase WHERE processCode = 'CHANGE' AND subjectId IN (${before.map(() => "?").join()})`, ...before.map((a) => a.id))).toEqual([]);
    expect(query(`SELECT id FROM Assignment WHERE replacesId IN (${before.map(() => "?").join()})`, ...before.map((a) => a.id))).toEqual([]);

    // Back to the page: the choices are filled in and the row that stopped the run says why.
    await failed.getByRole("link", { name: t("turnover.status.fix"), exact: true }).click();
    await page.getByRole("alert").getByRole("heading", { name: t("turnover.failed.heading") }).waitFor();
    await checkPage(page, "h-6-fix");
    expect(await care.getByLabel(groupChoice, { exact: true }).inputValue()).toBe(`team:${TEAM}`);
    expect(await otherChoice.inputValue()).toBe(`person:${person}`);
    expect(await rowSelect.inputValue()).toBe(chosen);
    const staleSelect = page.getByLabel(t("turnover.row.label", { patient: patientName(stale.patientId) }), { exact: true });
    const note = await staleSelect.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${note}"]`).textContent()).toBe(t("turnover.failure.changed"));

    // Previewed again (the changed contact as it is now) and carried out.
    await page.getByRole("button", { name: t("turnover.form.preview"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has("plan") && url.searchParams.get("plan") !== first.id);
    await preview.waitFor();
    await checkPage(page, "h-7-preview-again");
    const second = await expectPreview(page, preview, { effectiveDate, person, chosen, special: special.id, teamMembers });
    expect(second.plan.rows.find((r) => r.assignmentId === stale.id)).toMatchObject({ outcome: "change" });
    await executeButton(preview).click();

    // 4. Done: every contact listed with its case.
    await page.getByRole("status").getByText(t("turnover.status.succeeded", { count: 27, date: effectiveDate }), { exact: true }).waitFor();
    const result = page.getByRole("table", { name: t("turnover.status.resultCaption"), exact: true });
    expect(await result.getByRole("rowheader").count()).toBe(27);
    for (const a of before) {
      await result.getByRole("link", { name: t("turnover.status.openCase", { patient: patientName(a.patientId) }), exact: true }).waitFor();
    }
    await checkPage(page, "h-8-run-succeeded");
    const runUrl = page.url();

    // A second press: the preview's address now leads to the run, and the same form sent
    // again starts nothing new.
    await page.goBack();
    await page.waitForURL(runUrl);
    // Sent as the page would, with the CSRF token its forms carry (docs/decisions/015).
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const again = await page.request.post(`${baseUrl()}/personalbyte/${EVA}`, {
      form: { csrf, intent: "execute", batchId: second.id },
      maxRedirects: 0,
    });
    expect(again.status()).toBe(302);
    expect(again.headers().location).toBe(`/personalbyte/${EVA}/korning/${second.id}`);

    // 5. The rows: Eva holds nothing; each contact was replaced at the same instant by its own CHANGE case.
    expect(held(EVA)).toEqual([]);
    expect(batches().map((b) => [b.id, b.status])).toEqual([
      [first.id, "FAILED"],
      [second.id, "SUCCEEDED"],
    ]);
    const admin = userId("administrator");
    expect(batchAudit(first.id)).toEqual(["turnover.plan", "turnover.start", "turnover.fail"].map((action) => ({ action, userId: admin })));
    expect(batchAudit(second.id)).toEqual(["turnover.plan", "turnover.start", "turnover.complete"].map((action) => ({ action, userId: admin })));
    const planned = new Map(second.plan.rows.map((r) => [r.assignmentId, r]));
    const views = new Set(
      query<{ patientId: string }>(`SELECT patientId FROM AccessLog WHERE id > ? AND action = 'turnover.view' AND userId = ?`, mark.access, admin).map(
        (r) => r.patientId,
      ),
    );
    for (const a of before) {
      const name = patientName(a.patientId);
      const old = one<{ endedAt: string; version: number }>(`SELECT endedAt, version FROM Assignment WHERE id = ?`, a.id);
      const created = one<{ id: string; kind: string; staffMemberId: string; teamId: string | null; startedAt: string; caseId: string }>(
        `SELECT id, kind, staffMemberId, teamId, startedAt, caseId FROM Assignment WHERE replacesId = ?`,
        a.id,
      );
      expect(Date.parse(old.endedAt), name).toBe(effectiveAt);
      expect(Date.parse(created.startedAt), name).toBe(effectiveAt);
      expect(created.kind).toBe(a.kind);
      expect(created.staffMemberId, name).toBe(planned.get(a.id)?.replacementId);
      if (a.id === special.id) expect(created.staffMemberId).toBe(chosen);
      else if (a.kind === "ANNAN_FAST_KONTAKT") expect(created.staffMemberId).toBe(person);
      else {
        expect(teamMembers, name).toContain(created.staffMemberId);
        expect(created.teamId, name).toBe(TEAM);
      }
      expect(one(`SELECT processCode, state, status, revision, subjectId, patientId, openedByUserId FROM ProcessCase WHERE id = ?`, created.caseId)).toEqual({
        processCode: "CHANGE",
        state: "awaitingNotification",
        status: "OPEN",
        revision: 2,
        subjectId: a.id,
        patientId: a.patientId,
        openedByUserId: admin,
      });
      const notices = query<{ recipient: string; status: string }>(`SELECT recipient, status FROM Notification WHERE caseId = ? ORDER BY recipient`, created.caseId);
      expect(notices.map((n) => n.recipient), name).toContain("PATIENT");
      expect(notices.every((n) => n.status === "QUEUED"), name).toBe(true);
      const by = ["administrator", "ADMINISTRATOR", "vcNorrsjo"] as const;
      expectAudit(mark, a.patientId, [
        ["case.start", "REQUEST_CHANGE", ...by],
        ["case.step", "APPOINT", ...by],
        ["assignment.end", null, ...by],
        ["assignment.create", null, ...by],
        ...notices.map((): ExpectedAudit => ["notification.queue", null, ...by]),
      ]);
      expect(views.has(a.patientId), `turnover.view of ${name}`).toBe(true);
    }
    // The loads the preview promised are the loads now.
    for (const [id, load] of Object.entries(second.plan.loads)) expect(loadOf(id), staffName(id)).toBe(load.after);
    expect(
      one<{ n: number }>(`SELECT count(*) AS n FROM ProcessCase WHERE processCode = 'CHANGE' AND subjectId IN (${before.map(() => "?").join()})`, ...before.map((a) => a.id)).n,
      "one case per contact, however often the button was pressed",
    ).toBe(27);

    // 6. Eva holds nothing now, so the worklist no longer lists her among the leavers.
    await openPage(page, "/");
    await leavers.waitFor();
    expect(await leavers.getByRole("link", { name: eva }).count()).toBe(0);
    await checkPage(page, "h-9-worklist-after");
  });
});

/**
 * The first person the group's select offers who can take every row of the group; the option
 * names them with their befattning and their current load as the database has it.
 */
async function pickPerson(select: Locator, total: number) {
  for (const { value, label } of await optionsOf(select)) {
    if (!value.startsWith("person:")) continue;
    const id = value.slice("person:".length);
    const s = one<{ befattning: string }>(`SELECT b.name AS befattning FROM StaffMember s JOIN Befattning b ON b.code = s.befattningCode WHERE s.id = ?`, id);
    const all = t("turnover.group.person", { name: staffName(id), befattning: s.befattning, load: loadOf(id), rows: total, total });
    if (label === all) return id;
  }
  throw new Error("nobody can take every contact of the group");
}

const executeButton = (preview: Locator) => preview.getByRole("button", { name: t("turnover.preview.execute", { count: 27 }), exact: true });

/**
 * The preview of the draft just saved: the summary, and a loads table that agrees with the
 * plan, with what each replacement holds now, and with the choices made.
 */
async function expectPreview(
  page: Page,
  preview: Locator,
  choices: { effectiveDate: string; person: string; chosen: string; special: string; teamMembers: string[] },
): Promise<Batch> {
  const planId = new URL(page.url()).searchParams.get("plan");
  const batch = batches().find((b) => b.id === planId);
  if (!batch) throw new Error(`no draft ${planId}`);
  expect(batch.status).toBe("DRAFT");
  await preview.getByText(t("turnover.preview.summary", { count: 27, date: choices.effectiveDate }), { exact: true }).waitFor();
  expect(batch.plan.rows.filter((r) => r.outcome === "change").length).toBe(27);
  const rows = await preview
    .getByRole("table", { name: t("turnover.preview.loadsCaption"), exact: true })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader") })
    .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim())));
  const expected = Object.entries(batch.plan.loads).map(([id, load]) => {
    const gained = batch.plan.rows.filter((r) => r.replacementId === id).length;
    expect(load, staffName(id)).toEqual({ before: loadOf(id), after: loadOf(id) + gained });
    return [staffName(id), String(load.before), String(load.after)];
  });
  expect(rows).toEqual(expected);
  const replacements = Object.keys(batch.plan.loads);
  expect(replacements).toContain(choices.person);
  expect(replacements).toContain(choices.chosen);
  // Everyone else is from the team.
  for (const id of replacements) if (id !== choices.person && id !== choices.chosen) expect(choices.teamMembers).toContain(id);
  expect(batch.plan.rows.find((r) => r.assignmentId === choices.special)?.replacementId).toBe(choices.chosen);
  return batch;
}
