// Code lists the product uses beside the reference tables.

/**
 * Specialties (specialistkompetens, or ongoing ST) that the rules for fast läkarkontakt
 * look at (SPEC §3; HSL 7 kap. 3 §), plus the others the demo region uses. Names follow
 * Socialstyrelsen's specialty names (HSLF-FS 2021:8).
 */
export const SPECIALTIES = {
  ALLMANMEDICIN: "Allmänmedicin",
  BARN_OCH_UNGDOMSMEDICIN: "Barn- och ungdomsmedicin",
  GERIATRIK: "Geriatrik",
  INTERNMEDICIN: "Internmedicin",
  ONKOLOGI: "Onkologi",
} as const;
export type Specialty = keyof typeof SPECIALTIES;

/** HOSP legitimationsyrken the product reads (domain-facts §2.2). */
export const LEGITIMATIONS = {
  LK: "Läkare",
  SJ: "Sjuksköterska",
  BM: "Barnmorska",
  AT: "Arbetsterapeut",
  FT: "Fysioterapeut",
  SG: "Sjukgymnast",
  PS: "Psykolog",
  HK: "Hälso- och sjukvårdskurator",
  DT: "Dietist",
} as const;
export type Legitimation = keyof typeof LEGITIMATIONS;
