// Vårdgivare, omsorgsgivare, their units (vårdenheter / omsorgsenheter), teams and the ways
// to reach them. HSA-ids carry the organisationsnummer of the HSA catalogue owner: private
// providers are registered in HSA through an HSA-ombud (domain-facts §1.3), here the region
// for the contracted vårdcentral and the kommun for the contracted hemtjänst, so their HSA-ids
// start with the region's or the kommun's number while their own organisationsnummer is the AB's.
import type { Prisma } from "~/generated/prisma/client";
import { ORG_NUMBERS, hsaId, landline, unitHsaSuffix } from "./identifiers";
import { UNITS, UNIT_NAMES, type UnitKey } from "./units";

export const ORGANISATIONS = {
  region: "demo-org-region-norrsjo",
  kommun: "demo-org-norrsjo-kommun",
  lakarhuset: "demo-org-lakarhuset-hammarvik",
  omsorgshjalpen: "demo-org-omsorgshjalpen",
} as const;

export function buildOrganisations(): Prisma.OrganisationCreateManyInput[] {
  return [
    {
      id: ORGANISATIONS.region,
      hsaId: hsaId(ORG_NUMBERS.region, "1000"),
      name: "Region Norrsjö",
      kind: "REGION",
      organisationNumber: ORG_NUMBERS.region,
    },
    {
      id: ORGANISATIONS.kommun,
      hsaId: hsaId(ORG_NUMBERS.kommun, "1000"),
      name: "Norrsjö kommun",
      kind: "KOMMUN",
      organisationNumber: ORG_NUMBERS.kommun,
    },
    {
      id: ORGANISATIONS.lakarhuset,
      hsaId: hsaId(ORG_NUMBERS.region, "7KQ4"),
      name: "Läkarhuset Hammarvik AB",
      kind: "PRIVATE_PROVIDER",
      organisationNumber: ORG_NUMBERS.lakarhuset,
    },
    {
      id: ORGANISATIONS.omsorgshjalpen,
      hsaId: hsaId(ORG_NUMBERS.kommun, "4HT2"),
      name: "Omsorgshjälpen i Norrsjö AB",
      kind: "PRIVATE_PROVIDER",
      organisationNumber: ORG_NUMBERS.omsorgshjalpen,
    },
  ];
}

export { UNITS, UNIT_NAMES, type UnitKey };

/** The HSA catalogue owner of each unit (see the file comment). */
const CATALOGUE_OWNER: Record<UnitKey, string> = {
  vcNorrsjo: ORG_NUMBERS.region,
  vcHamnstaden: ORG_NUMBERS.region,
  lakarhuset: ORG_NUMBERS.region,
  avd12: ORG_NUMBERS.region,
  avd7: ORG_NUMBERS.region,
  onkologi: ORG_NUMBERS.region,
  hemsjukvard: ORG_NUMBERS.kommun,
  hemtjanstCentrum: ORG_NUMBERS.kommun,
  hemtjanstOmsorgshjalpen: ORG_NUMBERS.kommun,
};

export function catalogueOwnerOf(unit: UnitKey): string {
  return CATALOGUE_OWNER[unit];
}

type UnitSpec = Omit<Prisma.CareUnitCreateManyInput, "id" | "hsaId" | "name" | "publicPhone" | "careToCarePhone"> & {
  key: UnitKey;
  hsaNumber: number;
  /** Index of the public number; the vård-till-vård number is the next one. */
  phone: number;
};

