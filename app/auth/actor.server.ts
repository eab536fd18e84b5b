import { data, redirect } from "@remix-run/node";
import { db as defaultDb, type Db } from "~/db.server";
import { DELEGABLE, isPermission, isRoleCode, type Grant, type Permission, type RoleCode } from "~/domain/permissions";
import { requestIdOf } from "~/request-context.server";
import { clearedSessionCookieHeader, findActiveSession, redirectToSignIn } from "./session.server";

/** A role the user holds in a unit, as offered on the "choose unit" page. */
export type RoleChoice = { careUnitId: string; unitName: string; unitKind: string; roleCode: RoleCode };

/** The signed-in user acting in one unit with one role: who every server module works for. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  sessionId: string;
  requestId: string;
  unit: { id: string; name: string; kind: string };
  grant: Grant;
  choices: RoleChoice[];
};

/** The part of an actor that audit and access-log rows record. */
export type ActorRef = {
  userId: string | null;
  roleCode: string | null;
  careUnitId: string | null;
  requestId: string | null;
};

export function actorRef(actor: Pick<Actor, "userId" | "requestId" | "grant">, delegationId?: string | null): ActorRef & { delegationId: string | null } {
  return {
    userId: actor.userId,
    roleCode: actor.grant.roleCode,
    careUnitId: actor.grant.careUnitId,
    requestId: actor.requestId,
    delegationId: delegationId ?? null,
  };
}

export async function roleChoicesOf(db: Db, userId: string): Promise<RoleChoice[]> {
  const grants = await db.roleGrant.findMany({
    where: { userId },
    select: { careUnitId: true, roleCode: true, careUnit: { select: { name: true, kind: true } } },
    orderBy: [{ careUnit: { name: "asc" } }, { roleCode: "asc" }],
  });
  return grants
    .filter((g) => isRoleCode(g.roleCode))
    .map((g) => ({
      careUnitId: g.careUnitId,
      unitName: g.careUnit.name,
      unitKind: g.careUnit.kind,
      roleCode: g.roleCode as RoleCode,
    }));
}

/** Permissions of the role in the unit plus those delegated to the user there (HSF 4 kap. 2 §). */
export async function loadGrant(db: Db, userId: string, careUnitId: string, roleCode: RoleCode, now: Date): Promise<Grant> {
  const [rolePermissions, delegations] = await Promise.all([
    db.rolePermission.findMany({ where: { roleCode }, select: { permissionCode: true } }),
    db.delegation.findMany({
      where: {
        delegateId: userId,
        careUnitId,
        revokedAt: null,
        validFrom: { lte: now },
        OR: [{ validTo: null }, { validTo: { gt: now } }],
      },
      select: { id: true, permissionCode: true },
    }),
  ]);
  const permissions = new Set<Permission>();
  for (const { permissionCode } of rolePermissions) if (isPermission(permissionCode)) permissions.add(permissionCode);
  const delegationIds: Grant["delegationIds"] = {};
  for (const d of delegations) {
    // HSF 4 kap. 2 §: only appointing can be delegated; any other delegated code is ignored.
    if (!isPermission(d.permissionCode) || !DELEGABLE.includes(d.permissionCode) || permissions.has(d.permissionCode)) continue;
    permissions.add(d.permissionCode);
    delegationIds[d.permissionCode] = d.id;
  }
  return { roleCode, careUnitId, permissions, delegationIds };
}

/** The signed-in user of a request, or a redirect to sign-in that remembers the page. */
export async function requireSignedIn(request: Request, db: Db, now: Date) {
  const session = await findActiveSession(db, request, now);
  if (!session) redirectToSignIn(request, { "Set-Cookie": await clearedSessionCookieHeader() });
  const user = await db.user.findUniqueOrThrow({
    where: { id: session.userId },
    select: { id: true, username: true, displayName: true },
  });
  return { session, user };
}

/**
 * The actor of a request, or a redirect: to sign-in when there is no valid session (the
 * page is remembered), to the unit choice when the user has several roles and none is
 * active yet.
 */
export async function requireActor(
  request: Request,
  context: unknown,
  options: { db?: Db; now?: Date } = {},
): Promise<Actor> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const { session, user } = await requireSignedIn(request, db, now);
  const choices = await roleChoicesOf(db, user.id);
  let active = choices.find((c) => c.careUnitId === session.activeUnitId && c.roleCode === session.activeRole);
  if (!active && choices.length === 1) {
    active = choices[0];
    await db.session.update({
      where: { id: session.id },
      data: { activeUnitId: active.careUnitId, activeRole: active.roleCode },
    });
  }
  if (!active) {
    const url = new URL(request.url);
    throw redirect(`/valj-enhet?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    sessionId: session.id,
    requestId: requestIdOf(context, request),
    unit: { id: active.careUnitId, name: active.unitName, kind: active.unitKind },
    grant: await loadGrant(db, user.id, active.careUnitId, active.roleCode, now),
    choices,
  };
}

/** 403 with a Swedish page unless the actor holds the permission in the active unit. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.grant.permissions.has(permission)) {
    throw data({ requiredPermission: permission }, { status: 403 });
  }
}
