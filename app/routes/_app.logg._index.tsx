// The audit pages' entry: find a patient's log extract by personnummer, or a user's log by
// name. Both are GET forms (they only read), so they work without scripts and the address
// can be bookmarked; a patient found is opened at once (the extract logs that access).
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { describedBy, FieldMessages } from "~/components/field-messages";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import { Form } from "~/components/form";
import { db } from "~/db.server";
import { formatPatientIdentifier, isoDateInStockholm } from "~/domain/identifiers";
import { isRoleCode } from "~/domain/permissions";
import { pageTitle, t } from "~/i18n";
import { auditScope, findPatientByIdentifier, readPatientIdentifier, searchUsers } from "~/models/audit-log.server";
import { TEXT_LIMITS } from "~/forms/text-limits";
import { lastVerification } from "~/audit/verify.server";
import { ChainStatus } from "~/components/audit-chain-status";
import { dateTimeInStockholm } from "~/domain/dates";

export const meta: MetaFunction = () => [{ title: pageTitle(t("audit.pageTitle")) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "audit:read");
  const scope = await auditScope(db, actor);
  const params = new URL(request.url).searchParams;

  const identifier = params.get("personnummer");
  let patientError: string | null = null;
  if (identifier !== null) {
    const parsed = readPatientIdentifier(identifier, isoDateInStockholm(new Date()));
    if (!parsed.ok) {
      patientError = t(parsed.error);
    } else {
      const patientId = await findPatientByIdentifier(db, scope, parsed.value.value);
      if (patientId) throw redirect(`/logg/patient/${patientId}`);
      patientError = t("audit.patientSearch.notFound", { identifier: formatPatientIdentifier(parsed.value.value) });
    }
  }

  const userQuery = params.get("anvandare")?.slice(0, TEXT_LIMITS.searchQuery) ?? null;
  let userError: string | null = null;
  let users: Awaited<ReturnType<typeof searchUsers>> | null = null;
  if (userQuery !== null) {
    if (userQuery.trim().length < 2) userError = t("audit.userSearch.tooShort");
    else users = await searchUsers(db, scope, userQuery);
  }

  const verified = await lastVerification(db);
  return {
    // When `npm run audit:verify` last walked the hash chains, and whether they held (decision 014).
    verification: verified ? { ...verified, at: dateTimeInStockholm(verified.at) } : null,
    units: scope.units.map((u) => u.name),
    identifier: identifier ?? "",
    patientError,
    userQuery: userQuery ?? "",
    userError,
    users,
  };
}

function SearchField(props: { name: string; label: string; hint: string; value: string; error: string | null; submit: string }) {
  const id = `search-${props.name}`;
  return (
    <div className={`field${props.error ? " field--error" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <div className="search__row">
        <input
          id={id}
          name={props.name}
          type="search"
          autoComplete="off"
          defaultValue={props.value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(id, true, props.error)}
        />
        <button type="submit" className="button">
          {props.submit}
        </button>
      </div>
    </div>
  );
}

export default function AuditStart() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <p>{page.units.length > 0 ? t("audit.scope", { units: page.units.join(", ") }) : t("audit.noUnits")}</p>
      <ChainStatus verification={page.verification} />

      <section className="audit-search">
        <h2 id="patient-search-heading">{t("audit.patientSearch.heading")}</h2>
        <Form method="get" role="search" aria-labelledby="patient-search-heading">
          <SearchField
            name="personnummer"
            label={t("audit.patientSearch.label")}
            hint={t("audit.patientSearch.hint")}
            value={page.identifier}
            error={page.patientError}
            submit={t("audit.patientSearch.submit")}
          />
        </Form>
      </section>

      <section className="audit-search">
        <h2 id="user-search-heading">{t("audit.userSearch.heading")}</h2>
        <Form method="get" role="search" aria-labelledby="user-search-heading">
          <SearchField
            name="anvandare"
            label={t("audit.userSearch.label")}
            hint={t("audit.userSearch.hint")}
            value={page.userQuery}
            error={page.userError}
            submit={t("audit.userSearch.submit")}
          />
        </Form>
        {page.users ? (
          <>
            <p role="status" data-testid="user-count">
              {page.users.length === 0
                ? t("audit.userSearch.none", { query: page.userQuery.trim() })
                : t("audit.userSearch.count", { count: page.users.length, query: page.userQuery.trim() })}
            </p>
            {page.users.length > 0 ? (
              <table className="table" data-testid="user-list">
                <caption className="visually-hidden">{t("audit.userSearch.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("audit.userSearch.col.name")}</th>
                    <th scope="col">{t("audit.userSearch.col.username")}</th>
                    <th scope="col">{t("audit.userSearch.col.roles")}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.users.map((user) => (
                    <tr key={user.id}>
                      <td>
                        <Link to={`/logg/anvandare/${user.id}`}>{user.name}</Link>
                      </td>
                      <td>{user.username}</td>
                      <td>
                        <ul className="plain-list">
                          {user.roles.map((r) => (
                            <li key={`${r.roleCode}-${r.unitName}`}>
                              {t("audit.roleAtUnit", {
                                role: isRoleCode(r.roleCode) ? t(`role.${r.roleCode}`) : r.roleCode,
                                unit: r.unitName,
                              })}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
