// Issue 6 "Done when": for every seeded patient, GetCareManagers answers schema-valid responses
// that hold exactly the contacts the patient may see — for every care giver of the demo region.
// Also: every contact time the demo data uses is read into hours, except the ones that are
// not opening hours (or not wholly), which give none.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { parseContactHours } from "~/domain/contact-hours";
import { loadFixedContacts } from "~/fixed-contacts/contacts.server";
import { isHandlaggare } from "../../../machines/rules";
import { seedDemoRegion } from "../../../prisma/demo/region";
import { createApiKey } from "../../factories";
import { expectValidResponses } from "./schema";
import { call, envelope, getCareManagersBody, readCareManagers, ROOT, successText, type Parsed } from "./soap";

const now = new Date();

beforeAll(async () => {
  await seedDemoRegion(db, { today: isoDateInStockholm(now), password: "demo-lösenord-123" });
}, 120_000);

describe("the demo region through GetCareManagers", () => {
  it("every patient with a national identifier, at every care giver they have contacts at: valid answers with exactly those contacts", async () => {
    const patients = await db.patient.findMany({ where: { identifierKind: { in: ["PERSONNUMMER", "SAMORDNINGSNUMMER"] } } });
    const careGivers = await db.organisation.findMany({ select: { id: true, hsaId: true } });
    // A key reads one care giver (decision 016): one key per care giver, each asked for its own.
    const keyOf = new Map<string, string>();
    for (const c of careGivers) keyOf.set(c.hsaId, (await createApiKey(db, `Demo-konsument ${c.hsaId}`, { careGiverId: c.id })).key);
    expect(patients.length).toBeGreaterThan(100);
    let answered = 0;
    let everyCareGiverAsked = false;
    const answers: string[] = [];
    for (const patient of patients) {
      const root = patient.identifierKind === "PERSONNUMMER" ? ROOT.personnummer : ROOT.samordningsnummer;
      const active = await loadFixedContacts(db, { patientId: patient.id, at: now });
      // Every care giver for the first patient (empty answers included), then where there is something to answer.
      const asked = everyCareGiverAsked ? [...new Set(active.map((row) => row.careUnit.organisation.hsaId))] : careGivers.map((c) => c.hsaId);
      everyCareGiverAsked = true;
      for (const careGiver of asked) {
        const text = await successText(await call({ key: keyOf.get(careGiver)!, body: envelope(getCareManagersBody({ root, extension: patient.identifier }), careGiver) }));
        answers.push(text);
        const cms = readCareManagers(text);
        // A handläggare's HSA-id is not disclosed (seed §5.1): the IIType carries the root alone.
        const expected = active
          .filter((row) => row.careUnit.organisation.hsaId === careGiver)
          .map((row) => (isHandlaggare(row.staffMember.befattning.code) ? undefined : row.staffMember.hsaId));
        expect(cms.map((cm: Parsed) => cm.practitioner.hsaId.extension)).toEqual(expected);
        answered += cms.length;
      }
    }
    expect(answered).toBe(await countActive());
    expectValidResponses(answers);
  }, 240_000);

  it("reads every contact time of the demo data except those that are not wholly opening hours", async () => {
    const ways = await db.contactWay.findMany({ select: { contactTimes: true } });
    const teams = await db.team.findMany({ select: { contactTimes: true } });
    const texts = [...new Set([...ways, ...teams].map((r) => r.contactTimes).filter((t): t is string => t !== null))];
    const unread = texts.filter((t) => parseContactHours(t).length === 0).sort();
    expect(unread).toEqual([
      "Dygnet runt, kvällar och nätter via larmcentralen",
      "Svar inom en vardag",
      "Vardagar 07.00–15.30, varannan helg",
      "Ärenden besvaras inom två vardagar",
    ]);
    expect(texts.length - unread.length).toBeGreaterThan(10);
  });
});

/** Active contacts of patients with a national identifier; rule001 holds in the demo, so all are sent. */
async function countActive(): Promise<number> {
  const rows = await db.assignment.findMany({
    where: { patient: { identifierKind: { in: ["PERSONNUMMER", "SAMORDNINGSNUMMER"] } } },
    select: { startedAt: true, endedAt: true },
  });
  return rows.filter((a) => a.startedAt <= now && (a.endedAt === null || a.endedAt > now)).length;
}
