// The region's patients (ages 0–100, test personnummer of the 980–999 series as in
// prisma/demo/patients.ts) and how they relate to the units: listing at a vårdcentral,
// hemtjänst for many of the old, a stay at a ward for some. The leaver's vårdcentral gets
// enough listed patients for the leaver's contacts and the colleagues' own.
import type { Prisma } from "~/generated/prisma/client";
import { addDays, addMonths } from "~/domain/dates";
import { assertValidIdentityNumber, testIdentityNumber } from "../../prisma/demo/identifiers";
import { pickTown } from "../../prisma/demo/patients";
import { FIRST_NAMES, LAST_NAMES, MIDDLE_NAMES, TOWNS, generationOf, type Sex } from "../../prisma/demo/names";
import type { Random } from "../../prisma/demo/random";
import type { Clock } from "./region-clock";
import { LEAVER_UNIT_ID, type BenchUnit } from "./region-units";

export type BenchPatient = {
  id: string;
  age: number;
  /** The vårdcentral where the patient is listed today, and since when. */
  listing: { unitId: string; from: string } | null;
  /** Hemtjänst in force today; `contactNeeded` false when "obviously unnecessary" is recorded. */
  homeCare: { unitId: string; from: string; contactNeeded: boolean } | null;
  /** A stay at a ward that goes on today. */
  stay: { unitId: string; from: string } | null;
};

export type PatientRows = {
  patients: Required<Prisma.PatientCreateManyInput>[];
  listings: Required<Prisma.ListingCreateManyInput>[];
  homeCareServices: Required<Prisma.HomeCareServiceCreateManyInput>[];
  careEpisodes: Required<Prisma.CareEpisodeCreateManyInput>[];
};

const LISTED_SHARE = 0.93;
/** Share of the leaver unit's listed patients who have a fast vårdkontakt there. */
export const LEAVER_UNIT_CONTACT_SHARE = 0.9;
/** Fasta vårdkontakter held by the leaver's colleagues at the unit, besides the leaver's own. */
const LEAVER_COLLEAGUES_CONTACTS = 2_750;


const NOT_NEEDED_REASONS = ["Endast trygghetslarm", "Enbart matdistribution en gång i veckan", "Tillfällig insats efter utskrivning"];

