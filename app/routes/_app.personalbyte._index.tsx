// Staff turnover: everyone in the administrator's units who has a last day of employment and
// still holds fixed contacts there, each with the way to reassign them (issue 5 §1).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { pageTitle, t } from "~/i18n";
import { fullName } from "~/models/contact-view";
import { staffScope } from "~/models/staff.server";
import { employmentStatus, employmentStatusText } from "~/models/staff-view";
import { leaversWithAssignments } from "~/models/worklist.server";

export const meta: MetaFunction = () => [{ title: pageTitle(t("turnover.index.title")) }];

/** Anyone with a known last day, however far ahead: the worklist shows them from 30 days before, this page always. */
const ANY_LAST_DAY_DAYS = 100 * 365;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "turnover:reassign");
  const today = isoDateInStockholm(new Date());
  const leavers = await leaversWithAssignments(db, staffScope(actor).unitIds, today, ANY_LAST_DAY_DAYS);
  return {
    leavers: leavers.map((s) => ({
      id: s.id,
      name: fullName(s),
      lastDay: s.employmentEndDate,
      status: employmentStatusText(employmentStatus(s.employmentEndDate, today)),
      assignments: s.activeAssignments,
    })),
  };
}

export default function TurnoverIndex() {
  const { leavers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("turnover.index.title")}</h1>
      <p>{t("turnover.index.intro")}</p>
      {leavers.length === 0 ? (
        <p>{t("turnover.index.none")}</p>
      ) : (
        <table className="table">
          <caption>{t("turnover.index.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("turnover.index.col.name")}</th>
              <th scope="col">{t("turnover.index.col.lastDay")}</th>
              <th scope="col">{t("turnover.index.col.assignments")}</th>
              <th scope="col">{t("turnover.index.col.action")}</th>
            </tr>
          </thead>
          <tbody>
            {leavers.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/personal/${s.id}`}>{s.name}</Link>
                </th>
                <td>
                  <span className="nowrap">{s.lastDay}</span>
                  {s.status?.warning ? <span className="worklist-sub">{s.status.warning}</span> : null}
                </td>
                <td>{s.assignments}</td>
                <td>
                  <Link to={`/personalbyte/${s.id}`} aria-label={t("turnover.index.openFor", { name: s.name })}>
                    {t("turnover.index.open")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
