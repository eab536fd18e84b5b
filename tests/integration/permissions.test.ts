import { describe, expect, it } from "vitest";
import { loadGrant, requirePermission, type Actor } from "~/auth/actor.server";
import { db } from "~/db.server";
import { can, DELEGABLE, PERMISSIONS, ROLES, type Permission, type RoleCode } from "~/domain/permissions";
import { createUnit, createUser } from "../factories";
import { statusOf, thrown } from "../setup/responses";

const now = new Date("2026-11-25T10:00:00Z");

async function permissionsOf(roleCode: RoleCode) {
  const unit = await createUnit(db);
  const user = await createUser(db, [{ careUnitId: unit.id, roleCode }]);
  return loadGrant(db, user.id, unit.id, roleCode, now);
}

describe("the permission vocabulary", () => {
  it("is the same in the code and in the migrated reference data", async () => {
    const roles = await db.role.findMany({ select: { code: true } });
    const permissions = await db.permission.findMany({ select: { code: true } });
    expect(roles.map((r) => r.code).sort()).toEqual([...ROLES].sort());
    expect(permissions.map((p) => p.code).sort()).toEqual([...PERMISSIONS].sort());
  });
});

describe("what each role may do (SPEC §2)", () => {
  const table: [RoleCode, Permission, boolean][] = [
    // PL 6 kap. 2 §, HSF 4 kap. 1 §: the verksamhetschef appoints a fast vårdkontakt.
    ["VERKSAMHETSCHEF", "appoint:fast-vardkontakt", true],
    ["VARDPERSONAL", "appoint:fast-vardkontakt", false],
    ["LAKARE", "appoint:fast-vardkontakt", false],
    ["VARDPERSONAL", "refusal:record", true],
    ["VARDPERSONAL", "referral:send", true],
    ["LAKARE", "assess:life-threatening", true],
    ["VARDPERSONAL", "assess:life-threatening", false],
    ["ENHETSCHEF_HEMTJANST", "appoint:fast-omsorgskontakt", true],
    ["VERKSAMHETSCHEF", "appoint:fast-omsorgskontakt", false],
    ["ADMINISTRATOR", "turnover:reassign", true],
    // Decision 018: the roles that appoint may carry out a staff turnover of their unit themselves.
    ["VERKSAMHETSCHEF", "turnover:reassign", true],
    ["ENHETSCHEF_HEMTJANST", "turnover:reassign", true],
    ["VARDPERSONAL", "turnover:reassign", false],
    ["LAKARE", "turnover:reassign", false],
    ["ADMINISTRATOR", "audit:read", true],
    ["VERKSAMHETSCHEF", "audit:read", false],
    ["ADMINISTRATOR", "appoint:fast-vardkontakt", false],
  ];
  it.each(table)("%s → %s: %s", async (role, permission, expected) => {
    expect(can(await permissionsOf(role), permission)).toBe(expected);
  });
});

describe("delegation (HSF 4 kap. 2 §)", () => {
  async function delegated(validTo: Date | null, revokedAt: Date | null = null) {
    const unit = await createUnit(db);
    const chief = await createUser(db, [{ careUnitId: unit.id, roleCode: "VERKSAMHETSCHEF" }]);
    const nurse = await createUser(db, [{ careUnitId: unit.id, roleCode: "VARDPERSONAL" }]);
    const delegation = await db.delegation.create({
      data: {
        careUnitId: unit.id,
        delegatorId: chief.id,
        delegateId: nurse.id,
        permissionCode: "appoint:fast-vardkontakt",
        validFrom: new Date("2026-01-01T00:00:00Z"),
        validTo,
        revokedAt,
      },
    });
    return { grant: await loadGrant(db, nurse.id, unit.id, "VARDPERSONAL", now), delegation };
  }

  it("lets the delegate appoint and remembers which delegation allowed it", async () => {
    const { grant, delegation } = await delegated(null);
    expect(can(grant, "appoint:fast-vardkontakt")).toBe(true);
    expect(grant.delegationIds["appoint:fast-vardkontakt"]).toBe(delegation.id);
  });

  it("ends exactly at validTo and at revocation", async () => {
    expect(can((await delegated(new Date(now.getTime() + 1))).grant, "appoint:fast-vardkontakt")).toBe(true);
    expect(can((await delegated(now)).grant, "appoint:fast-vardkontakt")).toBe(false);
    expect(can((await delegated(null, new Date("2026-06-01T00:00:00Z"))).grant, "appoint:fast-vardkontakt")).toBe(false);
  });

  it("grants nothing for a delegated permission that may not be delegated", async () => {
    const unit = await createUnit(db);
    const chief = await createUser(db, [{ careUnitId: unit.id, roleCode: "VERKSAMHETSCHEF" }]);
    const nurse = await createUser(db, [{ careUnitId: unit.id, roleCode: "VARDPERSONAL" }]);
    await db.delegation.create({
      data: {
        careUnitId: unit.id,
        delegatorId: chief.id,
        delegateId: nurse.id,
        permissionCode: "audit:read",
        validFrom: new Date("2026-01-01T00:00:00Z"),
      },
    });
    const grant = await loadGrant(db, nurse.id, unit.id, "VARDPERSONAL", now);
    expect(can(grant, "audit:read")).toBe(false);
    expect(grant.delegationIds).toEqual({});
  });

  it("only covers appointing in health care: a fast läkarkontakt too, never a fast omsorgskontakt (decision 018)", () => {
    expect(DELEGABLE).toEqual(["appoint:fast-vardkontakt", "appoint:fast-lakarkontakt", "appoint:annan-fast-kontakt"]);
  });

  it("lets a delegate record a fast läkarkontakt, and ignores a delegated fast omsorgskontakt", async () => {
    const unit = await createUnit(db);
    const chief = await createUser(db, [{ careUnitId: unit.id, roleCode: "VERKSAMHETSCHEF" }]);
    const nurse = await createUser(db, [{ careUnitId: unit.id, roleCode: "VARDPERSONAL" }]);
    const given = async (permissionCode: string) =>
      db.delegation.create({
        data: { careUnitId: unit.id, delegatorId: chief.id, delegateId: nurse.id, permissionCode, validFrom: new Date("2026-01-01T00:00:00Z") },
      });
    const lakare = await given("appoint:fast-lakarkontakt");
    await given("appoint:fast-omsorgskontakt");
    const grant = await loadGrant(db, nurse.id, unit.id, "VARDPERSONAL", now);
    expect(grant.delegationIds).toEqual({ "appoint:fast-lakarkontakt": lakare.id });
    expect(can(grant, "appoint:fast-omsorgskontakt")).toBe(false);
  });
});

describe("the server guard", () => {
  it("answers 403 when the active role lacks the permission", async () => {
    const grant = await permissionsOf("VARDPERSONAL");
    const actor = { grant } as Actor;
    expect(() => requirePermission(actor, "patient:read")).not.toThrow();
    const error = await thrown(Promise.resolve().then(() => requirePermission(actor, "staff:manage")));
    expect(statusOf(error)).toBe(403);
  });
});