const UNIT_SPECS: UnitSpec[] = [
  {
    key: "vcNorrsjo",
    hsaNumber: 10012,
    kind: "REGIONAL_PRIMARVARD",
    organisationId: ORGANISATIONS.region,
    regionallyFinanced: true,
    visitingAddress: "Lasarettsgatan 4",
    postalCode: "936 32",
    city: "Norrsjö",
    phone: 0,
  },
  {
    key: "vcHamnstaden",
    hsaNumber: 10027,
    kind: "REGIONAL_PRIMARVARD",
    organisationId: ORGANISATIONS.region,
    regionallyFinanced: true,
    visitingAddress: "Hamngatan 22",
    postalCode: "936 50",
    city: "Hammarvik",
    phone: 2,
  },
  {
    // Privately run, regionally financed: a vårdvalsenhet under HSL 7 kap. 3 §.
    key: "lakarhuset",
    hsaNumber: 10035,
    kind: "REGIONAL_PRIMARVARD",
    organisationId: ORGANISATIONS.lakarhuset,
    regionallyFinanced: true,
    visitingAddress: "Torggatan 3",
    postalCode: "936 51",
    city: "Hammarvik",
    phone: 4,
  },
  {
    key: "avd12",
    hsaNumber: 20114,
    kind: "SLUTENVARD",
    organisationId: ORGANISATIONS.region,
    visitingAddress: "Lasarettsgatan 10, ingång C, plan 3",
    postalCode: "936 32",
    city: "Norrsjö",
    phone: 6,
  },
  {
    key: "avd7",
    hsaNumber: 20122,
    kind: "SLUTENVARD",
    organisationId: ORGANISATIONS.region,
    visitingAddress: "Lasarettsgatan 10, ingång B, plan 2",
    postalCode: "936 32",
    city: "Norrsjö",
    phone: 8,
  },
  {
    // The region's own specialist clinic: regionally financed open care, so it may receive an
    // inskrivningsmeddelande (lag 2017:612 2 kap. 5 §).
    key: "onkologi",
    hsaNumber: 20213,
    kind: "SPECIALISERAD_OPPENVARD",
    organisationId: ORGANISATIONS.region,
    regionallyFinanced: true,
    visitingAddress: "Lasarettsgatan 10, ingång A, plan 1",
    postalCode: "936 32",
    city: "Norrsjö",
    phone: 10,
  },
  {
    key: "hemsjukvard",
    hsaNumber: 30017,
    kind: "KOMMUNAL_PRIMARVARD",
    organisationId: ORGANISATIONS.kommun,
    visitingAddress: "Tingshusgatan 5",
    postalCode: "936 31",
    city: "Norrsjö",
    phone: 12,
  },
  {
    key: "hemtjanstCentrum",
    hsaNumber: 30025,
    kind: "HEMTJANST",
    organisationId: ORGANISATIONS.kommun,
    visitingAddress: "Tingshusgatan 5",
    postalCode: "936 31",
    city: "Norrsjö",
    phone: 14,
  },
  {
    // Private utförare of hemtjänst under the kommun's valfrihetssystem (LOV).
    key: "hemtjanstOmsorgshjalpen",
    hsaNumber: 30033,
    kind: "HEMTJANST",
    organisationId: ORGANISATIONS.omsorgshjalpen,
    visitingAddress: "Byvägen 7",
    postalCode: "936 70",
    city: "Lillgrund",
    phone: 16,
  },
];

export const UNIT_KINDS = Object.fromEntries(UNIT_SPECS.map((u) => [u.key, u.kind])) as Record<
  UnitKey,
  Prisma.CareUnitCreateManyInput["kind"]
>;

export function buildCareUnits(): Prisma.CareUnitCreateManyInput[] {
  return UNIT_SPECS.map(({ key, hsaNumber, phone, ...unit }) => ({
    ...unit,
    id: UNITS[key],
    name: UNIT_NAMES[key],
    hsaId: hsaId(CATALOGUE_OWNER[key], unitHsaSuffix(hsaNumber)),
    publicPhone: landline(phone),
    // Vård till vård: staff only, never shown to the patient (seed §6.1.2).
    careToCarePhone: landline(phone + 1),
  }));
}

export type TeamKey =
  | "vcNorrsjoBla"
  | "vcNorrsjoGron"
  | "vcNorrsjoRehab"
  | "vcHamnstadenHamnen"
  | "vcHamnstadenBarn"
  | "lakarhusetTeam"
  | "avd12A"
  | "avd12B"
  | "avd7"
  | "onkologiKontaktssk"
  | "hemsjukvard"
  | "centrumOst"
  | "centrumVast"
  | "omsorgshjalpenLillgrund";

type TeamSpec = { key: TeamKey; unit: UnitKey; name: string; phone: number | null; comment: string | null; contactTimes: string | null };

