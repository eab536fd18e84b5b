// The benchmark region's organisations, care units, teams and contact ways: one region with
// vårdcentraler and hospital wards, and the kommun whose hemtjänst units execute the
// region's patients' hemtjänst. The first vårdcentral is the leaver's unit.
import type { Prisma } from "~/generated/prisma/client";
import { ORG_NUMBERS, hsaId, landline, unitHsaSuffix } from "../../prisma/demo/identifiers";
import { TOWNS, type TownKey } from "../../prisma/demo/names";
import type { Random } from "../../prisma/demo/random";

export const LEAVER_UNIT_ID = "bench-unit-leaver";

export type UnitRole = "primaryCare" | "ward" | "homeCare";

export type BenchUnit = { id: string; role: UnitRole; name: string; teamIds: string[] };

export type UnitRows = {
  organisations: Required<Prisma.OrganisationCreateManyInput>[];
  units: Required<Prisma.CareUnitCreateManyInput>[];
  teams: Required<Prisma.TeamCreateManyInput>[];
  contactWays: Required<Prisma.ContactWayCreateManyInput>[];
};

const REGION_ID = "bench-org-region";
const KOMMUN_ID = "bench-org-kommun";

// Neighbourhoods of the region's towns, one vårdcentral each (fictional).
const PRIMARY_CARE_PLACES = [
  "Norrsjö centrum", "Hamnstaden", "Lillgrund", "Bergsjöholm", "Norrsjö norra", "Norrsjö södra", "Östermalm", "Västerhöjden",
  "Tallåsen", "Björkhagen", "Granlunda", "Kvarnbacken", "Ekbacken", "Strandby", "Åkerby", "Mossvik",
  "Fyrudden", "Varvet", "Sågbacken", "Prästängen", "Lasarettsbacken", "Tingshusparken", "Älvstranden", "Ängsbyn",
  "Skogsliden", "Hammarvik centrum", "Klippan", "Sjömanshöjden",
];
const WARDS = [
  "Medicinavdelning 12", "Medicinavdelning 14", "Geriatrisk avdelning 7", "Kirurgavdelning 3", "Ortopedavdelning 5", "Hjärtavdelning 9",
];
const HOME_CARE_AREAS = ["Norrsjö centrum", "Norrsjö norr", "Hammarvik", "Lillgrund", "Bergsjöholm", "Strandby"];
const TEAM_COLOURS = ["Team Blå", "Team Grön", "Team Gul", "Team Röd"];

const TOWN_KEYS = Object.keys(TOWNS) as TownKey[];

/** Units of each kind, ~40 in all; the leaver's unit is the first vårdcentral. */
export function buildUnits(random: Random): { rows: UnitRows; units: BenchUnit[] } {
  const rows: UnitRows = {
    organisations: [
      { id: REGION_ID, hsaId: hsaId(ORG_NUMBERS.region, "1000"), name: "Region Norrsjö", kind: "REGION", organisationNumber: ORG_NUMBERS.region },
      { id: KOMMUN_ID, hsaId: hsaId(ORG_NUMBERS.kommun, "1000"), name: "Norrsjö kommun", kind: "KOMMUN", organisationNumber: ORG_NUMBERS.kommun },
    ],
    units: [],
    teams: [],
    contactWays: [],
  };
  const units: BenchUnit[] = [];

  const addUnit = (id: string, role: UnitRole, name: string, teamNames: string[]) => {
    const n = rows.units.length;
    const town = TOWN_KEYS[n % TOWN_KEYS.length];
    const homeCare = role === "homeCare";
    // The fictional landline series has 100 numbers (identifiers.landline): they repeat here.
    const phone = (k: number) => landline(k % 100);
    rows.units.push({
      id,
      hsaId: hsaId(homeCare ? ORG_NUMBERS.kommun : ORG_NUMBERS.region, unitHsaSuffix(50_000 + n)),
      name,
      kind: role === "primaryCare" ? "REGIONAL_PRIMARVARD" : role === "ward" ? "SLUTENVARD" : "HEMTJANST",
      organisationId: homeCare ? KOMMUN_ID : REGION_ID,
      regionallyFinanced: role === "primaryCare",
      visitingAddress: `${random.pick(TOWNS[town].streets)} ${random.int(1, 40)}`,
      postalCode: random.pick(TOWNS[town].postalCodes),
      city: TOWNS[town].name,
      publicPhone: phone(2 * n),
      careToCarePhone: phone(2 * n + 1),
    });
    rows.contactWays.push(
      { id: `${id}-cw-phone`, kind: "PHONE", label: "Rådgivning och tidsbokning", value: phone(2 * n), contactTimes: "Vardagar 08.00–16.30", careUnitId: id, teamId: null, staffMemberId: null },
      { id: `${id}-cw-eservice`, kind: "E_SERVICE", label: "1177 e-tjänster", value: `https://e-tjanster.1177.se/mvk/${id}`, contactTimes: "Ärenden besvaras vardagar 08–17", careUnitId: id, teamId: null, staffMemberId: null },
    );
    const teamIds = teamNames.map((teamName, t) => {
      const teamId = `${id}-team-${t + 1}`;
      const teamPhone = phone(40 + rows.teams.length);
      const contactTimes = homeCare ? "Alla dagar 07.00–21.30" : role === "ward" ? "Dygnet runt" : "Vardagar 08.00–16.30";
      rows.teams.push({ id: teamId, careUnitId: id, name: teamName, phone: teamPhone, comment: null, contactTimes });
      rows.contactWays.push({ id: `${teamId}-cw-phone`, kind: "PHONE", label: "Teamets telefon", value: teamPhone, contactTimes, careUnitId: null, teamId, staffMemberId: null });
      return teamId;
    });
    units.push({ id, role, name, teamIds });
  };

  PRIMARY_CARE_PLACES.forEach((place, i) => {
    const id = i === 0 ? LEAVER_UNIT_ID : `bench-unit-vc-${String(i + 1).padStart(2, "0")}`;
    addUnit(id, "primaryCare", `Vårdcentralen ${place}`, TEAM_COLOURS.slice(0, i === 0 ? 3 : random.int(2, 4)));
  });
  WARDS.forEach((ward, i) => {
    const teams = ["Vårdlag A", "Vårdlag B", "Vårdlag C"].slice(0, random.int(2, 3));
    addUnit(`bench-unit-ward-${String(i + 1).padStart(2, "0")}`, "ward", `${ward}, Norrsjö lasarett`, teams);
  });
  HOME_CARE_AREAS.forEach((area, i) => {
    const teams = ["Grupp öst", "Grupp väst", "Grupp norr", "Grupp syd"].slice(0, random.int(3, 4));
    addUnit(`bench-unit-hemtjanst-${String(i + 1).padStart(2, "0")}`, "homeCare", `Hemtjänsten ${area}`, teams);
  });
  return { rows, units };
}
