// Small builders for integration tests: each call makes unique, valid rows.
import { randomUUID } from "node:crypto";
import { loadGrant } from "~/auth/actor.server";
import { createSession, sessionCookieHeader } from "~/auth/session.server";
import { API_SERVICES, newApiKey, storedServices, type ApiService } from "~/api/consumers.server";
import { hashPassword } from "~/auth/sign-in.server";
import type { Db } from "~/db.server";
import type { RoleCode } from "~/domain/permissions";
import { luhnCheckDigit } from "~/domain/identifiers";
import type { CareUnitKind, ContactKind } from "~/generated/prisma/client";

let counter = 0;
const next = () => ++counter;
const unique = () => randomUUID().slice(0, 8);

/** A Luhn-valid personnummer (12 digits) with a test-range serial number. */
export function testPersonnummer(birthDate?: string): string {
  const n = next();
  const [y, m, d] = (birthDate ?? `${1930 + (n % 70)}-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, "0")}`).split("-");
  const serial = String(n % 1000).padStart(3, "0");
  const nine = `${y.slice(2)}${m}${d}${serial}`;
  return `${y}${m}${d}${serial}${luhnCheckDigit(nine)}`;
}

export async function createUnit(db: Db, kind: CareUnitKind = "REGIONAL_PRIMARVARD", name = `Enhet ${unique()}`) {
  const n = next();
  const org = await db.organisation.create({
    data: { hsaId: `SE2321000016-ORG${n}${unique()}`, name: `Region ${n}`, kind: "REGION", organisationNumber: `T${unique()}` },
  });
  return db.careUnit.create({
    data: {
      hsaId: `SE2321000016-U${n}${unique()}`,
      name,
      kind,
      organisationId: org.id,
      regionallyFinanced: kind === "REGIONAL_PRIMARVARD",
      visitingAddress: "Storgatan 1",
      postalCode: "111 11",
      city: "Norrsjö",
      publicPhone: "0771-11 22 33",
      careToCarePhone: "010-123 45 67",
    },
  });
}

export async function createPatient(db: Db, data: { listedAt?: string; protectedIdentity?: boolean; lastName?: string } = {}) {
  const identifier = testPersonnummer();
  return db.patient.create({
    data: {
      identifierKind: "PERSONNUMMER",
      identifier,
      firstName: "Test",
      lastName: data.lastName ?? `Patient${next()}`,
      birthDate: `${identifier.slice(0, 4)}-${identifier.slice(4, 6)}-${identifier.slice(6, 8)}`,
      streetAddress: "Lillgatan 2",
      postalCode: "111 12",
      city: "Norrsjö",
      protectedIdentity: data.protectedIdentity ?? false,
      listings: data.listedAt ? { create: { careUnitId: data.listedAt, from: "2020-01-01" } } : undefined,
    },
  });
}

/** A staff member employed at the unit since 2020; a läkare by befattning gets legitimation LK, others SJ. */
export async function createStaff(
  db: Db,
  careUnitId: string,
  befattningCode = "206011",
  extra: {
    legitimations?: string;
    specialties?: { specialty: string; status: "SPECIALIST" | "IN_TRAINING" }[];
    underskoterskaBevis?: boolean;
    employmentEndDate?: string | null;
  } = {},
) {
  const n = next();
  return db.staffMember.create({
    data: {
      hsaId: `SE2321000016-P${n}${unique()}`,
      firstName: "Personal",
      lastName: `Nummer${n}`,
      befattningCode,
      legitimations: extra.legitimations ?? (befattningCode.startsWith("20") && befattningCode < "205000" ? "LK" : "SJ"),
      underskoterskaBevis: extra.underskoterskaBevis ?? false,
      employmentEndDate: extra.employmentEndDate ?? null,
      employments: { create: { careUnitId, from: "2020-01-01" } },
      specialties: extra.specialties ? { create: extra.specialties } : undefined,
    },
  });
}

export async function createAssignment(
  db: Db,
  data: { patientId: string; staffMemberId: string; careUnitId: string; kind?: ContactKind; endedAt?: Date | null },
) {
  return db.assignment.create({
    data: {
      kind: data.kind ?? "FAST_VARDKONTAKT",
      patientId: data.patientId,
      staffMemberId: data.staffMemberId,
      careUnitId: data.careUnitId,
      startedAt: new Date("2026-01-01T08:00:00Z"),
      endedAt: data.endedAt ?? null,
    },
  });
}

export const TEST_PASSWORD = "rätt-lösenord-123";

// bcrypt is slow on purpose: hash the shared test password once per file.
let testPasswordHash: Promise<string> | undefined;

export async function createUser(db: Db, grants: { careUnitId: string; roleCode: RoleCode }[], username = `user${next()}${unique()}`) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      username,
      displayName: `Användare ${username}`,
      passwordHash: await testPasswordHash,
      roleGrants: { create: grants },
    },
  });
}

/** A user acting with one role in one unit, as the process executor sees them. */
export async function createActor(db: Db, careUnitId: string, roleCode: RoleCode, now = new Date()) {
  const user = await createUser(db, [{ careUnitId, roleCode }]);
  return { userId: user.id, requestId: `req-${unique()}`, grant: await loadGrant(db, user.id, careUnitId, roleCode, now) };
}

/**
 * A user with one role in one unit who also holds the verksamhetschef's delegation of a
 * permission there (HSF 4 kap. 2 §), as an actor; `delegationId` is what audit rows must name.
 */
export async function createDelegatedActor(db: Db, careUnitId: string, roleCode: RoleCode, delegatorUserId: string, permissionCode: string, now = new Date()) {
  const user = await createUser(db, [{ careUnitId, roleCode }]);
  const delegation = await db.delegation.create({
    data: { careUnitId, delegatorId: delegatorUserId, delegateId: user.id, permissionCode, validFrom: new Date(now.getTime() - 86_400_000) },
  });
  return { userId: user.id, requestId: `req-${unique()}`, grant: await loadGrant(db, user.id, careUnitId, roleCode, now), delegationId: delegation.id };
}

/** A signed-in user with one role in one unit, and the Cookie header of their session. */
export async function signedIn(db: Db, careUnitId: string, roleCode: RoleCode, now = new Date()) {
  const user = await createUser(db, [{ careUnitId, roleCode }]);
  const sessionId = await createSession(db, user.id, now);
  const cookie = (await sessionCookieHeader(sessionId)).split(";")[0];
  return { user, sessionId, cookie };
}

export function request(path: string, cookie?: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${path}`, { ...init, headers });
}

/** An active API key for a consumer system, with the key as the system would present it. */
/**
 * An active key for one care giver (decision 016), by default allowed both services. Without
 * `careGiverId` the key gets a care giver of its own, so that it reads nobody's contacts unless
 * a test says whose.
 */
export async function createApiKey(
  db: Db,
  name = `System ${unique()}`,
  { careGiverId, services = API_SERVICES }: { careGiverId?: string; services?: readonly ApiService[] } = {},
) {
  const { key, prefix, hash } = newApiKey();
  const organisationId =
    careGiverId ??
    (await db.organisation.create({ data: { hsaId: `SE2321000016-KG${next()}${unique()}`, name: `Vårdgivare ${unique()}`, kind: "REGION", organisationNumber: `T${unique()}` } })).id;
  const row = await db.apiKey.create({
    data: { name, prefix, hash, createdAt: new Date(), createdByUserId: "test", organisationId, services: storedServices(services) },
  });
  return { ...row, key };
}
