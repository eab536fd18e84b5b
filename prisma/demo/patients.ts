// The ~200 patients. Identity numbers are test numbers: a handful of Skatteverket's published
// testpersonnummer (domain-facts §3.2) and the rest generated in the same 980–999 series,
// each checked with the application's own parser. Birth dates are fixed (they are part of
// the identity), so a patient's age grows with the real date.
import type { Prisma } from "~/generated/prisma/client";
import { assertValidIdentityNumber, reservnummer, testIdentityNumber } from "./identifiers";
import { FIRST_NAMES, LAST_NAMES, MIDDLE_NAMES, TOWNS, generationOf, type Sex, type TownKey } from "./names";
import { createRandom, type Random } from "./random";

export type DemoPatient = {
  id: string;
  identifierKind: "PERSONNUMMER" | "SAMORDNINGSNUMMER" | "RESERVNUMMER";
  identifier: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  birthDate: string;
  sex: Sex;
  /** Where the patient lives; null when unknown (reservnummer) or protected. */
  town: TownKey | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  protectedIdentity: boolean;
};

export const PATIENT_COUNT = 200;

const patientId = (n: number) => `demo-patient-${String(n).padStart(3, "0")}`;

type Fixed = Omit<DemoPatient, "id" | "streetAddress" | "postalCode" | "city" | "identifierKind"> & {
  identifierKind?: DemoPatient["identifierKind"];
  street?: string;
};

// Published test numbers (Skatteverket list, as copied in KentorIT/PU-Adapter; domain-facts §3.2).
const PUBLISHED_TEST_NUMBERS: Fixed[] = [
  { identifier: "194408139089", birthDate: "1944-08-13", sex: "F", firstName: "Gunvor", middleName: null, lastName: "Sjödin", town: "norrsjo", protectedIdentity: false },
  { identifier: "195005050512", birthDate: "1950-05-05", sex: "M", firstName: "Rune", middleName: "Gustav", lastName: "Hägglund", town: "norrsjo", protectedIdentity: false },
  { identifier: "195005050520", birthDate: "1950-05-05", sex: "F", firstName: "Ulla-Britt", middleName: null, lastName: "Hägglund", town: "norrsjo", protectedIdentity: false },
  { identifier: "195005050546", birthDate: "1950-05-05", sex: "F", firstName: "Solveig", middleName: null, lastName: "Marklund", town: "lillgrund", protectedIdentity: false },
  { identifier: "196107293059", birthDate: "1961-07-29", sex: "M", firstName: "Kenneth", middleName: null, lastName: "Lövgren", town: "hammarvik", protectedIdentity: false },
  { identifier: "197912309296", birthDate: "1979-12-30", sex: "M", firstName: "Jimmy", middleName: "Olof", lastName: "Burman", town: "norrsjo", protectedIdentity: false },
  { identifier: "198705212382", birthDate: "1987-05-21", sex: "F", firstName: "Frida", middleName: null, lastName: "Nordlander", town: "hammarvik", protectedIdentity: false },
  { identifier: "199001252387", birthDate: "1990-01-25", sex: "F", firstName: "Amanda", middleName: null, lastName: "Rönnberg", town: "norrsjo", protectedIdentity: false },
  { identifier: "199006022397", birthDate: "1990-06-02", sex: "M", firstName: "Kristoffer", middleName: null, lastName: "Ågren", town: "bergsjoholm", protectedIdentity: false },
  { identifier: "200001052380", birthDate: "2000-01-05", sex: "F", firstName: "Tilda", middleName: null, lastName: "Forslund", town: "hammarvik", protectedIdentity: false },
  { identifier: "200510162381", birthDate: "2005-10-16", sex: "F", firstName: "Moa", middleName: null, lastName: "Edlund", town: "norrsjo", protectedIdentity: false },
  { identifier: "200512312398", birthDate: "2005-12-31", sex: "M", firstName: "Melvin", middleName: null, lastName: "Granström", town: "lillgrund", protectedIdentity: false },
];

// Persons without folkbokföring: samordningsnummer (birth day + 60, Skatteverket SKV 707).
const COORDINATION: Fixed[] = [
  { identifierKind: "SAMORDNINGSNUMMER", identifier: testIdentityNumber("1986-03-14", 84, true), birthDate: "1986-03-14", sex: "F", firstName: "Olena", middleName: null, lastName: "Kovalenko", town: "hammarvik", protectedIdentity: false },
  { identifierKind: "SAMORDNINGSNUMMER", identifier: testIdentityNumber("1979-09-02", 91, true), birthDate: "1979-09-02", sex: "M", firstName: "Tomasz", middleName: null, lastName: "Wiśniewski", town: "norrsjo", protectedIdentity: false },
  { identifierKind: "SAMORDNINGSNUMMER", identifier: testIdentityNumber("1995-11-27", 87, true), birthDate: "1995-11-27", sex: "M", firstName: "Jonas", middleName: null, lastName: "Petraitis", town: "lillgrund", protectedIdentity: false },
  { identifierKind: "SAMORDNINGSNUMMER", identifier: testIdentityNumber("1962-04-30", 82, true), birthDate: "1962-04-30", sex: "F", firstName: "Ana", middleName: "Maria", lastName: "Ionescu", town: "norrsjo", protectedIdentity: false },
];