const TEAM_SPECS: TeamSpec[] = [
  { key: "vcNorrsjoBla", unit: "vcNorrsjo", name: "Team Blå", phone: 20, comment: "Läkare och distriktssköterskor för patienter i Norrsjö centrum och Bergsjöholm.", contactTimes: "Vardagar 08.00–16.30" },
  { key: "vcNorrsjoGron", unit: "vcNorrsjo", name: "Team Grön", phone: 21, comment: "Läkare och distriktssköterskor för patienter i Norrsjö norr och Lillgrund.", contactTimes: "Vardagar 08.00–16.30" },
  { key: "vcNorrsjoRehab", unit: "vcNorrsjo", name: "Rehabteamet", phone: 22, comment: "Arbetsterapeut, fysioterapeut och kurator.", contactTimes: "Måndag–torsdag 08.00–15.00" },
  { key: "vcHamnstadenHamnen", unit: "vcHamnstaden", name: "Team Hamnen", phone: 23, comment: null, contactTimes: "Vardagar 08.00–16.00" },
  { key: "vcHamnstadenBarn", unit: "vcHamnstaden", name: "Barn- och familjeteamet", phone: 24, comment: "Barnläkare och sjuksköterskor för barn och unga upp till 18 år.", contactTimes: "Vardagar 08.30–12.00" },
  { key: "lakarhusetTeam", unit: "lakarhuset", name: "Läkarhusets team", phone: 25, comment: null, contactTimes: "Vardagar 08.00–17.00" },
  { key: "avd12A", unit: "avd12", name: "Vårdlag A", phone: 26, comment: "Sal 1–8.", contactTimes: "Dygnet runt" },
  { key: "avd12B", unit: "avd12", name: "Vårdlag B", phone: 27, comment: "Sal 9–16.", contactTimes: "Dygnet runt" },
  { key: "avd7", unit: "avd7", name: "Vårdlag geriatrik", phone: 28, comment: null, contactTimes: "Dygnet runt" },
  { key: "onkologiKontaktssk", unit: "onkologi", name: "Kontaktsjuksköterskorna", phone: 29, comment: "Nås via telefon eller 1177. Lämna meddelande så ringer vi upp samma dag.", contactTimes: "Vardagar 08.00–15.00" },
  { key: "hemsjukvard", unit: "hemsjukvard", name: "Hemsjukvården Norrsjö", phone: 30, comment: null, contactTimes: "Dygnet runt, kvällar och nätter via larmcentralen" },
  { key: "centrumOst", unit: "hemtjanstCentrum", name: "Grupp Centrum öst", phone: 31, comment: null, contactTimes: "Alla dagar 07.00–21.30" },
  { key: "centrumVast", unit: "hemtjanstCentrum", name: "Grupp Centrum väst", phone: 32, comment: null, contactTimes: "Alla dagar 07.00–21.30" },
  { key: "omsorgshjalpenLillgrund", unit: "hemtjanstOmsorgshjalpen", name: "Grupp Lillgrund", phone: 33, comment: "Hemtjänst i Lillgrund och Hammarvik.", contactTimes: "Alla dagar 07.00–22.00" },
];

