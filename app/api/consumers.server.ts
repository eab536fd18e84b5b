// Who may call the system APIs (GetCareManagers, FHIR CareTeam): a consumer system holding an
// API key that an administrator created (decision 012). Production puts mutual TLS with SITHS
// function certificates in front; the key then names the system inside the product.
import { createHash, randomBytes } from "node:crypto";
import type { ActorRef } from "~/auth/actor.server";
import { recordAudit } from "~/audit.server";
import type { Db } from "~/db.server";
import { readServices, type ApiService } from "./services";

/** Keys read "fk_" + 43 base64url characters (256 random bits). */
const KEY_PATTERN = /^fk_[A-Za-z0-9_-]{43}$/;
/** What the key list shows to tell keys apart: "fk_" and six characters. */
const PREFIX_LENGTH = 9;

/** SHA-256 is enough for a 256-bit random secret: there is nothing to guess, so no slow hash. */
export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `fk_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** The key from `Authorization: Bearer …` or, for SOAP stacks that cannot set it, `X-API-Key`. */
export function presentedKey(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return bearer?.[1] ?? request.headers.get("x-api-key")?.trim() ?? null;
}

export { API_SERVICES, readServices, storedServices, type ApiService } from "./services";

/**
 * The system behind a key, and what the key allows: only the contacts of one care giver
 * (`careGiverHsaId`), and only through the services listed.
 */
export type Consumer = { keyId: string; name: string; careGiverHsaId: string; services: readonly ApiService[] };

export type Rejection = "missing" | "malformed" | "unknown" | "revoked";

export type Authentication = { ok: true; consumer: Consumer } | { ok: false; rejection: Rejection };

/**
 * Checks the key. A rejected call is written to the audit trail (with the request id and, for
 * a known key, its id) so that an administrator sees probing and revoked systems still calling.
 */
export async function authenticateConsumer(
  db: Db,
  request: Request,
  { now, requestId, endpoint }: { now: Date; requestId: string; endpoint: string },
): Promise<Authentication> {
  const key = presentedKey(request);
  const wellFormed = key !== null && KEY_PATTERN.test(key);
  const found = wellFormed
    ? await db.apiKey.findUnique({ where: { hash: hashApiKey(key) }, include: { organisation: { select: { hsaId: true } } } })
    : null;
  // A key without a care giver is a legacy key, revoked by migration 20261204000200; were one
  // ever active it would still be refused rather than read region-wide.
  if (found && found.revokedAt === null && found.organisation) {
    return {
      ok: true,
      consumer: { keyId: found.id, name: found.name, careGiverHsaId: found.organisation.hsaId, services: readServices(found.services) },
    };
  }
  const rejection: Rejection = !key ? "missing" : !wellFormed ? "malformed" : found ? "revoked" : "unknown";
  console.warn(`[api] ${requestId} rejected a call to ${endpoint}: ${rejection} key`);
  await db.$transaction((tx) =>
    recordAudit(tx, anonymous(requestId), now, {
      action: "apikey.rejected",
      entityType: "ApiKey",
      entityId: found?.id ?? "-",
      after: { rejection, endpoint, prefix: wellFormed ? key.slice(0, PREFIX_LENGTH) : null },
    }),
  );
  return { ok: false, rejection };
}

const anonymous = (requestId: string): ActorRef => ({ userId: null, roleCode: null, careUnitId: null, requestId });

/** The access-log actor of a call: no user, the consumer system by name (HSLF-FS 2016:40 4 kap. 9 §). */
export const consumerActor = (consumer: Consumer, requestId: string) => ({ ...anonymous(requestId), consumerSystem: consumer.name });
