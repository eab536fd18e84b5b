import { Fact } from "~/components/fact";
import { t } from "~/i18n";
import type { ContactView } from "~/models/contact-view";

type ContactWay = ContactView["person"]["contactWays"][number];

function ContactWays({ ways }: { ways: ContactWay[] }) {
  if (ways.length === 0) return null;
  return (
    <ul className="plain-list">
      {ways.map((w) => (
        <li key={w.id}>
          {w.label}:{" "}
          {w.kind === "PHONE" ? w.value : <a href={w.value}>{w.value}</a>}
          {w.contactTimes ? ` (${w.contactTimes})` : null}
        </li>
      ))}
    </ul>
  );
}

/** One active fixed contact with everything staff need to reach it (SPEC §4); `children` (actions) close the card. */
export function ContactCard({ contact, children }: { contact: ContactView; children?: React.ReactNode }) {
  const headingId = `contact-${contact.id}`;
  return (
    <article className="card" aria-labelledby={headingId} data-testid="contact-card">
      <h3 id={headingId}>
        {contact.kind === "ANNAN_FAST_KONTAKT" && contact.roleTitle ? contact.roleTitle : t(`contactKind.${contact.kind}`)}
        {": "}
        {contact.person.name}
      </h3>
      <p className="card__flags">
        {contact.overallCoordination ? <span className="tag">{t("contact.overallCoordination")}</span> : null}
        {contact.lifeThreatening ? <span className="tag tag--alert">{t("contact.lifeThreatening")}</span> : null}
        {contact.reviewOverdue ? <span className="tag tag--alert">{t("contact.reviewOverdue")}</span> : null}
        {contact.upcoming ? <span className="tag">{t("contact.upcoming", { date: contact.since })}</span> : null}
        {contact.until ? <span className="tag">{t("contact.ending", { date: contact.until })}</span> : null}
      </p>
      <dl className="facts">
        <Fact term={t("contact.roleTitle")}>{contact.kind === "ANNAN_FAST_KONTAKT" ? contact.roleTitle : null}</Fact>
        <Fact term={t("contact.contactAbout")}>{contact.contactAbout}</Fact>
        <Fact term={t("contact.befattning")}>{contact.person.befattning}</Fact>
        <Fact term={t("contact.qualifications")}>
          {contact.person.qualifications.length > 0 ? contact.person.qualifications.join(", ") : null}
        </Fact>
        <Fact term={t("contact.hsaId")}>{contact.person.hsaId}</Fact>
        <Fact term={t("contact.directPhone")}>
          {contact.person.directPhone
            ? `${contact.person.directPhone} (${
                contact.person.directPhoneVisibleToPatient ? t("contact.directPhoneVisible") : t("contact.directPhoneHidden")
              })`
            : null}
        </Fact>
        <Fact term={t("contact.personContactWays")}>
          {contact.person.contactWays.length > 0 ? <ContactWays ways={contact.person.contactWays} /> : null}
        </Fact>
        <Fact term={t("contact.medicallyResponsible")}>{contact.medicallyResponsible}</Fact>
        <Fact term={t("contact.since")}>{contact.since}</Fact>
        <Fact term={t("contact.reviewDue")}>{contact.reviewDueDate}</Fact>
        <Fact term={t("contact.team")}>
          {contact.team ? (
            <>
              {contact.team.name}
              {contact.team.phone ? `, ${t("contact.teamPhone").toLowerCase()} ${contact.team.phone}` : null}
              {contact.team.contactTimes ? ` (${contact.team.contactTimes})` : null}
              {contact.team.comment ? <span className="block">{contact.team.comment}</span> : null}
              <ContactWays ways={contact.team.contactWays} />
            </>
          ) : null}
        </Fact>
        <Fact term={t("contact.unit")}>
          {contact.unit.name}
          <span className="block">
            {t("contact.unitHsaId")}: {contact.unit.hsaId}
          </span>
          <span className="block">
            {t("contact.visitingAddress")}: {contact.unit.visitingAddress}, {contact.unit.postalCode} {contact.unit.city}
          </span>
          <span className="block">
            {t("contact.publicPhone")}: {contact.unit.publicPhone}
          </span>
          {contact.unit.careToCarePhone ? (
            <span className="block">
              {t("contact.careToCarePhone")}: {contact.unit.careToCarePhone}
            </span>
          ) : null}
          {contact.unit.contactWays.length > 0 ? (
            <>
              <span className="block">{t("contact.eServices")}:</span>
              <ContactWays ways={contact.unit.contactWays} />
            </>
          ) : null}
        </Fact>
        <Fact term={t("contact.externalNote")}>{contact.externalNote}</Fact>
        <Fact term={t("contact.internalNote")}>{contact.internalNote}</Fact>
      </dl>
      {children}
    </article>
  );
}