export const teamId = (key: TeamKey) => `demo-team-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export const TEAM_UNIT: Record<TeamKey, UnitKey> = Object.fromEntries(TEAM_SPECS.map((t) => [t.key, t.unit])) as Record<
  TeamKey,
  UnitKey
>;

export function buildTeams(): Prisma.TeamCreateManyInput[] {
  return TEAM_SPECS.map((t) => ({
    id: teamId(t.key),
    careUnitId: UNITS[t.unit],
    name: t.name,
    phone: t.phone === null ? null : landline(t.phone),
    comment: t.comment,
    contactTimes: t.contactTimes,
  }));
}

// .example (RFC 2606) keeps the kommun's and the company's fictional sites from pointing at real ones.
const E_SERVICES: Record<UnitKey, { label: string; value: string; contactTimes: string }> = {
  vcNorrsjo: { label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/mvk/vardcentralen-norrsjo", contactTimes: "Ärenden besvaras vardagar 08–17" },
  vcHamnstaden: { label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/mvk/vardcentralen-hamnstaden", contactTimes: "Ärenden besvaras vardagar 08–16" },
  lakarhuset: { label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/mvk/lakarhuset-hammarvik", contactTimes: "Ärenden besvaras inom två vardagar" },
  avd12: { label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/mvk/norrsjo-lasarett-medicin-12", contactTimes: "Ärenden besvaras vardagar 09–15" },
  avd7: { label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/mvk/norrsjo-lasarett-geriatrik-7", contactTimes: "Ärenden besvaras vardagar 09–15" },
  onkologi: { label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/mvk/norrsjo-lasarett-onkologi", contactTimes: "Ärenden besvaras vardagar 08–15" },
  hemsjukvard: { label: "Norrsjö kommuns e-tjänster", value: "https://e-tjanster.norrsjo.example/hemsjukvard", contactTimes: "Ärenden besvaras vardagar 08–16" },
  hemtjanstCentrum: { label: "Norrsjö kommuns e-tjänster", value: "https://e-tjanster.norrsjo.example/hemtjanst", contactTimes: "Ärenden besvaras vardagar 08–16" },
  hemtjanstOmsorgshjalpen: { label: "Kontaktformulär", value: "https://omsorgshjalpen.example/kontakt", contactTimes: "Ärenden besvaras vardagar 08–16" },
};

export function buildUnitAndTeamContactWays(): Prisma.ContactWayCreateManyInput[] {
  const rows: Prisma.ContactWayCreateManyInput[] = [];
  for (const key of Object.keys(UNITS) as UnitKey[]) {
    const e = E_SERVICES[key];
    rows.push({ id: `demo-cw-${UNITS[key].slice("demo-unit-".length)}-eservice`, kind: "E_SERVICE", careUnitId: UNITS[key], ...e });
  }
  const unitPhone = (key: UnitKey) => landline(UNIT_SPECS.find((u) => u.key === key)!.phone);
  rows.push(
    { id: "demo-cw-vc-norrsjo-phone", kind: "PHONE", label: "Rådgivning och tidsbokning", value: unitPhone("vcNorrsjo"), contactTimes: "Vardagar 08.00–16.30, lunchstängt 12–13", careUnitId: UNITS.vcNorrsjo },
    { id: "demo-cw-vc-norrsjo-digital", kind: "DIGITAL", label: "Digitalt vårdbesök i appen Norrsjö Vård", value: "Appen Norrsjö Vård", contactTimes: "Alla dagar 07–22", careUnitId: UNITS.vcNorrsjo },
    { id: "demo-cw-vc-hamnstaden-phone", kind: "PHONE", label: "Rådgivning och tidsbokning", value: unitPhone("vcHamnstaden"), contactTimes: "Vardagar 08.00–16.00", careUnitId: UNITS.vcHamnstaden },
    { id: "demo-cw-lakarhuset-phone", kind: "PHONE", label: "Tidsbokning", value: unitPhone("lakarhuset"), contactTimes: "Vardagar 07.30–17.00", careUnitId: UNITS.lakarhuset },
    { id: "demo-cw-onkologi-phone", kind: "PHONE", label: "Mottagningens telefon", value: unitPhone("onkologi"), contactTimes: "Vardagar 08.00–15.00", careUnitId: UNITS.onkologi },
    { id: "demo-cw-team-vc-norrsjo-bla-phone", kind: "PHONE", label: "Teamets telefon", value: landline(20), contactTimes: "Vardagar 08.00–09.30 och 13.00–14.00", teamId: teamId("vcNorrsjoBla") },
    { id: "demo-cw-team-vc-norrsjo-gron-phone", kind: "PHONE", label: "Teamets telefon", value: landline(21), contactTimes: "Vardagar 08.00–09.30 och 13.00–14.00", teamId: teamId("vcNorrsjoGron") },
    { id: "demo-cw-team-onkologi-phone", kind: "PHONE", label: "Kontaktsjuksköterskornas telefon", value: landline(29), contactTimes: "Vardagar 08.00–15.00", teamId: teamId("onkologiKontaktssk") },
    { id: "demo-cw-team-onkologi-eservice", kind: "E_SERVICE", label: "1177 e-tjänster: Skriv till kontaktsjuksköterskan", value: "https://e-tjanster.1177.se/mvk/norrsjo-lasarett-onkologi/kontaktsjukskoterska", contactTimes: "Svar inom en vardag", teamId: teamId("onkologiKontaktssk") },
    { id: "demo-cw-team-centrum-ost-phone", kind: "PHONE", label: "Gruppens telefon", value: landline(31), contactTimes: "Alla dagar 07.00–21.30", teamId: teamId("centrumOst") },
    { id: "demo-cw-team-centrum-vast-phone", kind: "PHONE", label: "Gruppens telefon", value: landline(32), contactTimes: "Alla dagar 07.00–21.30", teamId: teamId("centrumVast") },
    { id: "demo-cw-team-omsorgshjalpen-phone", kind: "PHONE", label: "Gruppens telefon", value: landline(33), contactTimes: "Alla dagar 07.00–22.00", teamId: teamId("omsorgshjalpenLillgrund") },
  );
  return rows;
}