// A German tourist without Swedish identity number: local reservnummer, estimated birth date,
// home address abroad not registered here.
const RESERVE: Fixed = {
  identifierKind: "RESERVNUMMER",
  identifier: reservnummer(1958, 412),
  birthDate: "1958-01-01",
  sex: "M",
  firstName: "Hans",
  middleName: "Jürgen",
  lastName: "Müller",
  town: null,
  protectedIdentity: false,
};

// Skyddade personuppgifter: the address is not stored at all (null), so no code path can leak
// it; the flag makes the application hide what remains and ask for a reason on every view.
const PROTECTED: Fixed = {
  identifier: testIdentityNumber("1984-02-09", 86),
  birthDate: "1984-02-09",
  sex: "F",
  firstName: "Johanna",
  middleName: null,
  lastName: "Lindh",
  town: "norrsjo",
  protectedIdentity: true,
};

// Birth-year buckets of the generated patients: from small children to 95+.
const AGE_BUCKETS: [count: number, fromYear: number, toYear: number][] = [
  [20, 2009, 2024],
  [30, 1987, 2007],
  [40, 1962, 1986],
  [27, 1952, 1961],
  [36, 1942, 1951],
  [22, 1932, 1941],
  [7, 1925, 1931],
];

const TOWN_WEIGHTS: [TownKey, number][] = [
  ["norrsjo", 0.5],
  ["hammarvik", 0.3],
  ["lillgrund", 0.12],
  ["bergsjoholm", 0.08],
];

/** Where a patient lives, weighted by the towns' sizes (the benchmark's region uses it too). */
export function pickTown(random: Random): TownKey {
  let r = random.next();
  for (const [town, weight] of TOWN_WEIGHTS) {
    if (r < weight) return town;
    r -= weight;
  }
  return "norrsjo";
}

export function buildPatients(today: string): DemoPatient[] {
  const random = createRandom(20_261_125);
  const used = new Set<string>();
  const patients: DemoPatient[] = [];

  const address = (town: TownKey | null, protectedIdentity: boolean) => {
    if (town === null || protectedIdentity) return { streetAddress: null, postalCode: null, city: null };
    const t = TOWNS[town];
    const street = random.pick(t.streets);
    const number = town === "bergsjoholm" ? random.int(1, 40) : random.int(1, 48);
    const suffix = town === "norrsjo" && random.chance(0.2) ? ` ${random.pick(["A", "B", "C"])}` : "";
    const flat = town !== "bergsjoholm" && random.chance(0.35) ? `, lgh ${random.int(10, 14)}0${random.int(1, 4)}` : "";
    return { streetAddress: `${street} ${number}${suffix}${flat}`, postalCode: random.pick(t.postalCodes), city: t.name };
  };

  const add = (p: Fixed) => {
    const kind = p.identifierKind ?? "PERSONNUMMER";
    if (kind !== "RESERVNUMMER") assertValidIdentityNumber(p.identifier, kind, today);
    if (used.has(p.identifier)) throw new Error(`duplicate demo identifier ${p.identifier}`);
    used.add(p.identifier);
    patients.push({ ...p, identifierKind: kind, id: patientId(patients.length + 1), ...address(p.town, p.protectedIdentity) });
  };

  for (const p of PUBLISHED_TEST_NUMBERS) add(p);
  for (const p of COORDINATION) add(p);
  add(RESERVE);
  add(PROTECTED);

  for (const [count, fromYear, toYear] of AGE_BUCKETS) {
    for (let i = 0; i < count; i++) {
      const sex: Sex = random.chance(0.52) ? "F" : "M";
      const year = random.int(fromYear, toYear);
      const month = random.int(1, 12);
      const day = random.int(1, 28);
      const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      let identifier = "";
      do {
        // The sex digit: even for women, odd for men.
        const serial = 80 + random.int(0, 9) * 2 + (sex === "M" ? 1 : 0);
        identifier = testIdentityNumber(birthDate, serial);
      } while (used.has(identifier));
      const firstName = random.pick(FIRST_NAMES[generationOf(year)][sex]);
      const middleName = random.chance(0.18) ? random.pick(MIDDLE_NAMES[sex]) : null;
      add({
        identifier,
        birthDate,
        sex,
        firstName,
        middleName: middleName === firstName ? null : middleName,
        lastName: random.chance(0.04) ? `${random.pick(LAST_NAMES)} ${random.pick(LAST_NAMES)}` : random.pick(LAST_NAMES),
        town: pickTown(random),
        protectedIdentity: false,
      });
    }
  }

  if (patients.length !== PATIENT_COUNT) throw new Error(`expected ${PATIENT_COUNT} demo patients, built ${patients.length}`);
  return patients;
}

export function patientRows(patients: DemoPatient[]): Prisma.PatientCreateManyInput[] {
  return patients.map(({ sex: _sex, town: _town, ...row }) => row);
}

/** "Storgatan 12, 936 31 Norrsjö", or null when no address is stored. */
export function formatAddress(p: DemoPatient): string | null {
  if (!p.streetAddress) return null;
  return `${p.streetAddress}, ${p.postalCode} ${p.city}`;
}

export const fullName = (p: Pick<DemoPatient, "firstName" | "middleName" | "lastName">) =>
  [p.firstName, p.middleName, p.lastName].filter(Boolean).join(" ");