export function buildPatients(
  count: number,
  units: readonly BenchUnit[],
  leaverAssignments: number,
  today: string,
  clock: Clock,
  random: Random,
): { rows: PatientRows; patients: BenchPatient[] } {
  const rows: PatientRows = { patients: [], listings: [], homeCareServices: [], careEpisodes: [] };
  const patients: BenchPatient[] = [];
  const primaryCare = units.filter((u) => u.role === "primaryCare" && u.id !== LEAVER_UNIT_ID);
  const homeCareUnits = units.filter((u) => u.role === "homeCare");
  const wards = units.filter((u) => u.role === "ward");
  let leaverUnitQuota = Math.ceil((leaverAssignments + LEAVER_COLLEAGUES_CONTACTS) / LEAVER_UNIT_CONTACT_SHARE);
  const used = new Set<string>();
  const pad = (n: number) => String(n).padStart(6, "0");

  for (let n = 1; n <= count; n++) {
    const id = `bench-patient-${pad(n)}`;
    // Ages 0–84 evenly, fewer up to 100.
    const age = random.chance(0.93) ? random.int(0, 84) : random.int(85, 100);
    const birthDate = addDays(addMonths(today, -12 * age), -random.int(age === 0 ? 1 : 0, 364));
    const sex: Sex = random.chance(0.51) ? "F" : "M";
    const kind = random.chance(0.01) ? "SAMORDNINGSNUMMER" : "PERSONNUMMER";
    let identifier: string;
    do {
      // The sex digit: even for women, odd for men.
      identifier = testIdentityNumber(birthDate, 80 + random.int(0, 9) * 2 + (sex === "M" ? 1 : 0), kind === "SAMORDNINGSNUMMER");
    } while (used.has(identifier));
    used.add(identifier);
    assertValidIdentityNumber(identifier, kind, today);
    const protectedIdentity = random.chance(0.002);
    const town = TOWNS[pickTown(random)];
    const firstName = random.pick(FIRST_NAMES[generationOf(Number(birthDate.slice(0, 4)))][sex]);
    const middleName = random.chance(0.18) ? random.pick(MIDDLE_NAMES[sex]) : null;
    rows.patients.push({
      id,
      identifierKind: kind,
      identifier,
      firstName,
      middleName: middleName === firstName ? null : middleName,
      lastName: random.pick(LAST_NAMES),
      birthDate,
      // Skyddade personuppgifter: no address stored at all (as in the demo).
      streetAddress: protectedIdentity ? null : `${random.pick(town.streets)} ${random.int(1, 48)}`,
      postalCode: protectedIdentity ? null : random.pick(town.postalCodes),
      city: protectedIdentity ? null : town.name,
      protectedIdentity,
    });

    // ── Listing ──────────────────────────────────────────────────────────────
    let listing: BenchPatient["listing"] = null;
    const earliest = addDays(birthDate, 21);
    if (earliest < today && random.chance(LISTED_SHARE)) {
      const unitId = leaverUnitQuota-- > 0 ? LEAVER_UNIT_ID : random.pick(primaryCare).id;
      let from = addMonths(today, -random.int(1, 240));
      if (from < earliest) from = earliest;
      // Some moved their listing: the old one ended the day before the new one began.
      if (age >= 20 && random.chance(0.05)) {
        const previous = random.pick(primaryCare.filter((u) => u.id !== unitId));
        rows.listings.push({ id: `bench-listing-${pad(n)}-old`, patientId: id, careUnitId: previous.id, from: addMonths(from, -random.int(12, 60)), to: addDays(from, -1) });
      }
      rows.listings.push({ id: `bench-listing-${pad(n)}`, patientId: id, careUnitId: unitId, from, to: null });
      listing = { unitId, from };
    }

    // ── Hemtjänst ───────────────────────────────────────────────────────────
    let homeCare: BenchPatient["homeCare"] = null;
    if ((age >= 80 && random.chance(0.45)) || (age >= 65 && age < 80 && random.chance(0.1))) {
      const unitId = random.pick(homeCareUnits).id;
      const from = addMonths(today, -random.int(1, 72));
      const notNeeded = random.chance(0.03);
      rows.homeCareServices.push({
        id: `bench-homecare-${pad(n)}`,
        patientId: id,
        careUnitId: unitId,
        from,
        to: null,
        contactNotNeededReason: notNeeded ? random.pick(NOT_NEEDED_REASONS) : null,
        contactNotNeededAt: notNeeded ? clock.during(addDays(from, 3), random) : null,
        contactNotNeededByUserId: null,
      });
      homeCare = { unitId, from, contactNeeded: !notNeeded };
    }

    // ── Stays at the wards: some going on today, more in the past year ─────────
    let stay: BenchPatient["stay"] = null;
    if (random.chance(age >= 65 ? 0.04 : 0.007)) {
      const unitId = random.pick(wards).id;
      const from = addDays(today, -random.int(1, 20));
      const planned = random.chance(0.5) ? addDays(today, random.int(1, 10)) : null;
      rows.careEpisodes.push({ id: `bench-episode-${pad(n)}`, patientId: id, careUnitId: unitId, kind: "INPATIENT", startedAt: clock.during(from, random), endedAt: null, plannedDischargeDate: planned });
      stay = { unitId, from };
    } else if (random.chance(age >= 65 ? 0.1 : 0.02)) {
      const from = addDays(today, -random.int(30, 365));
      const to = addDays(from, random.int(2, 14));
      rows.careEpisodes.push({ id: `bench-episode-${pad(n)}-old`, patientId: id, careUnitId: random.pick(wards).id, kind: "INPATIENT", startedAt: clock.during(from, random), endedAt: clock.during(to, random), plannedDischargeDate: to });
    }

    patients.push({ id, age, listing, homeCare, stay });
  }
  if (leaverUnitQuota > 0) throw new Error(`too few patients for the leaver's unit: raise the patient count above ${count}`);
  return { rows, patients };
}
