// Issue 6 in the browser: staff open "Så ser patienten det på 1177" from the patient page and
// see what the patient would (a direct phone not allowed, the vård-till-vård phone and a
// handläggare's name, HSA-id and phone are absent; the unit's public phone is there); an administrator creates
// an API key, sees it once, and revokes it, with and without JavaScript. (That a revoked key
// is turned away is tested where the APIs are: tests/integration.)
//
// Creating and revoking keys writes rows the shared database has none of (every-page shows the
// key page empty), so that part runs on a server of its own (own-server.ts).
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { baseUrl, openPage, saveScreenshot, useBrowser } from "./browser";
import { accessSince, logMark, one, patientName, query, unitId, userId } from "./database";
import { useOwnServer } from "./own-server";
import { checkPage, escape, signInAs } from "./stories/story";

type Shown = { patientId: string; directPhone: string; publicPhone: string; careToCarePhone: string };

/**
 * A patient listed at Vårdcentralen Norrsjö whose fast vårdkontakt there has a direct phone the
 * patient may not see (and no other contact of the patient shows that number).
 */
const patientWithHiddenPhone = () =>
  one<Shown>(
    `SELECT a.patientId, s.directPhone, u.publicPhone, u.careToCarePhone FROM Assignment a
     JOIN StaffMember s ON s.id = a.staffMemberId JOIN CareUnit u ON u.id = a.careUnitId
     JOIN Patient p ON p.id = a.patientId AND p.protectedIdentity = 0
     JOIN Listing l ON l.patientId = p.id AND l."to" IS NULL AND l.careUnitId = a.careUnitId
     WHERE a.careUnitId = ? AND a.kind = 'FAST_VARDKONTAKT' AND a.endedAt IS NULL AND a.directPhoneVisibleToPatient = 0 AND s.directPhone IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM Assignment o JOIN StaffMember os ON os.id = o.staffMemberId
                       WHERE o.patientId = a.patientId AND o.endedAt IS NULL AND o.directPhoneVisibleToPatient = 1 AND os.directPhone = s.directPhone)
     ORDER BY p.identifier LIMIT 1`,
    unitId("vcNorrsjo"),
  );

/** The demo's biståndshandläggare (seed §5.1) and her hemtjänst patient. */
const handlaggareContact = () =>
  one<{ patientId: string; directPhone: string; directPhoneVisibleToPatient: number; hsaId: string }>(
    `SELECT a.patientId, s.directPhone, a.directPhoneVisibleToPatient, s.hsaId FROM Assignment a JOIN StaffMember s ON s.id = a.staffMemberId
     WHERE s.id = 'demo-staff-lena-axelsson' AND a.endedAt IS NULL`,
  );

const cardsText = async (page: Page) => (await page.getByTestId("citizen-preview").textContent()) ?? "";

describe("Så ser patienten det på 1177", () => {
  const session = useBrowser();

  it("opens from the patient page and shows the unit's public phone but not a direct phone the patient may not see, access-logged", { timeout: 60_000 }, async () => {
    const { page } = session;
    const shown = patientWithHiddenPhone();
    await signInAs(page, "verksamhetschef");
    await openPage(page, `/patienter/${shown.patientId}`);
    const mark = logMark();
    await page.getByRole("link", { name: t("citizen.link") }).click();
    await page.getByRole("heading", { level: 1, name: t("citizen.title") }).waitFor();
    expect(page.url()).toBe(`${baseUrl()}/patienter/${shown.patientId}/1177`);
    expect(await page.locator(".citizen-staff-notice").textContent()).toContain(patientName(shown.patientId));

    const text = await cardsText(page);
    expect(await page.getByTestId("citizen-contact").count()).toBeGreaterThan(0);
    expect(text).toContain(shown.publicPhone);
    expect(text).not.toContain(shown.directPhone);
    expect(text).not.toContain(shown.careToCarePhone);
    expect(text).not.toContain(t("contact.internalNote"));
    expect(accessSince(mark, shown.patientId)).toEqual([
      { action: "patient.citizen-view", userId: userId("verksamhetschef"), roleCode: "VERKSAMHETSCHEF", careUnitId: unitId("vcNorrsjo") },
    ]);
    await checkPage(page, "citizen-view");

    await page.getByRole("link", { name: t("citizen.back") }).click();
    await page.getByRole("link", { name: t("citizen.link") }).waitFor();
  });

  it("shows the biståndshandläggare by role and unit only: never her name, HSA-id or phone, though the phone is marked visible", { timeout: 60_000 }, async () => {
    const { page } = session;
    const contact = handlaggareContact();
    expect(contact.directPhoneVisibleToPatient).toBe(1);
    await signInAs(page, "enhetschef");
    await openPage(page, `/patienter/${contact.patientId}/1177`);
    const card = page.getByTestId("citizen-contact").filter({ hasText: "Biståndshandläggare" });
    await card.waitFor();
    const text = (await card.textContent()) ?? "";
    expect(text).toContain("Biståndsbedömare");
    expect(await cardsText(page)).not.toContain("Lena Axelsson");
    expect(await cardsText(page)).not.toContain(contact.hsaId);
    expect(text).toContain("Frågor om ditt biståndsbeslut");
    expect(text).toContain(t("citizen.viaUnit"));
    expect(await cardsText(page)).not.toContain(contact.directPhone);
    // Staff see her number on the patient page, marked as shown to the patient.
    await openPage(page, `/patienter/${contact.patientId}`);
    const staffCard = page.getByTestId("contact-card").filter({ hasText: "Lena Axelsson" });
    expect(await staffCard.textContent()).toContain(contact.directPhone);
    await saveScreenshot(page, "citizen-view-handlaggare-staff-card");
  });
});

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

