import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/auth/actor.server";
import { Form } from "~/components/form";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { pageTitle, t } from "~/i18n";
import { fullName, qualificationsOf } from "~/models/contact-view";
import { listStaff, managedUnits, parseStaffSearch, staffScope } from "~/models/staff.server";
import { employmentStatus, employmentStatusText } from "~/models/staff-view";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const meta: MetaFunction = () => [{ title: pageTitle(t("staff.list.title")) }];

// The register holds no patient data (counts only), so nothing is access-logged here.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const scope = staffScope(actor);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, TEXT_LIMITS.searchQuery);
  const today = isoDateInStockholm(new Date());
  const [{ total, staff, limit }, units] = await Promise.all([
    listStaff(db, scope, parseStaffSearch(query)),
    managedUnits(db, scope),
  ]);
  const severalUnits = scope.unitIds.length > 1;
  return {
    heading: severalUnits ? t("staff.list.headingManaged") : t("staff.list.headingUnit", { unit: actor.unit.name }),
    intro: severalUnits
      ? t("staff.list.introManaged", { count: units.length, units: units.map((u) => u.name).join(", ") })
      : t("staff.list.introUnit"),
    severalUnits,
    canAdd: scope.manages,
    query,
    total,
    shown: Math.min(total, limit),
    staff: staff.map((s) => ({
      id: s.id,
      name: fullName(s),
      hsaId: s.hsaId,
      befattning: s.befattning.name,
      qualifications: qualificationsOf(s),
      units: s.employments.map((e) => e.careUnit.name),
      status: employmentStatusText(employmentStatus(s.employmentEndDate, today)),
      activeAssignments: s._count.assignments,
    })),
  };
}

function countText(total: number, query: string) {
  if (!query) return total === 1 ? t("staff.list.countOne") : t("staff.list.count", { count: total });
  return total === 1 ? t("staff.list.countFilteredOne", { query }) : t("staff.list.countFiltered", { count: total, query });
}

export default function StaffListPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{page.heading}</h1>
      <p>{page.intro}</p>
      {page.canAdd ? (
        <p>
          <Link to="/personal/ny" className="button staff-add">
            {t("staff.list.add")}
          </Link>
        </p>
      ) : null}
      <Form method="get" role="search" className="search">
        <div className="field">
          <label htmlFor="q">{t("staff.list.search")}</label>
          <p className="field__hint" id="q-hint">
            {t("staff.list.searchHint")}
          </p>
          <div className="search__row">
            <input id="q" name="q" type="search" defaultValue={page.query} aria-describedby="q-hint" maxLength={TEXT_LIMITS.searchQuery} />
            <button type="submit" className="button">
              {t("staff.list.searchSubmit")}
            </button>
          </div>
        </div>
      </Form>
      <p role="status" data-testid="staff-count">
        {countText(page.total, page.query)}
        {page.shown < page.total ? ` ${t("staff.list.showing", { shown: page.shown })}` : null}
      </p>
      {page.staff.length === 0 ? (
        page.query ? (
          <p>{t("staff.list.none")}</p>
        ) : null
      ) : (
        <div className="staff-table-wrap">
          <table className="table staff-table">
            <caption className="visually-hidden">{t("staff.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.list.col.name")}</th>
                <th scope="col">{t("staff.list.col.befattning")}</th>
                <th scope="col">{t("staff.list.col.qualifications")}</th>
                {page.severalUnits ? <th scope="col">{t("staff.list.col.units")}</th> : null}
                <th scope="col">{t("staff.list.col.employment")}</th>
                <th scope="col" className="staff-table__number">
                  {t("staff.list.col.assignments")}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.staff.map((s) => (
                <tr key={s.id} data-testid="staff-row">
                  <th scope="row">
                    <Link to={`/personal/${s.id}`}>{s.name}</Link>
                    <span className="block staff-table__hsa">
                      <span className="visually-hidden">{t("staff.list.col.hsaId")}: </span>
                      {s.hsaId}
                    </span>
                  </th>
                  <td>{s.befattning}</td>
                  <td>{s.qualifications.join(", ")}</td>
                  {page.severalUnits ? <td>{s.units.join(", ")}</td> : null}
                  <td>
                    {s.status ? (
                      <>
                        <span className="nowrap">{s.status.text}</span>
                        {s.status.warning ? <strong className="tag tag--alert staff-leaving">{s.status.warning}</strong> : null}
                      </>
                    ) : (
                      t("staff.list.untilFurtherNotice")
                    )}
                  </td>
                  <td className="staff-table__number">{s.activeAssignments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
