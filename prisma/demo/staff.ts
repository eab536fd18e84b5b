// The staff of the region: ~45 people with real KV_befattning codes (reference data of
// migration 20261125000200), legitimations (HOSP codes), specialties, undersköterska bevis or
// the transitional rule (domain-facts §6), employments, teams and direct phones.
import type { Specialty } from "~/domain/codes";
import type { Prisma } from "~/generated/prisma/client";
import { addDays, addMonths } from "./dates";
import { hsaId, mobile, personHsaSuffix } from "./identifiers";
import { UNITS, catalogueOwnerOf, teamId, type TeamKey, type UnitKey } from "./organisations";


export type StaffSpec = {
  key: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  befattningCode: string;
  legitimations?: string;
  specialties?: [Specialty, "SPECIALIST" | "IN_TRAINING"][];
  underskoterskaBevis?: boolean;
  permanentUnderskoterskaFrom?: string;
  /** Recorded: tillsvidareanställd with the title undersköterska on 2023-07-01 (transitional rule). */
  permanentUnderskoterskaOnTitleDay?: boolean;
  /** Units where the person works, the first one is the main employment; months before today. */
  employments: [UnitKey, number][];
  teams?: TeamKey[];
  /** Index of a mobile number (see identifiers.mobile), or none. */
  phone?: number;
  /** The one staff member who leaves: last day = today + 14 (the turnover feature's work). */
  leaves?: boolean;
};

/** Days from `today` to the leaver's last day of employment. */
export const LEAVER_DAYS_AHEAD = 14;

