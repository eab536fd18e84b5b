// The unit page: how to reach a care unit and its teams, and who leads it. Staff-facing:
// it shows the vård-till-vård number, which the patient never sees (seed §6.1.2).
import type { Actor } from "~/auth/actor.server";
import type { Db } from "~/db.server";
import type { RoleCode } from "~/domain/permissions";
import { fullName } from "./contact-view";

/** The roles that lead a unit: the verksamhetschef (HSF 4 kap. 1 §), in hemtjänst the enhetschef. */
const LEADER_ROLES: RoleCode[] = ["VERKSAMHETSCHEF", "ENHETSCHEF_HEMTJANST"];

/** Units whose page the actor may open: those where the user holds a role (any of their grants). */
export function unitPageAllowed(actor: Pick<Actor, "unit" | "choices">, unitId: string): boolean {
  return unitId === actor.unit.id || actor.choices.some((c) => c.careUnitId === unitId);
}

const contactWaySelect = { select: { id: true, kind: true, label: true, value: true, contactTimes: true }, orderBy: { label: "asc" } } as const;

export async function getUnitPage(db: Db, unitId: string) {
  const unit = await db.careUnit.findUnique({
    where: { id: unitId },
    select: {
      id: true,
      hsaId: true,
      name: true,
      kind: true,
      regionallyFinanced: true,
      visitingAddress: true,
      postalCode: true,
      city: true,
      publicPhone: true,
      careToCarePhone: true,
      organisation: { select: { name: true } },
      contactWays: contactWaySelect,
      teams: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          phone: true,
          comment: true,
          contactTimes: true,
          contactWays: contactWaySelect,
          members: {
            select: {
              staffMember: {
                select: {
                  id: true,
                  firstName: true,
                  middleName: true,
                  lastName: true,
                  employmentEndDate: true,
                  befattning: { select: { name: true } },
                },
              },
            },
          },
        },
      },
      roleGrants: {
        where: { roleCode: { in: LEADER_ROLES }, user: { disabledAt: null } },
        select: { roleCode: true, user: { select: { id: true, displayName: true, staffMemberId: true } } },
        orderBy: { user: { displayName: "asc" } },
      },
    },
  });
  if (!unit) return null;
  const { roleGrants, teams, ...rest } = unit;
  return {
    ...rest,
    leaders: roleGrants.map((g) => ({
      userId: g.user.id,
      roleCode: g.roleCode as RoleCode,
      name: g.user.displayName,
      staffMemberId: g.user.staffMemberId,
    })),
    teams: teams.map(({ members, ...team }) => ({
      ...team,
      members: members
        .map(({ staffMember: s }) => ({
          id: s.id,
          name: fullName(s),
          sortKey: `${s.lastName} ${s.firstName}`,
          befattning: s.befattning.name,
          employmentEndDate: s.employmentEndDate,
        }))
        .sort((a, b) => a.sortKey.localeCompare(b.sortKey, "sv")),
    })),
  };
}

export type UnitPage = NonNullable<Awaited<ReturnType<typeof getUnitPage>>>;

/**
 * The unit page as the actor may see it, or null for a unit that does not exist or where the
 * user holds no role (the same 404 either way). Team members link to the staff register
 * where the register would open them.
 */
export async function unitPageFor(db: Db, actor: Actor, unitId: string, staffUnitIds: readonly string[]) {
  if (!unitPageAllowed(actor, unitId)) return null;
  const unit = await getUnitPage(db, unitId);
  if (!unit) return null;
  const otherUnits = [...new Map(actor.choices.filter((c) => c.careUnitId !== unitId).map((c) => [c.careUnitId, c.unitName])).entries()]
    .map(([id, name]) => ({ id, name, active: id === actor.unit.id }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return { unit, membersLinked: staffUnitIds.includes(unitId), otherUnits };
}
