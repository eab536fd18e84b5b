import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/auth/actor.server";
import { ErrorPage, errorMeta } from "~/components/error-page";
import { Form } from "~/components/form";
import { LanguageSwitch } from "~/components/language-switch";
import { can, type Permission } from "~/domain/permissions";
import { t, type MessageKey } from "~/i18n";

export const meta = errorMeta;

// The signed-in layout: every page below needs a session and an active unit and role.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  return {
    displayName: actor.displayName,
    unitName: actor.unit.name,
    roleCode: actor.grant.roleCode,
    canChooseUnit: actor.choices.length > 1,
    sections: SECTIONS.filter((s) => !s.permission || can(actor.grant, s.permission)).map(({ to, label }) => ({ to, label })),
  };
}

// The main menu: each section shows only for a role that may use it.
const SECTIONS: { to: string; label: MessageKey; permission?: Permission }[] = [
  { to: "/", label: "nav.worklist" },
  { to: "/patienter", label: "nav.patients", permission: "patient:read" },
  { to: "/personal", label: "nav.staff" },
  { to: "/personalbyte", label: "nav.turnover", permission: "turnover:reassign" },
  { to: "/enhet", label: "nav.unit" },
  { to: "/uppfoljning", label: "nav.compliance", permission: "compliance:read" },
  { to: "/logg", label: "nav.audit", permission: "audit:read" },
  { to: "/api-nycklar", label: "nav.apiKeys", permission: "apikey:manage" },
];

function Header() {
  const header = useLoaderData<typeof loader>();
  return (
    <header className="site-header">
      <Link to="/" className="site-header__name">
        {t("app.name")}
      </Link>
      <dl className="site-header__who">
        <div>
          <dt>{t("header.signedInAs")}</dt>
          <dd>{header.displayName}</dd>
        </div>
        <div>
          <dt>{t("header.unit")}</dt>
          <dd data-testid="active-unit">{header.unitName}</dd>
        </div>
        <div>
          <dt>{t("header.role")}</dt>
          <dd data-testid="active-role">{t(`role.${header.roleCode}`)}</dd>
        </div>
      </dl>
      <nav aria-label={t("app.mainNav")} className="site-header__sections">
        <ul>
          {header.sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.to === "/"}>
                {t(section.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="site-header__nav">
        {header.canChooseUnit ? <Link to="/valj-enhet">{t("chooseUnit.change")}</Link> : null}
        <LanguageSwitch />
        <Form method="post" action="/logga-ut">
          <button type="submit" className="button button--secondary">
            {t("signOut.submit")}
          </button>
        </Form>
      </div>
    </header>
  );
}

export default function SignedInLayout() {
  return (
    <>
      <Header />
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page--narrow">
      <ErrorPage />
    </main>
  );
}
