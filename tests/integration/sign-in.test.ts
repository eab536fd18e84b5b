import bcrypt from "bcryptjs";
import { describe, expect, it, vi } from "vitest";
import { blockSecondsFor, delayMsFor, signInLimiters } from "~/auth/sign-in-limiter.server";
import { config } from "~/config.server";
import { db } from "~/db.server";
import { findActiveSession } from "~/auth/session.server";
import { action as signInAction, loader as signInLoader } from "~/routes/logga-in";
import { action as signOutAction } from "~/routes/logga-ut";
import { action as chooseAction, loader as chooseLoader } from "~/routes/valj-enhet";
import { loader as appLoader } from "~/routes/_app";
import { createUnit, createUser, request, signedIn, TEST_PASSWORD } from "../factories";
import { statusOf, thrown } from "../setup/responses";

const args = (req: Request, context: Record<string, string> = { clientAddress: "10.0.0.1" }) => ({ request: req, params: {}, context });
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  request(path, cookie, { method: "POST", body: new URLSearchParams(fields) });

describe("sign-in", () => {
  it("signs in with the right password, sets an httpOnly SameSite=Lax cookie and returns to the page asked for", async () => {
    const unit = await createUnit(db);
    const user = await createUser(db, [{ careUnitId: unit.id, roleCode: "VARDPERSONAL" }]);
    const response = await thrown(
      signInAction(args(post("/logga-in", { username: user.username, password: TEST_PASSWORD, redirectTo: "/patienter/x" }))),
    );
    expect(statusOf(response)).toBe(302);
    const res = response as Response;
    expect(res.headers.get("Location")).toBe("/patienter/x");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("never redirects to another site after sign-in", async () => {
    const unit = await createUnit(db);
    const user = await createUser(db, [{ careUnitId: unit.id, roleCode: "LAKARE" }]);
    const res = (await thrown(
      signInAction(args(post("/logga-in", { username: user.username, password: TEST_PASSWORD, redirectTo: "//evil.example" }))),
    )) as Response;
    expect(res.headers.get("Location")).toBe("/");
  });

  it("says in Swedish which field is missing and writes nothing", async () => {
    const attemptsBefore = await db.signInAttempt.count();
    const result = await signInAction(args(post("/logga-in", { username: "", password: "" })));
    expect(statusOf(result)).toBe(400);
    expect(result).toMatchObject({ data: { errors: { username: "Fyll i ditt användarnamn.", password: "Fyll i ditt lösenord." } } });
    expect(await db.signInAttempt.count()).toBe(attemptsBefore);
  });

  it("gives the same message for an unknown user and a wrong password", async () => {
    const unit = await createUnit(db);
    const user = await createUser(db, [{ careUnitId: unit.id, roleCode: "LAKARE" }]);
    const wrong = await signInAction(args(post("/logga-in", { username: user.username, password: "fel" })));
    const unknown = await signInAction(args(post("/logga-in", { username: "finns-inte", password: "fel" })));
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ data: { formError: expect.stringMatching(/Fel användarnamn eller lösenord/) } });
  });

  it(`blocks a username + address after ${config.signInMaxFailuresPerPair} failures, even with the right password`, async () => {
    const unit = await createUnit(db);
    const user = await createUser(db, [{ careUnitId: unit.id, roleCode: "LAKARE" }]);
    const from = { clientAddress: "10.1.0.1" };
    for (let i = 1; i < config.signInMaxFailuresPerPair; i++) {
      await signInAction(args(post("/logga-in", { username: user.username, password: "fel" }), from));
    }
    await signInAction(args(post("/logga-in", { username: user.username, password: "fel" }), from));
    const blocked = await signInAction(args(post("/logga-in", { username: user.username, password: TEST_PASSWORD }), from));
    expect(statusOf(blocked)).toBe(429);
    expect(blocked).toMatchObject({ data: { formError: expect.stringMatching(/För många misslyckade försök\. Vänta \d+ minuter/) } });
  });

  it("lets exactly the pair limit of 40 concurrent wrong passwords reach the hash; the owner elsewhere still signs in", async () => {
    const unit = await createUnit(db);
    const user = await createUser(db, [{ careUnitId: unit.id, roleCode: "LAKARE" }]);
    const attacker = { clientAddress: "203.0.113.7" };
    const compare = vi.spyOn(bcrypt, "compare");
    compare.mockClear();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => signInAction(args(post("/logga-in", { username: user.username, password: "fel" }), attacker))),
    );
    const checked = compare.mock.calls.length;
    compare.mockRestore();
    expect(checked).toBe(config.signInMaxFailuresPerPair);
    expect(results.filter((r) => statusOf(r) === 429)).toHaveLength(40 - config.signInMaxFailuresPerPair);
    expect(await db.signInAttempt.count({ where: { username: user.username } })).toBe(40);
    // The owner, at the ward's address, is not locked out by the attacker.
    const owner = await thrown(
      signInAction(args(post("/logga-in", { username: user.username, password: TEST_PASSWORD }), { clientAddress: "10.2.0.1" })),
    );
    expect(statusOf(owner)).toBe(302);
    // The attacker's address stays blocked for this user.
    const still = await signInAction(args(post("/logga-in", { username: user.username, password: TEST_PASSWORD }), attacker));
    expect(statusOf(still)).toBe(429);
  });

  it("does not block a ward behind one NAT where many users each mistype once", async () => {
    const nat = { clientAddress: "10.50.50.50" };
    for (let i = 0; i < 60; i++) {
      const r = await signInAction(args(post("/logga-in", { username: `kollega${i}`, password: "fel" }), nat));
      expect(statusOf(r)).toBe(400);
    }
    const unit = await createUnit(db);
    const user = await createUser(db, [{ careUnitId: unit.id, roleCode: "VARDPERSONAL" }]);
    const ok = await thrown(signInAction(args(post("/logga-in", { username: user.username, password: TEST_PASSWORD }), nat)));
    expect(statusOf(ok)).toBe(302);
  });

  it("makes each further block of a pair longer than the one before", async () => {
    const username = `progressiv${Date.now()}`;
    const key = `${username}|10.3.0.1`;
    const limiters = signInLimiters();
    const first = async () => {
      let last: unknown;
      for (let i = 0; i <= config.signInMaxFailuresPerPair; i++) {
        last = await signInAction(args(post("/logga-in", { username, password: "fel" }), { clientAddress: "10.3.0.1" }));
      }
      return last;
    };
    const one = await first();
    expect(statusOf(one)).toBe(429);
    const firstMs = (await limiters.pair.get(key))!.msBeforeNext;
    // The block runs out (simulated by expiring the counter), and the attacker tries again.
    await limiters.pair.delete(key);
    const two = await first();
    expect(statusOf(two)).toBe(429);
    const secondMs = (await limiters.pair.get(key))!.msBeforeNext;
    expect(firstMs).toBeLessThanOrEqual(blockSecondsFor(1) * 1000);
    expect(secondMs).toBeGreaterThan(blockSecondsFor(1) * 1000);
    expect(two).toMatchObject({ data: { formError: expect.stringMatching(/Vänta 30 minuter/) } });
  });

  it(`refuses an address after ${config.signInMaxFailuresPerAddress} failures across usernames`, async () => {
    for (let i = 0; i < config.signInMaxFailuresPerAddress; i++) {
      await signInAction(args(post("/logga-in", { username: `gissning${i}`, password: "fel" }), { clientAddress: "10.9.9.9" }));
    }
    const blocked = await signInAction(args(post("/logga-in", { username: "ny", password: "fel" }), { clientAddress: "10.9.9.9" }));
    expect(statusOf(blocked)).toBe(429);
  });

  it("slows, but does not refuse, a username failing from many addresses", async () => {
    expect(delayMsFor(config.signInSlowAfterFailuresPerUsername)).toBe(0);
    expect(delayMsFor(config.signInSlowAfterFailuresPerUsername + 1)).toBeGreaterThan(0);
    expect(delayMsFor(config.signInSlowAfterFailuresPerUsername + 3)).toBeGreaterThan(delayMsFor(config.signInSlowAfterFailuresPerUsername + 1));
    expect(delayMsFor(1000)).toBe(config.signInMaxDelayMs);
  });

  it("stores at most the bounded length of a huge username", async () => {
    const huge = "a".repeat(1_000_000);
    await signInAction(args(post("/logga-in", { username: huge, password: "fel" }), { clientAddress: "10.4.0.1" }));
    const longest = await db.signInAttempt.findMany({ where: { address: "10.4.0.1" }, select: { username: true } });
    for (const row of longest) expect(row.username.length).toBeLessThanOrEqual(config.signInMaxUsernameLength);
  });
});

