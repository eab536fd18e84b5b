// The administrator's side of consumer authentication (issue 6 §4): the keys that
// consumers.server.ts checks are created, named and revoked here, each change with its audit
// row in the same transaction. The key itself is returned once, to be shown once; only its
// hash is stored, and neither the key nor the hash goes into the audit trail (the prefix does,
// so that a row can be matched to the key list).
import { actorRef, type Actor } from "~/auth/actor.server";
import { auditedWrite } from "~/audit.server";
import type { Db } from "~/db.server";
import { newApiKey, readServices, storedServices, type ApiService, type Rejection } from "./consumers.server";

/** A care giver (vårdgivare) whose keys the administrator manages. */
export type CareGiverChoice = { id: string; hsaId: string; name: string };

/**
 * The care givers of the units where the user holds a role that may manage API keys
 * (decision 016): an administrator of one care giver neither sees nor touches another's keys.
 */
export async function administeredCareGivers(db: Db, actor: Pick<Actor, "userId">): Promise<CareGiverChoice[]> {
  const roles = await db.rolePermission.findMany({ where: { permissionCode: "apikey:manage" }, select: { roleCode: true } });
  const grants = await db.roleGrant.findMany({
    where: { userId: actor.userId, roleCode: { in: roles.map((r) => r.roleCode) } },
    select: { careUnit: { select: { organisation: { select: { id: true, hsaId: true, name: true } } } } },
  });
  const byId = new Map(grants.map((g) => [g.careUnit.organisation.id, g.careUnit.organisation]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

export type ApiKeyItem = {
  id: string;
  name: string;
  prefix: string;
  /** ISO instants. */
  createdAt: string;
  createdBy: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  /** "legacy-unscoped": revoked by migration 20261204000200, not by an administrator. */
  revocationReason: string | null;
  careGiver: string | null;
  services: ApiService[];
};

/** The keys of the given care givers, newest first, with the names of who created and who revoked them. */
export async function listApiKeys(db: Db, careGivers: readonly CareGiverChoice[]): Promise<ApiKeyItem[]> {
  const keys = await db.apiKey.findMany({
    // Legacy keys (no care giver, all revoked by migration 20261204000200) are listed to every
    // administrator, as before, so that the reason they stopped working can be read here.
    where: { OR: [{ organisationId: { in: careGivers.map((c) => c.id) } }, { organisationId: null }] },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      createdByUserId: true,
      revokedAt: true,
      revokedByUserId: true,
      revocationReason: true,
      services: true,
      organisation: { select: { name: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const userIds = [...new Set(keys.flatMap((k) => [k.createdByUserId, k.revokedByUserId]).filter((id): id is string => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    createdBy: nameOf.get(k.createdByUserId) ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    revokedBy: k.revokedByUserId ? (nameOf.get(k.revokedByUserId) ?? null) : null,
    revocationReason: k.revocationReason,
    careGiver: k.organisation?.name ?? null,
    services: readServices(k.services),
  }));
}

export type IssuedApiKey = { id: string; name: string; prefix: string; key: string };

export type KeyRequest = { name: string; careGiverId: string; services: readonly ApiService[] };

/**
 * A new key for the named system, scoped to one of the administrator's care givers; the
 * returned `key` exists nowhere else. `null` when the care giver is not one the administrator
 * administers (the form offers no other; a forged post gets the same answer as a stale one).
 */
export async function issueApiKey(db: Db, actor: Actor, request: KeyRequest, now: Date): Promise<IssuedApiKey | null> {
  const careGiver = (await administeredCareGivers(db, actor)).find((c) => c.id === request.careGiverId);
  if (!careGiver || request.services.length === 0) return null;
  const { key, prefix, hash } = newApiKey();
  const services = storedServices(request.services);
  return auditedWrite(db, actorRef(actor), now, async (tx) => {
    const row = await tx.apiKey.create({
      data: { name: request.name, prefix, hash, createdAt: now, createdByUserId: actor.userId, organisationId: careGiver.id, services },
      select: { id: true, name: true, prefix: true },
    });
    return {
      result: { ...row, key },
      audit: [
        {
          action: "apikey.create",
          entityType: "ApiKey",
          entityId: row.id,
          after: { name: row.name, prefix: row.prefix, careGiverHsaId: careGiver.hsaId, services },
        },
      ],
    };
  });
}

export type Revocation = { outcome: "revoked" | "already"; name: string } | { outcome: "not-found" };

class AlreadyRevoked extends Error {}

/**
 * Revokes a key for good (the database refuses to undo it: migration 20261125000500_api_keys).
 * A key of a care giver the administrator does not administer is "not-found", like an unknown id.
 */
export async function revokeApiKey(db: Db, actor: Actor, keyId: string, now: Date): Promise<Revocation> {
  const careGivers = await administeredCareGivers(db, actor);
  const key = await db.apiKey.findFirst({
    where: { id: keyId, organisationId: { in: careGivers.map((c) => c.id) } },
    select: { id: true, name: true, prefix: true, revokedAt: true },
  });
  if (!key) return { outcome: "not-found" };
  if (key.revokedAt) return { outcome: "already", name: key.name };
  try {
    await auditedWrite(db, actorRef(actor), now, async (tx) => {
      // Only a key still active: a second administrator revoking at the same moment changes nothing.
      const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now, revokedByUserId: actor.userId } });
      if (count === 0) throw new AlreadyRevoked();
      return {
        result: null,
        audit: [
          {
            action: "apikey.revoke",
            entityType: "ApiKey",
            entityId: key.id,
            before: { revokedAt: null },
            after: { name: key.name, prefix: key.prefix, revokedAt: now.toISOString() },
          },
        ],
      };
    });
  } catch (error) {
    if (error instanceof AlreadyRevoked) return { outcome: "already", name: key.name };
    throw error;
  }
  return { outcome: "revoked", name: key.name };
}

export type RejectedCall = {
  id: number;
  /** ISO instant. */
  at: string;
  rejection: Rejection | null;
  endpoint: string | null;
  prefix: string | null;
  /** The system of a known (revoked) key. */
  keyName: string | null;
  requestId: string | null;
};

const REJECTIONS: readonly Rejection[] = ["missing", "malformed", "unknown", "revoked"];

/**
 * The latest calls authenticateConsumer turned away (its "apikey.rejected" audit rows): an
 * administrator sees probing, and systems still calling with a revoked key.
 */
export async function recentRejections(db: Db, careGivers: readonly CareGiverChoice[], limit = 20): Promise<RejectedCall[]> {
  // entityType first: the (entityType, entityId) index keeps this to the key rows.
  const rows = await db.auditEvent.findMany({
    where: { entityType: "ApiKey", action: "apikey.rejected" },
    select: { id: true, at: true, entityId: true, after: true, requestId: true },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
  });
  // Only the administrator's own care givers' keys are named: another's key shows as its prefix.
  const keys = await db.apiKey.findMany({
    where: { id: { in: rows.map((r) => r.entityId) }, organisationId: { in: careGivers.map((c) => c.id) } },
    select: { id: true, name: true },
  });
  const keyName = new Map(keys.map((k) => [k.id, k.name]));
  return rows.map((r) => {
    const after = readAfter(r.after);
    const rejection = REJECTIONS.find((x) => x === after.rejection) ?? null;
    return {
      id: r.id,
      at: r.at.toISOString(),
      rejection,
      endpoint: typeof after.endpoint === "string" ? after.endpoint : null,
      prefix: typeof after.prefix === "string" ? after.prefix : null,
      keyName: keyName.get(r.entityId) ?? null,
      requestId: r.requestId,
    };
  });
}

function readAfter(after: string | null): Record<string, unknown> {
  if (!after) return {};
  try {
    const parsed: unknown = JSON.parse(after);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
