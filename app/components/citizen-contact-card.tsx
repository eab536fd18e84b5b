// One fixed contact as the citizen sees it on 1177 (seed §6): who, what to contact them
// about, how to reach them, their team and their unit. Only fields of the patient-facing
// projection exist here (app/fixed-contacts/patient-facing.ts): nothing staff-only can show.
import { Fact } from "~/components/fact";
import { t } from "~/i18n";
import { phoneNotAmongWays, type ContactWayView, type PatientFacingContact } from "~/fixed-contacts/patient-facing";
import { isHandlaggare } from "../../machines/rules";

/** The heading of a contact: its KV Typ av fast kontakt display, or an annan fast kontakt's role title. */
export function citizenKindLabel(contact: Pick<PatientFacingContact, "typeCode" | "roleTitle">): string {
  if (contact.typeCode) return t(`citizen.kind.${contact.typeCode}`);
  return contact.roleTitle ?? t("citizen.kind.other");
}

// A link only for a web address: a stored value is never turned into another kind of link.
const isWebAddress = (value: string) => /^https?:\/\//i.test(value);

function Way({ way }: { way: ContactWayView }) {
  return (
    <li>
      <span className="citizen-card__way-label">{way.label}:</span>{" "}
      {way.kind !== "PHONE" && isWebAddress(way.value) ? <a href={way.value}>{way.value}</a> : way.value}
      {way.contactTimes ? <span className="block citizen-card__times">{way.contactTimes}</span> : null}
    </li>
  );
}

function Ways({ ways }: { ways: ContactWayView[] }) {
  if (ways.length === 0) return null;
  return (
    <ul className="citizen-card__ways">
      {ways.map((w) => (
        <Way key={`${w.kind}-${w.label}-${w.value}`} way={w} />
      ))}
    </ul>
  );
}

export function CitizenContactCard({ contact }: { contact: PatientFacingContact }) {
  const headingId = `citizen-contact-${contact.id}`;
  const { person, team, unit } = contact;
  // A number listed again among the ways shows once, there, with its label and hours.
  const teamPhone = team ? phoneNotAmongWays(team.phone, team.contactWays) : null;
  return (
    <article className="citizen-card" aria-labelledby={headingId} data-testid="citizen-contact">
      <h3 id={headingId} className="citizen-card__heading">
        <span className="citizen-card__kind">{citizenKindLabel(contact)}</span>
        {/* Seed §5.1: a handläggare is shown by role and unit, never by name. */}
        {person.identity ? <span className="citizen-card__name">{person.identity.name}</span> : null}
      </h3>
      <dl className="citizen-card__facts">
        <Fact term={t("citizen.befattning")}>{person.befattning.name}</Fact>
        <Fact term={t("citizen.contactAbout")}>{contact.contactAbout}</Fact>
        <Fact term={t("citizen.directPhone")}>{phoneNotAmongWays(person.directPhone, person.contactWays)}</Fact>
        <Fact term={t("citizen.contactWays")}>{person.contactWays.length > 0 ? <Ways ways={person.contactWays} /> : null}</Fact>
      </dl>
      {/* Seed §5.1: a handläggare is reached through the unit, never directly. */}
      {isHandlaggare(person.befattning.code) ? <p className="citizen-card__note">{t("citizen.viaUnit")}</p> : null}
      {team ? (
        <section className="citizen-card__part" aria-labelledby={`${headingId}-team`}>
          <h4 id={`${headingId}-team`}>
            {t("citizen.team")}: {team.name}
          </h4>
          <dl className="citizen-card__facts">
            <Fact term={t("citizen.phone")}>
              {teamPhone ? (
                <>
                  {teamPhone}
                  {team.contactTimes ? <span className="block citizen-card__times">{team.contactTimes}</span> : null}
                </>
              ) : null}
            </Fact>
            <Fact term={t("citizen.eServices")}>{team.contactWays.length > 0 ? <Ways ways={team.contactWays} /> : null}</Fact>
          </dl>
          {/* Without a team phone the times stand alone; a phone shown as a way carries its own. */}
          {!team.phone && team.contactTimes ? <p className="citizen-card__times">{team.contactTimes}</p> : null}
          {team.comment ? <p>{team.comment}</p> : null}
        </section>
      ) : null}
      <section className="citizen-card__part" aria-labelledby={`${headingId}-unit`}>
        <h4 id={`${headingId}-unit`}>
          {t("citizen.unit")}: {unit.name}
        </h4>
        <dl className="citizen-card__facts">
          <Fact term={t("citizen.visitingAddress")}>
            {unit.visitingAddress}
            <span className="block">
              {unit.postalCode} {unit.city}
            </span>
          </Fact>
          <Fact term={t("citizen.phone")}>{phoneNotAmongWays(unit.publicPhone, unit.contactWays)}</Fact>
          <Fact term={t("citizen.eServices")}>{unit.contactWays.length > 0 ? <Ways ways={unit.contactWays} /> : null}</Fact>
        </dl>
      </section>
      {contact.externalNote ? (
        <div className="citizen-card__message">
          <p className="citizen-card__message-title">{t("citizen.message")}</p>
          <p>{contact.externalNote}</p>
        </div>
      ) : null}
    </article>
  );
}
