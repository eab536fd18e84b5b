// The staff register: who works where, with what qualifications, and which fixed contacts
// they hold. Every query takes the actor's staff scope (below); a staff member outside it is
// simply not found, the same 404 as one that does not exist.
import { actorRef, type Actor } from "~/auth/actor.server";
import { auditedWrite, logAccess } from "~/audit.server";
import type { Db } from "~/db.server";
import { can } from "~/domain/permissions";
import { factsAt, implausibleDateErrors } from "~/forms/date-errors";
import { qualificationsOfInput, type AddStaffInput } from "~/forms/staff";
import type { FieldErrors } from "~/forms/parse";
import { Prisma } from "~/generated/prisma/client";
import { t } from "~/i18n";
import { latestEmploymentStart } from "./staff-view";

export type StaffScope = {
  /** Units whose staff the actor sees. */
  unitIds: string[];
  /** The actor manages the register in these units (adds staff, sets last days). */
  manages: boolean;
};

/**
 * Whose staff the actor sees. Most users work for one unit at a time, and see the staff
 * employed there. An administrator is given one RoleGrant row per unit they administer
 * (the demo administrator holds ADMINISTRATOR in the five units of Region Norrsjö) and keeps
 * the register and handles staff turnover for all of them together (SPEC §2, §5; docs/
 * decisions/003 foresaw this multi-unit query). So for a role that carries `staff:manage`
 * the scope is every unit where the user holds that same role — read from the grants, never
 * from a form — whichever of them is active. Delegations cannot carry `staff:manage`
 * (HSF 4 kap. 2 § only lets appointing be delegated), so a role grant is the only source.
 */
export function staffScope(actor: Pick<Actor, "unit" | "grant" | "choices">): StaffScope {
  if (!can(actor.grant, "staff:manage")) return { unitIds: [actor.unit.id], manages: false };
  const unitIds = actor.choices.filter((c) => c.roleCode === actor.grant.roleCode).map((c) => c.careUnitId);
  return { unitIds: [...new Set([actor.unit.id, ...unitIds])], manages: true };
}

/**
 * Units whose patients may be named next to a staff member's assignments. Patient data
 * stays inside the unit the user acts for (PDL 4 kap. 1 §); the one exception is the
 * administrator, whose turnover work (reassigning a leaver's contacts, `turnover:reassign`)
 * spans the units they administer. Anyone else sees only how many assignments there are.
 */
export function patientScopeUnitIds(actor: Pick<Actor, "unit" | "grant" | "choices">): string[] {
  if (can(actor.grant, "turnover:reassign")) return staffScope(actor).unitIds;
  if (can(actor.grant, "patient:read")) return [actor.unit.id];
  return [];
}

const LIST_LIMIT = 200;

export type StaffSearch = { words: string[] };

export function parseStaffSearch(query: string): StaffSearch {
  return { words: query.trim().split(/\s+/).filter(Boolean).slice(0, 4) };
}

// SQLite's LIKE ignores case only for A–Z: also try the word with a capital first letter so
// that "åsa" finds "Åsa". An HSA-id is matched anywhere (SQLite LIKE, case-insensitive).
function wordFilter(word: string): Prisma.StaffMemberWhereInput {
  const variants = [...new Set([word, word.charAt(0).toLocaleUpperCase("sv") + word.slice(1)])];
  return {
    OR: [
      ...variants.flatMap((v) => [{ firstName: { contains: v } }, { middleName: { contains: v } }, { lastName: { contains: v } }]),
      { hsaId: { contains: word } },
    ],
  };
}

const qualificationSelect = {
  legitimations: true,
  underskoterskaBevis: true,
  permanentUnderskoterskaFrom: true,
  specialties: { select: { specialty: true, status: true }, orderBy: { specialty: "asc" } },
} as const;