describe("sessions", () => {
  it("sends a request without a session to sign-in and remembers the page", async () => {
    const error = await thrown(appLoader(args(request("/patienter/abc?flik=1"))));
    expect(statusOf(error)).toBe(302);
    expect((error as Response).headers.get("Location")).toBe(`/logga-in?redirectTo=${encodeURIComponent("/patienter/abc?flik=1")}`);
  });

  it("ends a session idle for longer than the limit, but not one just inside it", async () => {
    const unit = await createUnit(db);
    const start = new Date("2026-11-25T08:00:00Z");
    const { cookie } = await signedIn(db, unit.id, "VARDPERSONAL", start);
    const justInside = new Date(start.getTime() + config.sessionIdleMinutes * 60_000);
    const justOutside = new Date(start.getTime() + config.sessionIdleMinutes * 60_000 + 1);
    expect(await findActiveSession(db, request("/", cookie), justOutside)).toBeNull();
    expect(await findActiveSession(db, request("/", cookie), justInside)).not.toBeNull();
  });

  it("ends a session at its absolute expiry however active it was", async () => {
    const unit = await createUnit(db);
    const start = new Date("2026-11-25T06:00:00Z");
    const { cookie, sessionId } = await signedIn(db, unit.id, "VARDPERSONAL", start);
    const expiry = new Date(start.getTime() + config.sessionAbsoluteHours * 3_600_000);
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(expiry.getTime() - 1000) } });
    expect(await findActiveSession(db, request("/", cookie), new Date(expiry.getTime() - 1))).not.toBeNull();
    expect(await findActiveSession(db, request("/", cookie), expiry)).toBeNull();
  });

  it("revokes the session on sign-out so the old cookie no longer works", async () => {
    const unit = await createUnit(db);
    const { cookie } = await signedIn(db, unit.id, "VARDPERSONAL");
    const res = (await thrown(signOutAction(args(post("/logga-ut", {}, cookie))))) as Response;
    expect(res.headers.get("Location")).toBe("/logga-in?utloggad=1");
    expect(await findActiveSession(db, request("/", cookie), new Date())).toBeNull();
    const again = await thrown(appLoader(args(request("/", cookie))));
    expect((again as Response).headers.get("Location")).toMatch(/^\/logga-in/);
  });

  it("signs out a disabled user at the next request", async () => {
    const unit = await createUnit(db);
    const { cookie, user } = await signedIn(db, unit.id, "VARDPERSONAL");
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findActiveSession(db, request("/", cookie), new Date())).toBeNull();
  });

  it("tells a user coming back after a lost session to sign in again to continue", async () => {
    const page = await signInLoader(args(request("/logga-in?redirectTo=%2Fpatienter%2Fx")));
    expect(page).toMatchObject({ redirectTo: "/patienter/x", notice: expect.stringMatching(/session har gått ut/) });
  });
});