export const STAFF: readonly StaffSpec[] = [
  // ── Vårdcentralen Norrsjö ──────────────────────────────────────────────────────
  { key: "karin-lindqvist", firstName: "Karin", lastName: "Lindqvist", befattningCode: "102010", legitimations: "SJ", employments: [["vcNorrsjo", 98]], phone: 5 },
  { key: "anders-berglund", firstName: "Anders", lastName: "Berglund", befattningCode: "201011", legitimations: "LK", specialties: [["ALLMANMEDICIN", "SPECIALIST"]], employments: [["vcNorrsjo", 160]], teams: ["vcNorrsjoBla"], phone: 6 },
  { key: "maria-eriksson-nystrom", firstName: "Maria", middleName: "Louise", lastName: "Eriksson Nyström", befattningCode: "201011", legitimations: "LK", specialties: [["ALLMANMEDICIN", "SPECIALIST"]], employments: [["vcNorrsjo", 75]], teams: ["vcNorrsjoGron"], phone: 7 },
  { key: "johan-oberg", firstName: "Johan", lastName: "Öberg", befattningCode: "203010", legitimations: "LK", specialties: [["ALLMANMEDICIN", "IN_TRAINING"]], employments: [["vcNorrsjo", 16]], teams: ["vcNorrsjoGron"] },
  { key: "birgitta-holm", firstName: "Birgitta", lastName: "Holm", befattningCode: "202010", legitimations: "LK", specialties: [["GERIATRIK", "SPECIALIST"], ["INTERNMEDICIN", "SPECIALIST"]], employments: [["avd7", 130], ["vcNorrsjo", 40]], teams: ["avd7", "vcNorrsjoBla"], phone: 8 },
  { key: "eva-sjoberg", firstName: "Eva", lastName: "Sjöberg", befattningCode: "206011", legitimations: "SJ", employments: [["vcNorrsjo", 210]], teams: ["vcNorrsjoBla"], phone: 9, leaves: true },
  { key: "sara-nilsson", firstName: "Sara", middleName: "Kristina", lastName: "Nilsson", befattningCode: "206090", legitimations: "SJ", employments: [["vcNorrsjo", 52], ["avd12", 30]], teams: ["vcNorrsjoGron", "avd12A"], phone: 10 },
  { key: "ahmed-hassan", firstName: "Ahmed", lastName: "Hassan", befattningCode: "206021", legitimations: "SJ", employments: [["vcNorrsjo", 64]], teams: ["vcNorrsjoBla"], phone: 11 },
  { key: "linnea-akesson", firstName: "Linnéa", lastName: "Åkesson", befattningCode: "301010", legitimations: "AT", employments: [["vcNorrsjo", 44]], teams: ["vcNorrsjoRehab"], phone: 12 },
  { key: "erik-lund", firstName: "Erik", lastName: "Lund", befattningCode: "301011", legitimations: "FT", employments: [["vcNorrsjo", 90], ["vcHamnstaden", 26]], teams: ["vcNorrsjoRehab"] },
  { key: "fatima-al-sayed", firstName: "Fatima", lastName: "Al-Sayed", befattningCode: "207014", employments: [["vcNorrsjo", 58]], teams: ["vcNorrsjoGron"] },
  { key: "mikael-dahl", firstName: "Mikael", lastName: "Dahl", befattningCode: "352010", legitimations: "HK", employments: [["vcNorrsjo", 37]], teams: ["vcNorrsjoRehab"], phone: 13 },
  { key: "helena-strand", firstName: "Helena", lastName: "Strand", befattningCode: "152018", employments: [["vcNorrsjo", 120], ["vcHamnstaden", 120], ["avd12", 60], ["avd7", 60], ["onkologi", 60]] },
  // ── Vårdcentralen Hamnstaden ───────────────────────────────────────────────────
  { key: "per-gustafsson", firstName: "Per", lastName: "Gustafsson", befattningCode: "201011", legitimations: "LK", specialties: [["ALLMANMEDICIN", "SPECIALIST"]], employments: [["vcHamnstaden", 140]], teams: ["vcHamnstadenHamnen"], phone: 14 },
  { key: "sofia-karlsson", firstName: "Sofia", lastName: "Karlsson", befattningCode: "202010", legitimations: "LK", specialties: [["BARN_OCH_UNGDOMSMEDICIN", "SPECIALIST"]], employments: [["vcHamnstaden", 55]], teams: ["vcHamnstadenBarn"], phone: 15 },
  { key: "amir-rahimi", firstName: "Amir", lastName: "Rahimi", befattningCode: "202010", legitimations: "LK", specialties: [["INTERNMEDICIN", "SPECIALIST"]], employments: [["vcHamnstaden", 48]], teams: ["vcHamnstadenHamnen"] },
  { key: "ingrid-persson", firstName: "Ingrid", lastName: "Persson", befattningCode: "206011", legitimations: "SJ", employments: [["vcHamnstaden", 180]], teams: ["vcHamnstadenHamnen"], phone: 16 },
  { key: "nils-ekstrom", firstName: "Nils", lastName: "Ekström", befattningCode: "206011", legitimations: "SJ", employments: [["vcHamnstaden", 70]], teams: ["vcHamnstadenHamnen"], phone: 17 },
  { key: "jenny-bergqvist", firstName: "Jenny", lastName: "Bergqvist", befattningCode: "206090", legitimations: "SJ", employments: [["vcHamnstaden", 33]], teams: ["vcHamnstadenBarn"] },
  // ── Läkarhuset Hammarvik (private, regionally financed) ────────────────────────
  { key: "gunnar-wikstrom", firstName: "Gunnar", lastName: "Wikström", befattningCode: "201011", legitimations: "LK", specialties: [["ALLMANMEDICIN", "SPECIALIST"]], employments: [["lakarhuset", 150]], teams: ["lakarhusetTeam"], phone: 18 },
  { key: "leila-mansour", firstName: "Leila", lastName: "Mansour", befattningCode: "201011", legitimations: "LK", specialties: [["ALLMANMEDICIN", "SPECIALIST"]], employments: [["lakarhuset", 62]], teams: ["lakarhusetTeam"], phone: 19 },
  { key: "camilla-berg", firstName: "Camilla", lastName: "Berg", befattningCode: "206011", legitimations: "SJ", employments: [["lakarhuset", 85]], teams: ["lakarhusetTeam"], phone: 20 },
  { key: "thomas-falk", firstName: "Thomas", lastName: "Falk", befattningCode: "102010", legitimations: "LK", specialties: [["ALLMANMEDICIN", "SPECIALIST"]], employments: [["lakarhuset", 150]] },
  // ── Medicinavdelning 12 ────────────────────────────────────────────────────────
  { key: "henrik-sandberg", firstName: "Henrik", lastName: "Sandberg", befattningCode: "201010", legitimations: "LK", specialties: [["INTERNMEDICIN", "SPECIALIST"]], employments: [["avd12", 200]], teams: ["avd12A", "avd12B"], phone: 21 },
  { key: "emma-lindberg", firstName: "Emma", lastName: "Lindberg", befattningCode: "206017", legitimations: "SJ", employments: [["avd12", 45]], teams: ["avd12B"] },
  { key: "jonas-hedlund", firstName: "Jonas", lastName: "Hedlund", befattningCode: "207013", underskoterskaBevis: true, employments: [["avd12", 80]], teams: ["avd12B"] },
  // ── Geriatrisk avdelning 7 ─────────────────────────────────────────────────────
  { key: "anna-karin-bjork", firstName: "Anna-Karin", lastName: "Björk", befattningCode: "206014", legitimations: "SJ", employments: [["avd7", 110]], teams: ["avd7"] },
  { key: "oskar-nyberg", firstName: "Oskar", lastName: "Nyberg", befattningCode: "301010", legitimations: "AT", employments: [["avd7", 39]], teams: ["avd7"] },
  // ── Onkologmottagningen ────────────────────────────────────────────────────────
  { key: "katarina-wallin", firstName: "Katarina", lastName: "Wallin", befattningCode: "201010", legitimations: "LK", specialties: [["ONKOLOGI", "SPECIALIST"]], employments: [["onkologi", 170]], phone: 22 },
  { key: "malin-forsberg", firstName: "Malin", lastName: "Forsberg", befattningCode: "206021", legitimations: "SJ", employments: [["onkologi", 96]], teams: ["onkologiKontaktssk"], phone: 23 },
  { key: "lars-hellstrom", firstName: "Lars", lastName: "Hellström", befattningCode: "206021", legitimations: "SJ", employments: [["onkologi", 58]], teams: ["onkologiKontaktssk"], phone: 24 },
  // ── Norrsjö kommun: hemsjukvård ────────────────────────────────────────────────
  { key: "marie-sundberg", firstName: "Marie", lastName: "Sundberg", befattningCode: "206014", legitimations: "SJ", employments: [["hemsjukvard", 88]], teams: ["hemsjukvard"], phone: 25 },
  // ── Norrsjö kommun: Hemtjänsten Norrsjö centrum ────────────────────────────────
  { key: "annika-holmgren", firstName: "Annika", lastName: "Holmgren", befattningCode: "103511", employments: [["hemtjanstCentrum", 76]], phone: 26 },
  { key: "hanna-lindgren", firstName: "Hanna", lastName: "Lindgren", befattningCode: "207010", underskoterskaBevis: true, employments: [["hemtjanstCentrum", 70]], teams: ["centrumOst"], phone: 27 },
  { key: "yusuf-demir", firstName: "Yusuf", lastName: "Demir", befattningCode: "207010", underskoterskaBevis: true, employments: [["hemtjanstCentrum", 41]], teams: ["centrumOst"], phone: 28 },
  // Transitional rule: permanently employed as undersköterska on 2023-07-01, no bevis yet.
  { key: "marianne-olofsson", firstName: "Marianne", lastName: "Olofsson", befattningCode: "207010", permanentUnderskoterskaFrom: "1998-09-01", permanentUnderskoterskaOnTitleDay: true, employments: [["hemtjanstCentrum", 230]], teams: ["centrumVast"], phone: 29 },
  { key: "elin-jakobsson", firstName: "Elin", lastName: "Jakobsson", befattningCode: "207011", underskoterskaBevis: true, employments: [["hemtjanstCentrum", 30]], teams: ["centrumVast"], phone: 30 },
  // Neither bevis nor permanent employment on 2023-07-01: may not be fast omsorgskontakt.
  { key: "kerstin-mattsson", firstName: "Kerstin", lastName: "Mattsson", befattningCode: "207010", employments: [["hemtjanstCentrum", 20]], teams: ["centrumOst"] },
  { key: "ali-yilmaz", firstName: "Ali", lastName: "Yilmaz", befattningCode: "207023", employments: [["hemtjanstCentrum", 15]], teams: ["centrumVast"] },
  // Biståndsbedömare (no "biståndshandläggare" code in KV_befattning). Handläggare belong to the
  // kommun's myndighetsutövning; she is placed at the hemtjänst unit for lack of such a unit kind.
  { key: "lena-axelsson", firstName: "Lena", lastName: "Axelsson", befattningCode: "351012", employments: [["hemtjanstCentrum", 100]], phone: 31 },
  // ── Omsorgshjälpen i Norrsjö AB: hemtjänst Lillgrund ──────────────────────────
  { key: "robert-nordin", firstName: "Robert", lastName: "Nordin", befattningCode: "103511", employments: [["hemtjanstOmsorgshjalpen", 66]], phone: 32 },
  { key: "petra-sandstrom", firstName: "Petra", lastName: "Sandström", befattningCode: "207010", underskoterskaBevis: true, employments: [["hemtjanstOmsorgshjalpen", 54]], teams: ["omsorgshjalpenLillgrund"], phone: 33 },
  { key: "zeynep-kaya", firstName: "Zeynep", lastName: "Kaya", befattningCode: "207011", underskoterskaBevis: true, employments: [["hemtjanstOmsorgshjalpen", 28]], teams: ["omsorgshjalpenLillgrund"], phone: 34 },
  // Transitional rule, second person.
  { key: "birgit-lundqvist", firstName: "Birgit", lastName: "Lundqvist", befattningCode: "207010", permanentUnderskoterskaFrom: "2011-03-01", permanentUnderskoterskaOnTitleDay: true, employments: [["hemtjanstOmsorgshjalpen", 60]], teams: ["omsorgshjalpenLillgrund"], phone: 35 },
  { key: "daniel-sundqvist", firstName: "Daniel", lastName: "Sundqvist", befattningCode: "207023", employments: [["hemtjanstOmsorgshjalpen", 12]], teams: ["omsorgshjalpenLillgrund"] },
];

