import { randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { config } from "~/config.server";
import type { Db } from "~/db.server";
import { sessionCookie } from "./cookie.server";

// The one helper for redirects built from user input lives in its own pure module.
export { safeRedirectTarget } from "./redirect-target";

export type ActiveSession = {
  id: string;
  userId: string;
  activeUnitId: string | null;
  activeRole: string | null;
};

const MINUTE = 60_000;

export async function createSession(db: Db, userId: string, now: Date): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 60 * MINUTE),
    },
  });
  return id;
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/**
 * The valid session of the request, or null: unknown, revoked, past its absolute expiry,
 * idle for too long, or belonging to a disabled user. Touches lastSeenAt at most once a
 * minute so that reading pages does not turn into a write per request.
 */
export async function findActiveSession(db: Db, request: Request, now: Date): Promise<ActiveSession | null> {
  const id = await readSessionId(request);
  if (!id) return null;
  const session = await db.session.findUnique({
    where: { id },
    select: {
      id: true,
      userId: true,
      activeUnitId: true,
      activeRole: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { disabledAt: true } },
    },
  });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  if (session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > config.sessionIdleMinutes * MINUTE) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > MINUTE) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  return { id: session.id, userId: session.userId, activeUnitId: session.activeUnitId, activeRole: session.activeRole };
}

export async function revokeSession(db: Db, request: Request, now: Date): Promise<void> {
  const id = await readSessionId(request);
  if (id) await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}

export async function sessionCookieHeader(sessionId: string): Promise<string> {
  return sessionCookie.serialize(sessionId);
}

export async function clearedSessionCookieHeader(): Promise<string> {
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** Sends the user to sign-in, remembering the page so that they come back to it. */
export function redirectToSignIn(request: Request, headers?: HeadersInit): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const search = back === "/" ? "" : `?redirectTo=${encodeURIComponent(back)}`;
  throw redirect(`/logga-in${search}`, { headers });
}