/** The register: staff employed in the scope's units, sorted by name, with their active assignments counted. */
export async function listStaff(db: Db, scope: StaffScope, search: StaffSearch) {
  const where: Prisma.StaffMemberWhereInput = {
    AND: [{ employments: { some: { careUnitId: { in: scope.unitIds } } } }, ...search.words.map(wordFilter)],
  };
  const [total, staff] = await Promise.all([
    db.staffMember.count({ where }),
    db.staffMember.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { hsaId: "asc" }],
      take: LIST_LIMIT,
      select: {
        id: true,
        hsaId: true,
        firstName: true,
        middleName: true,
        lastName: true,
        employmentEndDate: true,
        befattning: { select: { name: true } },
        ...qualificationSelect,
        employments: {
          where: { careUnitId: { in: scope.unitIds } },
          select: { from: true, careUnit: { select: { id: true, name: true } } },
          orderBy: { careUnit: { name: "asc" } },
        },
        // Every active assignment counts, wherever it is: a leaver's are all to be reassigned.
        _count: { select: { assignments: { where: { endedAt: null } } } },
      },
    }),
  ]);
  return { total, staff, limit: LIST_LIMIT };
}

/** One staff member in scope with employments, teams and active assignments, or null. */
export async function findStaffMember(db: Db, scope: StaffScope, staffMemberId: string) {
  return db.staffMember.findFirst({
    where: { id: staffMemberId, employments: { some: { careUnitId: { in: scope.unitIds } } } },
    select: {
      id: true,
      hsaId: true,
      firstName: true,
      middleName: true,
      lastName: true,
      employmentEndDate: true,
      directPhone: true,
      befattning: { select: { code: true, name: true } },
      ...qualificationSelect,
      employments: {
        select: { careUnitId: true, from: true, careUnit: { select: { name: true } } },
        orderBy: { from: "asc" },
      },
      teams: { select: { team: { select: { id: true, name: true, careUnit: { select: { name: true } } } } } },
      assignments: {
        where: { endedAt: null },
        orderBy: [{ startedAt: "asc" }],
        select: {
          id: true,
          kind: true,
          roleTitle: true,
          startedAt: true,
          reviewDueDate: true,
          careUnitId: true,
          careUnit: { select: { name: true } },
          patient: {
            select: {
              id: true,
              identifier: true,
              firstName: true,
              middleName: true,
              lastName: true,
              protectedIdentity: true,
            },
          },
        },
      },
    },
  });
}

export type StaffMemberDetail = NonNullable<Awaited<ReturnType<typeof findStaffMember>>>;

/**
 * Splits the active assignments into those whose patients the actor may see — written to
 * the access log now, as the page will show them (HSLF-FS 2016:40 4 kap. 9 §) — and a count
 * of the others.
 */
export async function visibleAssignments(db: Db, actor: Actor, staff: StaffMemberDetail, now: Date) {
  const units = new Set(patientScopeUnitIds(actor));
  const shown = staff.assignments.filter((a) => units.has(a.careUnitId));
  await logAccess(db, actorRef(actor), now, [...new Set(shown.map((a) => a.patient.id))], "staff.assignments");
  return { shown, hiddenCount: staff.assignments.length - shown.length };
}

