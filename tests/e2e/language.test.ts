// Swedish by default; the switch in the header changes every text of the page, and the
// choice holds for the next pages and for the messages of a form the server checks.
import { describe, expect, it } from "vitest";
import { openPage, signIn, useBrowser } from "./browser";

describe("language switch", () => {
  const session = useBrowser();

  it("switches the whole page to English and back, and remembers the choice", async () => {
    const { page } = session;
    await signIn(page, "verksamhetschef");
    await page.getByRole("navigation", { name: "Huvudmeny" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");

    await page.getByRole("button", { name: "In English" }).click();
    await page.getByRole("navigation", { name: "Main menu" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect(page.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);

    // The next page is English too, and so are the server's messages.
    await openPage(page, "/patienter?q=1912");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "På svenska" }).click();
    await page.getByRole("navigation", { name: "Huvudmeny" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/patienter?q=1912");
  });

  it("signs in in English when chosen on the sign-in page, validation messages included", async () => {
    const { page } = session;
    await openPage(page, "/logga-in");
    await page.getByRole("button", { name: "In English" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter your username.").waitFor();
  });
});