const BY_KEY = new Map(STAFF.map((s) => [s.key, s]));

export function staffSpec(key: string): StaffSpec {
  const spec = BY_KEY.get(key);
  if (!spec) throw new Error(`unknown demo staff member ${key}`);
  return spec;
}

export const staffId = (key: string) => `demo-staff-${staffSpec(key).key}`;

/** First day at `unit` ("YYYY-MM-DD"), or null if the person does not work there. */
export function employedFrom(key: string, unit: UnitKey, today: string): string | null {
  const employment = staffSpec(key).employments.find(([u]) => u === unit);
  return employment ? addMonths(today, -employment[1]) : null;
}

export function leaverKey(): string {
  const leavers = STAFF.filter((s) => s.leaves);
  if (leavers.length !== 1) throw new Error("the demo region has exactly one leaver");
  return leavers[0].key;
}

export type StaffRows = {
  staff: Prisma.StaffMemberCreateManyInput[];
  specialties: Prisma.StaffSpecialtyCreateManyInput[];
  employments: Prisma.EmploymentCreateManyInput[];
  teamMembers: Prisma.TeamMemberCreateManyInput[];
  contactWays: Prisma.ContactWayCreateManyInput[];
};

export function buildStaff(today: string): StaffRows {
  const rows: StaffRows = { staff: [], specialties: [], employments: [], teamMembers: [], contactWays: [] };
  STAFF.forEach((s, index) => {
    const id = staffId(s.key);
    rows.staff.push({
      id,
      // Catalogue owner of the main employment (region or kommun, see organisations.ts).
      hsaId: hsaId(catalogueOwnerOf(s.employments[0][0]), personHsaSuffix(104_200 + index * 7)),
      firstName: s.firstName,
      middleName: s.middleName ?? null,
      lastName: s.lastName,
      befattningCode: s.befattningCode,
      legitimations: s.legitimations ?? "",
      underskoterskaBevis: s.underskoterskaBevis ?? false,
      permanentUnderskoterskaFrom: s.permanentUnderskoterskaFrom ?? null,
      permanentUnderskoterskaOnTitleDay: s.permanentUnderskoterskaOnTitleDay ?? null,
      employmentEndDate: s.leaves ? addDays(today, LEAVER_DAYS_AHEAD) : null,
      directPhone: s.phone === undefined ? null : mobile(s.phone),
    });
    for (const [specialty, status] of s.specialties ?? []) rows.specialties.push({ staffMemberId: id, specialty, status });
    for (const [unit] of s.employments) {
      rows.employments.push({ staffMemberId: id, careUnitId: UNITS[unit], from: employedFrom(s.key, unit, today)! });
    }
    for (const team of s.teams ?? []) rows.teamMembers.push({ staffMemberId: id, teamId: teamId(team) });
  });
  // Contact ways with contact times of some fasta omsorgskontakter (seed §6.3.2).
  for (const [key, times] of [
    ["hanna-lindgren", "Vardagar 07.00–16.00"],
    ["marianne-olofsson", "Måndag–fredag 07.00–12.00"],
    ["petra-sandstrom", "Vardagar 08.00–16.30"],
    ["birgit-lundqvist", "Vardagar 07.00–15.30, varannan helg"],
  ] as const) {
    rows.contactWays.push({
      id: `demo-cw-staff-${key}-phone`,
      kind: "PHONE",
      label: "Arbetstelefon",
      value: mobile(staffSpec(key).phone!),
      contactTimes: times,
      staffMemberId: staffId(key),
    });
  }
  return rows;
}