/** Units the actor may add staff to, for the form's choice. */
export async function managedUnits(db: Db, scope: StaffScope) {
  if (!scope.manages) return [];
  return db.careUnit.findMany({ where: { id: { in: scope.unitIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** The KV_befattning codes in the reference table (inserted by migration, never by the seed). */
export async function befattningar(db: Db) {
  return db.befattning.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } });
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Adds a staff member employed at one of the administrator's units, with the audit row in
 * the same transaction. The checks that need the database answer as field errors; nothing
 * is written unless all pass.
 */
export async function addStaffMember(
  db: Db,
  actor: Actor,
  input: AddStaffInput,
  now: Date,
): Promise<WriteResult<{ id: string }>> {
  const scope = staffScope(actor);
  const errors: FieldErrors = {};
  if (!scope.manages || !scope.unitIds.includes(input.careUnitId)) errors.careUnitId = t("staff.form.unitNotManaged");
  const [befattning, sameHsaId] = await Promise.all([
    db.befattning.findUnique({ where: { code: input.befattningCode }, select: { code: true } }),
    db.staffMember.findUnique({ where: { hsaId: input.hsaId }, select: { id: true } }),
  ]);
  if (!befattning) errors.befattningCode = t("staff.form.befattningUnknown");
  if (sameHsaId) errors.hsaId = t("staff.form.hsaIdTaken");
  // Employment dates within a working life (machines/date-plausibility.ts).
  Object.assign(errors, implausibleDateErrors({ employmentFrom: input.employmentFrom, permanentUnderskoterskaFrom: input.permanentUnderskoterskaFrom }, factsAt(now)));
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const { legitimations, specialties } = qualificationsOfInput(input);
  try {
    const id = await auditedWrite(db, actorRef(actor), now, async (tx) => {
      const row = await tx.staffMember.create({
        data: {
          hsaId: input.hsaId,
          firstName: input.firstName,
          middleName: input.middleName,
          lastName: input.lastName,
          befattningCode: input.befattningCode,
          legitimations: legitimations.join(","),
          underskoterskaBevis: input.underskoterskaBevis,
          permanentUnderskoterskaFrom: input.permanentUnderskoterskaFrom,
          employments: { create: { careUnitId: input.careUnitId, from: input.employmentFrom } },
          specialties: { create: specialties },
        },
        include: { employments: true, specialties: true },
      });
      return {
        result: row.id,
        audit: [{ action: "staff.create", entityType: "StaffMember", entityId: row.id, after: row }],
      };
    });
    return { ok: true, value: { id } };
  } catch (error) {
    // Someone registered the same HSA-id between the check and the insert.
    if (isUniqueViolation(error)) return { ok: false, errors: { hsaId: t("staff.form.hsaIdTaken") } };
    throw error;
  }
}

/**
 * Sets (or clears, with null) the staff member's last day of employment. The worklist shows
 * a leaver who still holds assignments from 30 days before that day; the reassignment itself
 * is the turnover work (Ändring cases), not done here.
 */
export async function setEmploymentEndDate(
  db: Db,
  actor: Actor,
  staffMemberId: string,
  employmentEndDate: string | null,
  now: Date,
): Promise<WriteResult<{ employmentEndDate: string | null }> | null> {
  const scope = staffScope(actor);
  const staff = await db.staffMember.findFirst({
    where: { id: staffMemberId, employments: { some: { careUnitId: { in: scope.unitIds } } } },
    select: { id: true, employmentEndDate: true, employments: { select: { from: true } } },
  });
  if (!staff) return null;
  const start = latestEmploymentStart(staff.employments);
  if (employmentEndDate !== null && start !== null && employmentEndDate < start) {
    return { ok: false, errors: { employmentEndDate: t("staff.end.beforeStart", { start }) } };
  }
  // The last day within a working life (machines/date-plausibility.ts).
  const dateErrors = employmentEndDate === null ? {} : implausibleDateErrors({ employmentEndDate }, factsAt(now));
  if (Object.keys(dateErrors).length > 0) return { ok: false, errors: dateErrors };
  if (staff.employmentEndDate === employmentEndDate) return { ok: true, value: { employmentEndDate } };
  await auditedWrite(db, actorRef(actor), now, async (tx) => {
    await tx.staffMember.update({ where: { id: staff.id }, data: { employmentEndDate } });
    return {
      result: null,
      audit: [
        {
          action: employmentEndDate === null ? "staff.employment-end.clear" : "staff.employment-end",
          entityType: "StaffMember",
          entityId: staff.id,
          before: { employmentEndDate: staff.employmentEndDate },
          after: { employmentEndDate },
        },
      ],
    };
  });
  return { ok: true, value: { employmentEndDate } };
}
