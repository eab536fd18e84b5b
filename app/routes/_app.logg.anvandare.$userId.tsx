// A user's log: everything the user changed and every patient the user viewed at the
// units the administrator administers — what a systematic access check (PDL 4 kap. 3 §)
// or a suspicion of unauthorised reading starts from. The patients named on the page are
// patient data shown to the administrator, so each is access-logged ("audit.user-log").
import { type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actorRef, requireActor, requirePermission } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { LogFilterForm, LogSummary, LogTable, Pager, periodText } from "~/components/audit-log";
import { db } from "~/db.server";
import { isRoleCode } from "~/domain/permissions";
import { pageTitle, t } from "~/i18n";
import { parseAuditFilter } from "~/models/audit-filter";
import { auditScope, findAuditUser, patientsOf, readLogPage } from "~/models/audit-log.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? t("audit.user.title", { name: data.user.name }) : t("audit.user.pageTitle")) },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "audit:read");
  const scope = await auditScope(db, actor);
  const user = await findAuditUser(db, scope, params.userId ?? "");
  if (!user) throw new Response("Not found", { status: 404 });
  const { filter, values, errors } = parseAuditFilter(new URL(request.url).searchParams);
  const valid = Object.keys(errors).length === 0;
  const log = valid ? await readLogPage(db, scope, { userId: user.id }, filter) : null;
  const patients = log ? await patientsOf(db, scope, log.rows) : {};
  await logAccess(db, actorRef(actor), new Date(), Object.keys(patients), "audit.user-log");
  return {
    user,
    values,
    errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)])),
    log,
    patients,
  };
}

export default function UserLog() {
  const page = useLoaderData<typeof loader>();
  const path = `/logg/anvandare/${page.user.id}`;
  return (
    <>
      <p>
        <Link to="/logg">{t("audit.back")}</Link>
      </p>
      <h1>{t("audit.user.title", { name: page.user.name })}</h1>
      <dl className="facts">
        <div>
          <dt>{t("audit.user.username")}</dt>
          <dd data-testid="user-username">{page.user.username}</dd>
        </div>
        <div>
          <dt>{t("audit.user.roles")}</dt>
          <dd>
            {page.user.roles.length === 0 ? (
              t("audit.user.noRoles")
            ) : (
              <ul className="plain-list">
                {page.user.roles.map((r) => (
                  <li key={`${r.roleCode}-${r.unitName}`}>
                    {t("audit.roleAtUnit", { role: isRoleCode(r.roleCode) ? t(`role.${r.roleCode}`) : r.roleCode, unit: r.unitName })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("audit.period")}</dt>
          <dd>{periodText(page.values, page.errors)}</dd>
        </div>
      </dl>
      <p>{t("audit.user.intro")}</p>
      <p>{t("audit.user.logged")}</p>
      <LogFilterForm path={path} values={page.values} errors={page.errors} />
      {page.log ? (
        <>
          <LogSummary log={page.log} />
          {page.log.rows.length > 0 ? <LogTable rows={page.log.rows} patients={page.patients} /> : <p>{t("audit.empty")}</p>}
          <Pager path={path} log={page.log} values={page.values} />
        </>
      ) : (
        <p className="notice notice--error">{t("audit.filter.invalid")}</p>
      )}
    </>
  );
}
