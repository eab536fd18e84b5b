import { Link } from "@remix-run/react";
import { t } from "~/i18n";
import type { UnitPage } from "~/models/unit.server";

type ContactWay = UnitPage["contactWays"][number];

function ContactWayList({ ways }: { ways: ContactWay[] }) {
  return (
    <ul className="plain-list unit-contact-ways">
      {ways.map((w) => (
        <li key={w.id}>
          {w.label}: {w.kind === "PHONE" ? <span className="nowrap">{w.value}</span> : <a href={w.value}>{w.value}</a>}
          {w.contactTimes ? <span className="block">{t("staff.unit.contactTimes", { times: w.contactTimes })}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export type UnitPageView = {
  unit: UnitPage;
  membersLinked: boolean;
  otherUnits: { id: string; name: string; active: boolean }[];
};

/** A care unit as staff reach it: address, phones (vård till vård marked staff-only), e-services, teams, management. */
export function UnitPageContent({ unit, membersLinked, otherUnits }: UnitPageView) {
  const leaderRole = unit.kind === "HEMTJANST" ? "ENHETSCHEF_HEMTJANST" : "VERKSAMHETSCHEF";
  const leaders = unit.leaders.filter((l) => l.roleCode === leaderRole);
  return (
    <>
      <h1>{unit.name}</h1>
      <dl className="facts staff-facts unit-facts">
        <Fact term={t("staff.unit.kind")}>
          {t(`staff.unit.kind.${unit.kind}`)}
          {unit.regionallyFinanced ? (
            <span className="block">
              {t(unit.kind === "REGIONAL_PRIMARVARD" ? "staff.unit.regionallyFinanced" : "staff.unit.regionallyFinancedOpenCare")}
            </span>
          ) : null}
        </Fact>
        <Fact term={t("staff.unit.organisation")}>{unit.organisation.name}</Fact>
        <Fact term={t("staff.unit.hsaId")}>
          <span data-testid="unit-hsa-id">{unit.hsaId}</span>
        </Fact>
        <Fact term={t("contact.visitingAddress")}>
          {unit.visitingAddress}, {unit.postalCode} {unit.city}
        </Fact>
        <Fact term={t("contact.publicPhone")}>{unit.publicPhone}</Fact>
        {unit.careToCarePhone ? (
          <Fact term={t("contact.careToCarePhone")}>
            {unit.careToCarePhone}
            <span className="tag">{t("staff.unit.staffOnly")}</span>
          </Fact>
        ) : null}
        <Fact term={t(`role.${leaderRole}`)}>
          {leaders.length === 0 ? (
            t("staff.unit.leaderMissing")
          ) : (
            <span data-testid="unit-leader">
              {leaders.map((l, i) => (
                <span key={l.userId}>
                  {i > 0 ? ", " : null}
                  {l.staffMemberId && membersLinked ? <Link to={`/personal/${l.staffMemberId}`}>{l.name}</Link> : l.name}
                </span>
              ))}
            </span>
          )}
        </Fact>
      </dl>

      <section aria-labelledby="unit-ways-heading">
        <h2 id="unit-ways-heading">{t("staff.unit.contactWays")}</h2>
        {unit.contactWays.length === 0 ? <p>{t("staff.unit.noContactWays")}</p> : <ContactWayList ways={unit.contactWays} />}
      </section>

      <section aria-labelledby="unit-teams-heading">
        <h2 id="unit-teams-heading">{t("staff.unit.teams")}</h2>
        {unit.teams.length === 0 ? (
          <p>{t("staff.unit.noTeams")}</p>
        ) : (
          <div className="cards">
            {unit.teams.map((team) => (
              <article key={team.id} className="card" aria-labelledby={`team-${team.id}`} data-testid="unit-team">
                <h3 id={`team-${team.id}`}>{team.name}</h3>
                <dl className="facts unit-team__facts">
                  {team.phone ? <Fact term={t("staff.unit.teamPhone")}>{team.phone}</Fact> : null}
                  {team.contactTimes ? <Fact term={t("contact.contactTimes")}>{team.contactTimes}</Fact> : null}
                  {team.comment ? <Fact term={t("staff.unit.teamComment")}>{team.comment}</Fact> : null}
                  {team.contactWays.length > 0 ? (
                    <Fact term={t("contact.personContactWays")}>
                      <ContactWayList ways={team.contactWays} />
                    </Fact>
                  ) : null}
                  <Fact term={t("staff.unit.members")}>
                    {team.members.length === 0 ? (
                      t("staff.unit.noMembers")
                    ) : (
                      <ul className="plain-list">
                        {team.members.map((m) => (
                          <li key={m.id}>
                            {membersLinked ? <Link to={`/personal/${m.id}`}>{m.name}</Link> : m.name}, {m.befattning}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Fact>
                </dl>
              </article>
            ))}
          </div>
        )}
      </section>

      {otherUnits.length > 0 ? (
        <nav aria-labelledby="other-units-heading" className="unit-others">
          <h2 id="other-units-heading">{t("staff.unit.otherUnits")}</h2>
          <ul>
            {otherUnits.map((u) => (
              <li key={u.id}>
                <Link to={u.active ? "/enhet" : `/enhet/${u.id}`}>{u.name}</Link>
                {u.active ? ` (${t("staff.unit.thisUnit").toLowerCase()})` : null}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