/** Signs in through the form; the start page then asks for a unit. Returns the session cookie. */
async function signInAndExpectUnitChoice(username: string) {
  const login = (await thrown(signInAction(args(post("/logga-in", { username, password: TEST_PASSWORD, redirectTo: "/" }))))) as Response;
  const cookie = login.headers.get("Set-Cookie")!.split(";")[0];
  const toChoice = (await thrown(appLoader(args(request("/", cookie))))) as Response;
  expect(toChoice.headers.get("Location")).toBe("/valj-enhet?redirectTo=%2F");
  return cookie;
}

describe("active unit and role", () => {
  it("tells a user without any role to contact the administrator instead of showing patients", async () => {
    const user = await createUser(db, []);
    const cookie = await signInAndExpectUnitChoice(user.username);
    expect(await chooseLoader(args(request("/valj-enhet", cookie)))).toMatchObject({ choices: [] });
  });

  it("activates the only role a user has without asking", async () => {
    const unit = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Ett");
    const { cookie } = await signedIn(db, unit.id, "LAKARE");
    const header = await appLoader(args(request("/", cookie)));
    expect(header).toMatchObject({ unitName: "Vårdcentralen Ett", roleCode: "LAKARE", canChooseUnit: false });
  });

  it("asks a user with roles in two units to choose, then shows the chosen unit and role", async () => {
    const a = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen A");
    const b = await createUnit(db, "SLUTENVARD", "Avdelning B");
    const user = await createUser(db, [
      { careUnitId: a.id, roleCode: "VARDPERSONAL" },
      { careUnitId: b.id, roleCode: "VARDPERSONAL" },
    ]);
    const cookie = await signInAndExpectUnitChoice(user.username);
    const choices = await chooseLoader(args(request("/valj-enhet", cookie)));
    expect(choices.choices.map((c) => c.unitName)).toEqual(["Avdelning B", "Vårdcentralen A"]);

    // A role the user does not hold cannot be chosen by editing the form.
    const forged = await chooseAction(args(post("/valj-enhet", { choice: `${a.id}|VERKSAMHETSCHEF` }, cookie)));
    expect(statusOf(forged)).toBe(400);

    await thrown(chooseAction(args(post("/valj-enhet", { choice: `${b.id}|VARDPERSONAL`, redirectTo: "/" }, cookie))));
    const header = await appLoader(args(request("/", cookie)));
    expect(header).toMatchObject({ unitName: "Avdelning B", roleCode: "VARDPERSONAL", canChooseUnit: true });
  });
});
