// Ids and names of the demo units. No imports, so that users.ts (read by the README and the
// browser tests) can be loaded anywhere, also without the "~" alias.

export const UNITS = {
  vcNorrsjo: "demo-unit-vc-norrsjo",
  vcHamnstaden: "demo-unit-vc-hamnstaden",
  lakarhuset: "demo-unit-vc-lakarhuset",
  avd12: "demo-unit-medicin-avd-12",
  avd7: "demo-unit-geriatrik-avd-7",
  onkologi: "demo-unit-onkologmottagningen",
  hemsjukvard: "demo-unit-hemsjukvard",
  hemtjanstCentrum: "demo-unit-hemtjanst-centrum",
  hemtjanstOmsorgshjalpen: "demo-unit-hemtjanst-omsorgshjalpen",
} as const;

export type UnitKey = keyof typeof UNITS;

/** HSA names of the units (CareUnit.name). */
export const UNIT_NAMES: Record<UnitKey, string> = {
  vcNorrsjo: "Vårdcentralen Norrsjö",
  vcHamnstaden: "Vårdcentralen Hamnstaden",
  lakarhuset: "Läkarhuset Hammarvik",
  avd12: "Medicinavdelning 12, Norrsjö lasarett",
  avd7: "Geriatrisk avdelning 7, Norrsjö lasarett",
  onkologi: "Onkologmottagningen, Norrsjö lasarett",
  hemsjukvard: "Kommunal hemsjukvård Norrsjö",
  hemtjanstCentrum: "Hemtjänsten Norrsjö centrum",
  hemtjanstOmsorgshjalpen: "Omsorgshjälpen hemtjänst Lillgrund",
};
