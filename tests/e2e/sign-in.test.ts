// Each demo user signs in and lands on the worklist of their unit and role; a request
// without a session goes to sign-in and comes back; every page passes axe (WCAG 2.1 AA).
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { DEMO_USERS } from "../../prisma/demo/users";
import { baseUrl, expectNoAxeViolations, openPage, signIn, useBrowser } from "./browser";

const session = useBrowser();

describe("each demo user", () => {
  it.each(DEMO_USERS.map((u) => [u.username, u] as const))("%s signs in and sees the worklist of their unit and role", async (_, user) => {
    const { page } = session;
    await signIn(page, user.username);
    if (user.unitNames.length > 1) {
      await page.waitForURL(/\/valj-enhet/);
      await page.getByRole("heading", { name: t("chooseUnit.title"), level: 1 }).waitFor();
      await page.getByLabel(`${user.unitNames[0]} – ${t(`role.${user.role}`)}`).check();
      await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
    }
    await page.getByRole("heading", { level: 1, name: t("worklist.title", { unit: user.unitNames[0] }) }).waitFor();
    expect(await page.getByTestId("active-role").textContent()).toBe(t(`role.${user.role}`));
    expect(await page.getByTestId("active-unit").textContent()).toBe(user.unitNames[0]);
    await page.getByTestId("worklist-summary").waitFor();
    await expectNoAxeViolations(page);
  });
});

describe("without a session", () => {
  it("is sent to sign-in, and after signing in comes back to the page it asked for", async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/patienter?q=Berg`);
    await page.waitForURL(/\/logga-in\?redirectTo=/);
    expect(await page.getByRole("status").textContent()).toBe(t("signIn.sessionEnded"));
    await expectNoAxeViolations(page);
    await page.getByLabel("Användarnamn").fill("lakare");
    await page.getByLabel("Lösenord").fill(process.env.DEMO_PASSWORD ?? "fastakontakter");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(`${baseUrl()}/patienter?q=Berg`);
    expect(await page.getByRole("searchbox").inputValue()).toBe("Berg");
  });

  it("is answered by /healthz without a session, and sent to sign-in for any other address", async () => {
    const response = await fetch(`${baseUrl()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    const other = await fetch(`${baseUrl()}/finns-inte`, { redirect: "manual" });
    expect(other.status).toBe(302);
    expect(other.headers.get("location")).toBe("/logga-in?redirectTo=%2Ffinns-inte");
  });
});

describe("errors the user can fix", () => {
  it("shows a Swedish message next to the field for a wrong password and for empty fields", async () => {
    const { page } = session;
    await signIn(page, "lakare", "fel-lösenord");
    await page.getByRole("alert").getByText(t("signIn.failed")).waitFor();
    await page.getByLabel("Lösenord").fill("");
    await page.getByLabel("Användarnamn").fill("");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText(t("signIn.usernameRequired")).waitFor();
    await page.getByText(t("signIn.passwordRequired")).waitFor();
    await expectNoAxeViolations(page);
  });
});

describe("keyboard only", () => {
  it("reaches the skip link first, signs in with Tab and Enter, and shows where the focus is", async () => {
    const { page } = session;
    await openPage(page, "/logga-in");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: t("app.skipToContent") });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    // WCAG 2.4.7: the focused element is visibly marked.
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");

    await page.keyboard.press("Tab");
    await page.keyboard.type("lakare");
    await page.keyboard.press("Tab");
    await page.keyboard.type(process.env.DEMO_PASSWORD ?? "fastakontakter");
    await page.keyboard.press("Enter");
    await page.getByTestId("active-role").getByText(t("role.LAKARE")).waitFor();

    // The production server's session cookie: not readable by scripts, not sent cross-site,
    // HTTPS only.
    const cookies = await session.browser.context.cookies();
    expect(cookies.filter((c) => c.name === "fk_session")).toEqual([
      expect.objectContaining({ httpOnly: true, secure: true, sameSite: "Lax" }),
    ]);
  });
});
