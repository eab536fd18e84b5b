import bcrypt from "bcryptjs";
import { RateLimiterRes } from "rate-limiter-flexible";
import { config } from "~/config.server";
import type { Db } from "~/db.server";
import { blockSecondsFor, delayMsFor, signInLimiters } from "~/auth/sign-in-limiter.server";

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

const minutesUntil = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a username and password (decision 016). A point is taken from each limiter BEFORE the
 * hash is compared, atomically in SQLite, so no more than the pair limit's guesses ever reach
 * bcrypt however many arrive at once. Success gives the points back; every attempt is recorded.
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string; address: string },
  now: Date,
): Promise<SignInResult> {
  // Bounded before anything is stored, hashed or used as a limiter key.
  const username = input.username.trim().toLowerCase().slice(0, config.signInMaxUsernameLength);
  const address = input.address.slice(0, 100);
  const limiters = signInLimiters();
  const pairKey = `${username}|${address}`;

  const refused = async (res: unknown): Promise<SignInResult> => {
    if (!(res instanceof RateLimiterRes)) throw res;
    await db.signInAttempt.create({ data: { username, address, succeeded: false, at: now } });
    return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(res.msBeforeNext) };
  };

  try {
    await limiters.address.consume(address);
  } catch (res) {
    return refused(res);
  }
  try {
    await limiters.pair.consume(pairKey);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    // The attempt that first goes over starts a block; each further block in a day doubles it.
    if (res.consumedPoints === config.signInMaxFailuresPerPair + 1) {
      const blocks = await limiters.pairBlocks.consume(pairKey);
      const seconds = blockSecondsFor(blocks.consumedPoints);
      await limiters.pair.block(pairKey, seconds);
      return refused(new RateLimiterRes(0, seconds * 1000, res.consumedPoints));
    }
    return refused(res);
  }
  const byUsername = await limiters.username.consume(username);
  const delay = delayMsFor(byUsername.consumedPoints);
  if (delay > 0) await sleep(delay);

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  const succeeded = Boolean(user && matches && !user.disabledAt);
  await db.signInAttempt.create({ data: { username, address, succeeded, at: now } });
  if (succeeded && user) {
    await Promise.all([limiters.pair.delete(pairKey), limiters.username.delete(username), limiters.address.reward(address, 1)]);
    return { ok: true, userId: user.id };
  }
  return { ok: false, reason: "failed" };
}
