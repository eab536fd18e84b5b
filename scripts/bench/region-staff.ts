// The region's ~2,500 staff members, each employed at one unit and working in one of its
// teams, with real KV_befattning codes, legitimations and specialties (as prisma/demo/staff.ts
// describes them); the leaver; and the administrator who will reassign the leaver's patients.
import type { Prisma } from "~/generated/prisma/client";
import { addDays, addMonths } from "~/domain/dates";
import { ORG_NUMBERS, hsaId, mobile, personHsaSuffix } from "../../prisma/demo/identifiers";
import { FIRST_NAMES, LAST_NAMES, generationOf, type Sex } from "../../prisma/demo/names";
import type { Random } from "../../prisma/demo/random";
import { LEAVER_UNIT_ID, type BenchUnit, type UnitRole } from "./region-units";

export const LEAVER_ID = "bench-staff-leaver";
export const ADMIN_USER_ID = "bench-user-admin";

/** The leaver's last day of employment, counted from today: a few days to act. */
export const LEAVER_DAYS_AHEAD = 5;

export type StaffRole = "nurse" | "doctor" | "assistant" | "manager" | "administrator";

export type BenchStaff = {
  id: string;
  name: string;
  unitId: string;
  role: StaffRole;
  teamIds: string[];
  /** First day of the employment ("YYYY-MM-DD"). */
  from: string;
  /** Undersköterska with bevis or under the transitional rule: may be fast omsorgskontakt. */
  mayBeCareContact: boolean;
  hasDirectPhone: boolean;
};

export type StaffRows = {
  staff: Required<Prisma.StaffMemberCreateManyInput>[];
  specialties: Required<Prisma.StaffSpecialtyCreateManyInput>[];
  employments: Required<Prisma.EmploymentCreateManyInput>[];
  teamMembers: Required<Prisma.TeamMemberCreateManyInput>[];
  users: Required<Prisma.UserCreateManyInput>[];
  roleGrants: Required<Prisma.RoleGrantCreateManyInput>[];
};

type Headcount = Record<Exclude<StaffRole, "administrator">, [min: number, max: number]>;

const HEADCOUNT: Record<UnitRole, Headcount> = {
  primaryCare: { nurse: [22, 28], doctor: [5, 7], assistant: [3, 5], manager: [0, 0] },
  ward: { nurse: [32, 38], doctor: [7, 9], assistant: [26, 32], manager: [0, 0] },
  homeCare: { nurse: [0, 0], doctor: [0, 0], assistant: [170, 190], manager: [1, 1] },
};
/** The leaver's colleagues: enough sjuksköterskor and läkare to take over 5,000 patients. */
const LEAVER_UNIT_HEADCOUNT: Headcount = { nurse: [25, 25], doctor: [6, 6], assistant: [4, 4], manager: [0, 0] };

type Qualification = Pick<
  Prisma.StaffMemberCreateManyInput,
  "befattningCode" | "legitimations" | "underskoterskaBevis" | "permanentUnderskoterskaFrom"
> & { specialties: [string, "SPECIALIST" | "IN_TRAINING"][] };

function qualification(role: StaffRole, unit: BenchUnit, wardIndex: number, random: Random): Qualification {
  const none = { legitimations: "", underskoterskaBevis: false, permanentUnderskoterskaFrom: null, specialties: [] };
  switch (role) {
    case "nurse":
      return { ...none, befattningCode: unit.role === "ward" ? (random.chance(0.8) ? "206017" : "206090") : random.chance(0.7) ? "206011" : "206090", legitimations: "SJ" };
    case "doctor":
      if (unit.role === "ward") {
        // The geriatric ward (third ward) has geriatricians.
        const specialties: Qualification["specialties"] = [["INTERNMEDICIN", "SPECIALIST"]];
        if (wardIndex === 2) specialties.push(["GERIATRIK", "SPECIALIST"]);
        return { ...none, befattningCode: random.chance(0.5) ? "201010" : "202010", legitimations: "LK", specialties };
      }
      return random.chance(0.7)
        ? { ...none, befattningCode: "201011", legitimations: "LK", specialties: [["ALLMANMEDICIN", "SPECIALIST"]] }
        : { ...none, befattningCode: "203010", legitimations: "LK", specialties: [["ALLMANMEDICIN", "IN_TRAINING"]] };
    case "assistant": {
      if (unit.role === "primaryCare") return { ...none, befattningCode: "207014", underskoterskaBevis: true };
      if (unit.role === "ward") return { ...none, befattningCode: "207013", underskoterskaBevis: true };
      const r = random.next();
      // Hemtjänst: mostly bevis; some under the transitional rule; a few vårdbiträden with neither.
      if (r < 0.85) return { ...none, befattningCode: random.pick(["207010", "207011"]), underskoterskaBevis: true };
      if (r < 0.95) return { ...none, befattningCode: "207010", permanentUnderskoterskaFrom: `${random.int(1995, 2022)}-${String(random.int(1, 12)).padStart(2, "0")}-01` };
      return { ...none, befattningCode: "207023" };
    }
    case "manager":
      return { ...none, befattningCode: "103511" };
    case "administrator":
      return { ...none, befattningCode: "152018" };
  }
}