const keyRow = (name: string) =>
  one<{ id: string; prefix: string; hash: string; revokedAt: string | null; revokedByUserId: string | null }>(
    `SELECT id, prefix, hash, revokedAt, revokedByUserId FROM ApiKey WHERE name = ?`,
    name,
  );

const keyAudit = (id: string) => query<{ action: string; userId: string }>(`SELECT action, userId FROM AuditEvent WHERE entityType = 'ApiKey' AND entityId = ? ORDER BY id`, id);

/** Creates a key on the page and returns it as shown; the page then shows it once. */
async function createKey(page: Page, name: string) {
  await page.getByLabel(t("apiKeys.create.name")).fill(name);
  await page.getByRole("button", { name: t("apiKeys.create.submit") }).click();
  await page.getByRole("heading", { level: 2, name: t("apiKeys.created.heading", { name }) }).waitFor();
  await page.getByText(t("apiKeys.created.copyNow")).waitFor();
  return page.getByLabel(t("apiKeys.created.key", { name })).inputValue();
}

async function revokeKey(page: Page, name: string) {
  await page.getByRole("link", { name: t("apiKeys.revoke.linkFor", { name }) }).click();
  await page.getByRole("heading", { level: 2, name: t("apiKeys.revoke.heading", { name }) }).waitFor();
  await page.getByRole("button", { name: t("apiKeys.revoke.confirm") }).click();
  await page.getByRole("status").getByText(t("apiKeys.revoke.done", { name })).waitFor();
}

describe("API keys", () => {
  useOwnServer("e2e-api-keys");

  describe("with JavaScript", () => {
    const session = useBrowser();

    it("an administrator creates a key, sees it once, and revokes it after confirming", { timeout: 90_000 }, async () => {
      const { page } = session;
      await signInAs(page, "administrator", "vcNorrsjo");
      await page.getByRole("navigation", { name: t("app.mainNav") }).getByRole("link", { name: t("nav.apiKeys") }).click();
      await page.getByRole("heading", { level: 1, name: t("apiKeys.title") }).waitFor();
      await page.getByText(t("apiKeys.list.empty")).waitFor();

      // Client-side check first: an empty name never reaches the server.
      await page.getByRole("button", { name: t("apiKeys.create.submit") }).click();
      await page.getByText(t("apiKeys.create.nameRequired")).waitFor();

      const name = "1177 Vårdguiden (test)";
      const key = await createKey(page, name);
      expect(key).toMatch(/^fk_[A-Za-z0-9_-]{43}$/);
      const row = keyRow(name);
      expect(row.hash).toBe(sha256(key));
      expect(row.prefix).toBe(key.slice(0, 9));
      const listed = page.getByTestId("api-keys").getByRole("row", { name: new RegExp(escape(name)) });
      await listed.getByText(t("apiKeys.status.active")).waitFor();
      await checkPage(page, "api-keys-created");

      // Gone after a reload: the key was only ever in the answer to the form.
      await page.reload();
      await page.getByRole("heading", { level: 1, name: t("apiKeys.title") }).waitFor();
      await listed.waitFor();
      expect(await page.content()).not.toContain(key);
      expect(await page.getByTestId("created-key").count()).toBe(0);

      await revokeKey(page, name);
      await listed.getByText(t("apiKeys.status.revoked")).waitFor();
      expect(await listed.getByRole("link", { name: t("apiKeys.revoke.linkFor", { name }) }).count()).toBe(0);
      const revoked = keyRow(name);
      expect(revoked.revokedAt).not.toBeNull();
      expect(revoked.revokedByUserId).toBe(userId("administrator"));
      expect(keyAudit(row.id)).toEqual([
        { action: "apikey.create", userId: userId("administrator") },
        { action: "apikey.revoke", userId: userId("administrator") },
      ]);
      await checkPage(page, "api-keys-revoked");
    });
  });

  describe("without JavaScript", () => {
    const session = useBrowser({ javaScriptEnabled: false });

    it("creates a key with a plain form, with the error next to the field, and revokes it through the confirmation section", { timeout: 90_000 }, async () => {
      const { page } = session;
      await signInAs(page, "administrator", "vcNorrsjo");
      await openPage(page, "/api-nycklar");
      await page.getByLabel(t("apiKeys.create.name")).fill("x".repeat(101));
      await page.getByRole("button", { name: t("apiKeys.create.submit") }).click();
      await page.getByText(t("apiKeys.create.nameTooLong", { max: 100 })).waitFor();
      expect(await page.getByLabel(t("apiKeys.create.name")).getAttribute("aria-invalid")).toBe("true");

      const name = "Journalsystem utan skript";
      const key = await createKey(page, name);
      expect(keyRow(name).hash).toBe(sha256(key));
      await openPage(page, "/api-nycklar");
      expect(await page.content()).not.toContain(key);

      await revokeKey(page, name);
      expect(keyRow(name).revokedAt).not.toBeNull();
    });
  });
});
