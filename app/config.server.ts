import { randomBytes } from "node:crypto";

// Settings read once from the environment, with the reasons for the defaults.
const production = process.env.NODE_ENV === "production";

function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (secret) return secret;
  if (!production) return "fasta-kontakter-dev-secret-not-for-production";
  // Never a known secret in production: without SESSION_SECRET, a random one per process
  // (everyone is signed out at restart, which is safe, and the log says how to avoid it).
  console.warn("SESSION_SECRET is not set: using a random secret; sessions end when the server restarts.");
  return randomBytes(32).toString("hex");
}

function sourceSystemHsaId(): string {
  const id = process.env.SOURCE_SYSTEM_HSA_ID;
  if (id) return id;
  if (production) console.warn("SOURCE_SYSTEM_HSA_ID is not set: GetCareManagers names the demo system as its source.");
  // The demo region's catalogue owner (Region Norrsjö, 232100-0990) with a fictional suffix
  // for this system; a region registers the real one in HSA.
  return "SE2321000990-FK0001";
}

export const config = {
  production,
  sessionSecret: sessionSecret(),
  /** Signed out after this long without a request: a shared ward PC must not stay open. */
  sessionIdleMinutes: Number(process.env.SESSION_IDLE_MINUTES ?? 30),
  /** Signed out after this long in any case: one working shift. */
  sessionAbsoluteHours: Number(process.env.SESSION_ABSOLUTE_HOURS ?? 12),
  /**
   * Sign-in throttling (decision 016). Failures per username + client address within the window,
   * then a block that doubles with each further block within a day.
   */
  signInWindowMinutes: 15,
  signInMaxFailuresPerPair: 5,
  signInFirstBlockMinutes: 15,
  signInMaxBlockMinutes: 24 * 60,
  /** Per address: a ward behind one NAT (~50 staff, a few typos each at shift change) stays under it. */
  signInMaxFailuresPerAddress: 200,
  /** Per username across addresses: beyond this, each attempt waits longer (never a lock-out). */
  signInSlowAfterFailuresPerUsername: 10,
  signInMaxDelayMs: 5000,
  /** Longest username ever stored or hashed; the form schema allows less. */
  signInMaxUsernameLength: 100,
  /**
   * Lag (2017:612): the fast vårdkontakt calls to SIP within this many days of the notice that
   * the patient is ready for discharge. The statute says "tre dagar"; whether calendar or
   * working days is not settled (domain-facts §4), so a region can set its agreed number.
   */
  sipCallDays: Number(process.env.SIP_CALL_DAYS ?? 3),
  /**
   * HSA-id of this system as a source of information: GetCareManagers' sourceSystemId
   * (RIV-TA HeaderType), which consumers use to tell producers apart.
   */
  sourceSystemHsaId: sourceSystemHsaId(),
} as const;
