import bcrypt from "bcryptjs";
import { config } from "~/config.server";
import type { Db } from "~/db.server";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

// A hash to compare against when the username is unknown, so that a wrong username takes
// as long as a wrong password and does not reveal which usernames exist.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", 10);

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

/**
 * Checks a username and password. Repeated failures are throttled per username and per
 * client address within a sliding window; every attempt is recorded.
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string; address: string },
  now: Date,
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const since = new Date(now.getTime() - config.signInWindowMinutes * 60_000);
  const [byUsername, byAddress] = await Promise.all([
    db.signInAttempt.findMany({
      where: { username, succeeded: false, at: { gt: since } },
      select: { at: true },
      orderBy: { at: "asc" },
    }),
    db.signInAttempt.findMany({
      where: { address: input.address, succeeded: false, at: { gt: since } },
      select: { at: true },
      orderBy: { at: "asc" },
    }),
  ]);
  const blocking =
    byUsername.length >= config.signInMaxFailuresPerUsername
      ? byUsername[byUsername.length - config.signInMaxFailuresPerUsername]
      : byAddress.length >= config.signInMaxFailuresPerAddress
        ? byAddress[byAddress.length - config.signInMaxFailuresPerAddress]
        : null;
  if (blocking) {
    const freeAt = blocking.at.getTime() + config.signInWindowMinutes * 60_000;
    return { ok: false, reason: "throttled", retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
  }

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(user && matches && !user.disabledAt);
  await db.signInAttempt.create({ data: { username, address: input.address, succeeded, at: now } });
  return succeeded && user ? { ok: true, userId: user.id } : { ok: false, reason: "failed" };
}
