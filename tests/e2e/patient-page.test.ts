// The patient list (/patienter), search and the read-only patient page, with and without JavaScript;
// every view leaves its access-log row, a protected identity asks for a reason first.
import { describe, expect, it } from "vitest";
import { ageOn, isoDateInStockholm } from "~/domain/identifiers";
import { t } from "~/i18n";
import type { Page } from "playwright-core";
import { baseUrl, expectNoAxeViolations, openPage, signIn, useBrowser } from "./browser";
import { query } from "./database";

const VC_NORRSJO = "Vårdcentralen Norrsjö";

type PatientRow = { id: string; identifier: string; firstName: string; lastName: string; streetAddress: string | null };

/** A patient listed at Vårdcentralen Norrsjö with at least one active fixed contact there. */
function listedPatientWithContacts(): PatientRow {
  return query<PatientRow>(
    `SELECT p.id, p.identifier, p.firstName, p.lastName, p.streetAddress FROM Patient p
     JOIN Listing l ON l.patientId = p.id AND l."to" IS NULL
     JOIN CareUnit u ON u.id = l.careUnitId AND u.name = ?
     WHERE p.protectedIdentity = 0 AND EXISTS (SELECT 1 FROM Assignment a WHERE a.patientId = p.id AND a.endedAt IS NULL)
     ORDER BY p.identifier LIMIT 1`,
    VC_NORRSJO,
  )[0];
}

/** After signing in (the start page is the worklist): the unit's patient list. */
async function openPatientList(page: Page) {
  await page.getByTestId("active-unit").waitFor();
  await openPage(page, "/patienter");
  await page.getByRole("heading", { level: 1, name: t("start.title", { unit: VC_NORRSJO }) }).waitFor();
}