export function buildStaff(units: readonly BenchUnit[], today: string, passwordHash: string, random: Random): { rows: StaffRows; staff: BenchStaff[] } {
  const rows: StaffRows = { staff: [], specialties: [], employments: [], teamMembers: [], users: [], roleGrants: [] };
  const staff: BenchStaff[] = [];

  const add = (unit: BenchUnit, role: StaffRole, wardIndex: number, special: { id?: string; monthsEmployed?: number; endDate?: string | null; teamId?: string; directPhone?: boolean; qualification?: Partial<Qualification> } = {}) => {
    const n = rows.staff.length;
    const id = special.id ?? `bench-staff-${String(n + 1).padStart(5, "0")}`;
    const sex: Sex = random.chance(role === "nurse" || role === "assistant" ? 0.8 : 0.5) ? "F" : "M";
    const q = { ...qualification(role, unit, wardIndex, random), ...special.qualification };
    const clinical = role === "nurse" || role === "doctor" || role === "assistant";
    const hasDirectPhone = special.directPhone ?? (clinical && random.chance(unit.role === "homeCare" ? 0.6 : 0.85));
    // A few staff elsewhere in the region leave later too, beyond the worklist's horizon.
    const endDate = special.endDate !== undefined ? special.endDate : unit.id !== LEAVER_UNIT_ID && random.chance(0.01) ? addDays(today, random.int(45, 180)) : null;
    // Most have worked at the unit for years; some started recently.
    const monthsEmployed = special.monthsEmployed ?? (unit.id !== LEAVER_UNIT_ID && random.chance(0.03) ? random.int(0, 5) : random.int(6, 240));
    const from = addMonths(today, -monthsEmployed);
    const firstName = random.pick(FIRST_NAMES[generationOf(random.int(1960, 2000))][sex]);
    const lastName = random.pick(LAST_NAMES);
    rows.staff.push({
      id,
      hsaId: hsaId(unit.role === "homeCare" ? ORG_NUMBERS.kommun : ORG_NUMBERS.region, personHsaSuffix(200_000 + n)),
      firstName,
      middleName: null,
      lastName,
      befattningCode: q.befattningCode,
      legitimations: q.legitimations ?? "",
      underskoterskaBevis: q.underskoterskaBevis ?? false,
      permanentUnderskoterskaFrom: q.permanentUnderskoterskaFrom ?? null,
      // The bench's permanent undersköterskor all started by 2022: recorded as so employed on 2023-07-01.
      permanentUnderskoterskaOnTitleDay: q.permanentUnderskoterskaFrom ? true : null,
      employmentEndDate: endDate,
      // The fictional mobile series has 95 numbers (identifiers.mobile): they repeat here.
      directPhone: hasDirectPhone ? mobile(5 + (n % 95)) : null,
    });
    for (const [specialty, status] of q.specialties) rows.specialties.push({ staffMemberId: id, specialty, status });
    rows.employments.push({ staffMemberId: id, careUnitId: unit.id, from });
    const teamIds = !clinical ? [] : special.teamId ? [special.teamId] : [random.pick(unit.teamIds)];
    // Some läkare in primary care serve two teams.
    if (role === "doctor" && unit.role === "primaryCare" && random.chance(0.2)) {
      const second = random.pick(unit.teamIds);
      if (!teamIds.includes(second)) teamIds.push(second);
    }
    for (const teamId of teamIds) rows.teamMembers.push({ staffMemberId: id, teamId });
    const mayBeCareContact = role === "assistant" && (q.underskoterskaBevis === true || q.permanentUnderskoterskaFrom != null);
    const member: BenchStaff = { id, name: `${firstName} ${lastName}`, unitId: unit.id, role, teamIds, from, mayBeCareContact, hasDirectPhone };
    staff.push(member);
    return member;
  };

  let wardIndex = 0;
  for (const unit of units) {
    const leaverUnit = unit.id === LEAVER_UNIT_ID;
    if (leaverUnit) {
      add(unit, "nurse", 0, { id: LEAVER_ID, monthsEmployed: 210, endDate: addDays(today, LEAVER_DAYS_AHEAD), teamId: unit.teamIds[0], directPhone: true, qualification: { befattningCode: "206011" } });
    }
    const headcount = leaverUnit ? LEAVER_UNIT_HEADCOUNT : HEADCOUNT[unit.role];
    for (const role of ["doctor", "nurse", "assistant", "manager"] as const) {
      const [min, max] = headcount[role];
      const count = random.int(min, max);
      // The leaver's colleagues have been there a while and stay: they are the replacements.
      for (let i = 0; i < count; i++) add(unit, role, wardIndex, leaverUnit ? { monthsEmployed: random.int(12, 240), endDate: null } : {});
    }
    if (unit.role === "ward") wardIndex++;
    if (leaverUnit) {
      const admin = add(unit, "administrator", 0, { monthsEmployed: 120, endDate: null });
      rows.users.push({
        id: ADMIN_USER_ID,
        username: "bench-admin",
        passwordHash,
        displayName: admin.name,
        staffMemberId: admin.id,
        disabledAt: null,
        createdAt: new Date(`${addMonths(today, -24)}T08:00:00Z`),
      });
      rows.roleGrants.push({ id: "bench-grant-admin-leaver-unit", userId: ADMIN_USER_ID, careUnitId: unit.id, roleCode: "ADMINISTRATOR" });
    }
  }
  return { rows, staff };
}
