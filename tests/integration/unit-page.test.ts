// The unit page (issue 4 §4): the active unit's contact ways, teams and management, and
// another unit's page only where the user holds a role.
import { describe, expect, it } from "vitest";
import { createSession, sessionCookieHeader } from "~/auth/session.server";
import { db } from "~/db.server";
import { loader as otherUnitLoader } from "~/routes/_app.enhet.$unitId";
import { loader as unitLoader } from "~/routes/_app.enhet._index";
import { createStaff, createUnit, createUser, request, signedIn } from "../factories";
import { statusOf, thrown } from "../setup/responses";

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });

describe("the unit page", () => {
  it("shows the active unit with its vård-till-vård number, e-services, teams with members and the verksamhetschef", async () => {
    const unit = await createUnit(db, "REGIONAL_PRIMARVARD", "Vårdcentralen Test");
    await db.contactWay.create({
      data: { kind: "E_SERVICE", label: "1177 e-tjänster", value: "https://e-tjanster.1177.se/test", contactTimes: "Vardagar 08–17", careUnitId: unit.id },
    });
    const team = await db.team.create({ data: { careUnitId: unit.id, name: "Team Blå", phone: "010-111 11 11", contactTimes: "Vardagar 08–16" } });
    const member = await createStaff(db, unit.id);
    await db.teamMember.create({ data: { teamId: team.id, staffMemberId: member.id } });
    const chiefStaff = await createStaff(db, unit.id, "102010");
    const chief = await signedIn(db, unit.id, "VERKSAMHETSCHEF");
    await db.user.update({ where: { id: chief.user.id }, data: { staffMemberId: chiefStaff.id } });

    const page = await unitLoader(args(request("/enhet", chief.cookie)));
    expect(page.unit).toMatchObject({ id: unit.id, name: "Vårdcentralen Test", careToCarePhone: "010-123 45 67", publicPhone: "0771-11 22 33" });
    expect(page.unit.contactWays).toEqual([expect.objectContaining({ label: "1177 e-tjänster", contactTimes: "Vardagar 08–17" })]);
    expect(page.unit.teams).toEqual([
      expect.objectContaining({ name: "Team Blå", phone: "010-111 11 11", members: [expect.objectContaining({ id: member.id })] }),
    ]);
    expect(page.unit.leaders).toEqual([
      expect.objectContaining({ roleCode: "VERKSAMHETSCHEF", name: chief.user.displayName, staffMemberId: chiefStaff.id }),
    ]);
    expect(page.membersLinked).toBe(true);
  });

  it("opens another unit only where the user holds a role, with the same 404 as an unknown id", async () => {
    const [ward, clinic, stranger] = [await createUnit(db, "SLUTENVARD"), await createUnit(db), await createUnit(db)];
    const user = await createUser(db, [
      { careUnitId: ward.id, roleCode: "VARDPERSONAL" },
      { careUnitId: clinic.id, roleCode: "VARDPERSONAL" },
    ]);
    const sessionId = await createSession(db, user.id, new Date());
    await db.session.update({ where: { id: sessionId }, data: { activeUnitId: ward.id, activeRole: "VARDPERSONAL" } });
    const cookie = (await sessionCookieHeader(sessionId)).split(";")[0];

    const clinicPage = await otherUnitLoader(args(request(`/enhet/${clinic.id}`, cookie), { unitId: clinic.id }));
    expect(clinicPage.unit.id).toBe(clinic.id);
    // The staff register is scoped to the active unit: the other unit's members are not linked.
    expect(clinicPage.membersLinked).toBe(false);
    expect(clinicPage.otherUnits).toEqual([{ id: ward.id, name: ward.name, active: true }]);
    for (const unitId of [stranger.id, "finns-inte"]) {
      expect(statusOf(await thrown(otherUnitLoader(args(request(`/enhet/${unitId}`, cookie), { unitId }))))).toBe(404);
    }
  });
});
