import Database from "better-sqlite3";
import { RateLimiterRes, RateLimiterSQLite } from "rate-limiter-flexible";
import { config } from "~/config.server";
import { databaseUrl } from "~/db.server";

/**
 * The sign-in limiters (decision 016), kept by rate-limiter-flexible in the app's own SQLite file
 * (table SignInLimiter, created by a migration) so that every server process on the same database
 * shares one count, and each consume is one atomic upsert.
 */
export type SignInLimiters = {
  /** Failures per username + address: the lock an attacker cannot extend to the owner elsewhere. */
  pair: RateLimiterSQLite;
  /** Blocks per pair within a day: each block is twice as long as the one before. */
  pairBlocks: RateLimiterSQLite;
  /** Failures per address across usernames: high enough for a ward behind one NAT. */
  address: RateLimiterSQLite;
  /** Failures per username across addresses: slows, never refuses. */
  username: RateLimiterSQLite;
};

const WINDOW_S = () => config.signInWindowMinutes * 60;

function filePath(url: string): string {
  return url.replace(/^file:/, "");
}

let cached: { url: string; limiters: SignInLimiters } | undefined;

export function signInLimiters(url = databaseUrl()): SignInLimiters {
  if (cached?.url === url) return cached.limiters;
  // A busy timeout so that concurrent processes queue on the file lock instead of failing.
  const client = new Database(filePath(url), { timeout: 5000 });
  const make = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterSQLite({
      storeClient: client,
      storeType: "better-sqlite3",
      tableName: "SignInLimiter",
      tableCreated: true,
      keyPrefix,
      points,
      duration,
    });
  const limiters: SignInLimiters = {
    pair: make("pair", config.signInMaxFailuresPerPair, WINDOW_S()),
    pairBlocks: make("pairblocks", Number.MAX_SAFE_INTEGER, 24 * 60 * 60),
    address: make("addr", config.signInMaxFailuresPerAddress, WINDOW_S()),
    username: make("user", Number.MAX_SAFE_INTEGER, WINDOW_S()),
  };
  cached = { url, limiters };
  return limiters;
}

/** The block length after the n-th block of a pair within a day: 15, 30, 60 … minutes, capped. */
export function blockSecondsFor(blockNumber: number): number {
  const minutes = Math.min(config.signInFirstBlockMinutes * 2 ** (blockNumber - 1), config.signInMaxBlockMinutes);
  return minutes * 60;
}

/** The wait before an attempt on a username that has failed often from many addresses. */
export function delayMsFor(usernameFailures: number): number {
  const excess = usernameFailures - config.signInSlowAfterFailuresPerUsername;
  if (excess <= 0) return 0;
  return Math.min(100 * 2 ** (excess - 1), config.signInMaxDelayMs);
}

export { RateLimiterRes };