describe("with JavaScript", () => {
  const session = useBrowser();

  it("finds a patient by personnummer in any written form and shows the fixed contacts, access-logged", async () => {
    const patient = listedPatientWithContacts();
    const { page } = session;
    await signIn(page, "verksamhetschef");
    await openPatientList(page);

    // The 10-digit form, with "+" for someone who has turned 100 (Skatteverket).
    const birthDate = `${patient.identifier.slice(0, 4)}-${patient.identifier.slice(4, 6)}-${patient.identifier.slice(6, 8)}`;
    const separator = ageOn(birthDate, isoDateInStockholm(new Date())) >= 100 ? "+" : "-";
    const tenDigits = `${patient.identifier.slice(2, 8)}${separator}${patient.identifier.slice(8)}`;
    await page.getByLabel(t("start.search")).fill(tenDigits);
    await page.getByRole("button", { name: t("start.searchSubmit") }).click();
    await page.getByTestId("patient-count").getByText(t("start.countFilteredOne", { query: tenDigits })).waitFor();
    await page.getByRole("link", { name: new RegExp(patient.lastName) }).click();

    await page.getByRole("heading", { level: 1, name: new RegExp(patient.lastName) }).waitFor();
    expect(await page.getByTestId("patient-identifier").textContent()).toBe(
      `${patient.identifier.slice(0, 8)}-${patient.identifier.slice(8)}`,
    );
    const cards = page.getByTestId("contact-card");
    expect(await cards.count()).toBeGreaterThan(0);
    const firstCard = (await cards.first().textContent()) ?? "";
    expect(firstCard).toContain(t("contact.hsaId"));
    expect(firstCard).toContain(t("contact.befattning"));
    expect(firstCard).toContain(t("contact.visitingAddress"));
    await expectNoAxeViolations(page);

    const views = query<{ action: string; roleCode: string }>(
      `SELECT a.action, a.roleCode FROM AccessLog a JOIN User u ON u.id = a.userId
       WHERE u.username = 'verksamhetschef' AND a.patientId = ? ORDER BY a.id`,
      patient.id,
    );
    expect(views.map((v) => v.action)).toEqual(expect.arrayContaining(["patient.search", "patient.view"]));
    expect(new Set(views.map((v) => v.roleCode))).toEqual(new Set(["VERKSAMHETSCHEF"]));
  });

  it("says how to fix a personnummer with a wrong check digit, next to the search field", async () => {
    const { page } = session;
    await signIn(page, "lakare");
    await openPatientList(page);
    await page.getByLabel(t("start.search")).fill("19121212-1213");
    await page.getByRole("button", { name: t("start.searchSubmit") }).click();
    await page.getByText(t("identifier.checkDigit")).waitFor();
    expect(await page.getByLabel(t("start.search")).getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
  });

  it("asks for a reason before opening a protected patient, never shows the address, and logs the reason", async () => {
    const [patient] = query<PatientRow>(`SELECT id, identifier, firstName, lastName, streetAddress FROM Patient WHERE protectedIdentity = 1`);
    const { page } = session;
    await signIn(page, "verksamhetschef");
    await page.getByTestId("active-unit").waitFor();
    await page.goto(`${baseUrl()}/patienter/${patient.id}`);
    await page.getByRole("heading", { level: 1, name: t("patient.reasonTitle") }).waitFor();
    expect(await page.content()).not.toContain(patient.lastName);
    await expectNoAxeViolations(page);

    await page.getByLabel(t("patient.reason")).fill("Utser fast vårdkontakt");
    await page.getByRole("button", { name: t("patient.reasonSubmit") }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(patient.lastName) }).waitFor();
    await page.getByText(t("patient.protected")).waitFor();
    expect(await page.getByText(t("patient.address"), { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);

    const logged = query<{ action: string; reason: string }>(
      `SELECT action, reason FROM AccessLog WHERE patientId = ? AND reason IS NOT NULL ORDER BY id`,
      patient.id,
    );
    expect(logged).toEqual([
      { action: "patient.unlock", reason: "Utser fast vårdkontakt" },
      { action: "patient.view", reason: "Utser fast vårdkontakt" },
    ]);
  });

  it("answers an unknown address with the Swedish 404 page", async () => {
    const { page, browser } = session;
    await signIn(page, "lakare");
    await page.getByTestId("active-unit").waitFor();
    const response = await page.goto(`${baseUrl()}/patienter/finns-inte`);
    expect(response?.status()).toBe(404);
    // Chromium logs the 404 document itself as a failed resource: that one is expected.
    expect(browser.consoleErrors.splice(0)).toEqual(["Failed to load resource: the server responded with a status of 404 (Not Found)"]);
    await page.getByRole("heading", { level: 1, name: t("error.notFound.title") }).waitFor();
    expect(await page.title()).toBe(`${t("error.notFound.title")} – ${t("app.name")}`);
    await expectNoAxeViolations(page);
  });

  it("lets a user with two units choose, and passes axe on the choice page", async () => {
    const { page } = session;
    await signIn(page, "sjukskoterska");
    await page.waitForURL(/\/valj-enhet/);
    await expectNoAxeViolations(page);
    await page.getByLabel(new RegExp(`^Medicinavdelning 12`)).check();
    await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
    await page.getByTestId("active-unit").getByText(/Medicinavdelning 12/).waitFor();
    await page.getByRole("link", { name: t("chooseUnit.change") }).click();
    await page.getByLabel(new RegExp(`^${VC_NORRSJO} –`)).check();
    await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
    await page.getByRole("heading", { level: 1, name: t("worklist.title", { unit: VC_NORRSJO }) }).waitFor();
  });
});

describe("without JavaScript", () => {
  const session = useBrowser({ javaScriptEnabled: false });

  it("signs in, searches, opens a patient and signs out", async () => {
    const patient = listedPatientWithContacts();
    const { page } = session;
    await signIn(page, "lakare");
    await openPatientList(page);
    await page.getByLabel(t("start.search")).fill(patient.identifier);
    await page.getByRole("button", { name: t("start.searchSubmit") }).click();
    await page.getByRole("link", { name: new RegExp(patient.lastName) }).click();
    await page.getByTestId("patient-identifier").waitFor();
    expect(await page.getByTestId("contact-card").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: t("signOut.submit") }).click();
    await page.getByRole("status").getByText(t("signOut.done")).waitFor();
  });

  it("shows the server's Swedish messages next to the fields", async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/logga-in`);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText(t("signIn.usernameRequired")).waitFor();
    await page.getByText(t("signIn.passwordRequired")).waitFor();
  });
});
