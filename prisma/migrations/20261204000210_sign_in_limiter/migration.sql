-- The sign-in limiter's counters (rate-limiter-flexible, RateLimiterSQLite). Kept in the app's own
-- database file so every server process on it shares one atomic count (decision 016).
CREATE TABLE "SignInLimiter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT
);
