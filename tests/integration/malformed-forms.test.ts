// Bodies a form route cannot read must be refused with a 4xx and a Swedish message, never a
// 500, and nothing may be written. These call the actions directly, as the Vite dev server
// does, without the server edge in front.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { action as signInAction } from "~/routes/logga-in";
import { action as languageAction } from "~/routes/sprak";
import { action as chooseAction } from "~/routes/valj-enhet";
import { action as apiKeysAction } from "~/routes/_app.api-nycklar";
import { action as addStaffAction } from "~/routes/_app.personal.ny";
import { createUnit, request, signedIn } from "../factories";
import { statusOf } from "../setup/responses";

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, string> }) => Promise<unknown>;

const bodies: [string, RequestInit, number][] = [
  ["no content type", { body: new Blob(["username=a&password=b"]) }, 415],
  ["JSON", { body: '{"username":"a"}', headers: { "Content-Type": "application/json" } }, 415],
  ["text/plain", { body: "username=a", headers: { "Content-Type": "text/plain" } }, 415],
  ["XML", { body: "<a>b</a>", headers: { "Content-Type": "application/xml" } }, 415],
  ["multipart without a boundary", { body: "x", headers: { "Content-Type": "multipart/form-data" } }, 400],
  [
    "broken multipart",
    { body: "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", headers: { "Content-Type": "multipart/form-data; boundary=b" } },
    400,
  ],
];

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (error) {
    return error;
  }
}

describe("malformed form bodies", () => {
  const routes: [string, string, Action, () => Promise<string | undefined>][] = [
    ["sign-in", "/logga-in", signInAction as Action, async () => undefined],
    ["language", "/sprak", languageAction as Action, async () => undefined],
    ["choose unit", "/valj-enhet", chooseAction as Action, async () => (await signedIn(db, (await createUnit(db)).id, "VARDPERSONAL")).cookie],
    ["API keys", "/api-nycklar", apiKeysAction as Action, async () => (await signedIn(db, (await createUnit(db)).id, "ADMINISTRATOR")).cookie],
    ["add staff", "/personal/ny", addStaffAction as Action, async () => (await signedIn(db, (await createUnit(db)).id, "ADMINISTRATOR")).cookie],
  ];

  for (const [name, path, action, cookieFor] of routes) {
    it.each(bodies)(`${name}: %s is refused with a 4xx and a Swedish message`, async (_label, init, status) => {
      const cookie = await cookieFor();
      const attempts = await db.signInAttempt.count();
      const result = await outcome(action({ request: request(path, cookie, { method: "POST", ...init }), params: {}, context: { clientAddress: "10.0.0.1" } }));
      expect(statusOf(result)).toBe(status);
      expect(result).toMatchObject({ data: { message: expect.stringMatching(/[åäö]/) } });
      expect(await db.signInAttempt.count()).toBe(attempts);
    });
  }

  it("a duplicated field is a validation error next to the field, not an exception", async () => {
    const body = new URLSearchParams([["username", "a"], ["username", "b"], ["password", "x"]]);
    const result = await signInAction({ request: request("/logga-in", undefined, { method: "POST", body }), params: {}, context: { clientAddress: "10.0.0.1" } });
    expect(statusOf(result)).toBe(400);
    expect(result).toMatchObject({ data: { errors: { username: "Fältet skickades mer än en gång." } } });
  });

  it("a file where text belongs is a validation error next to the field", async () => {
    const body = new FormData();
    body.append("username", new File(["a"], "a.txt"));
    body.append("password", "x");
    const result = await signInAction({ request: request("/logga-in", undefined, { method: "POST", body }), params: {}, context: { clientAddress: "10.0.0.1" } });
    expect(statusOf(result)).toBe(400);
    expect(result).toMatchObject({ data: { errors: { username: "Fältet ska vara text." } } });
  });
});
