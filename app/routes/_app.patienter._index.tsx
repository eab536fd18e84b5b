// The unit's patients: a list and a search by personnummer or name. Each patient shown is
// access-logged (HSLF-FS 2016:40 4 kap. 9 §). The start page (/) is the unit's worklist.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actorRef, requireActor, requirePermission } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { Form } from "~/components/form";
import { db } from "~/db.server";
import { ageOn, formatPatientIdentifier, isoDateInStockholm } from "~/domain/identifiers";
import { pageTitle, t } from "~/i18n";
import { listPatients, parsePatientSearch } from "~/models/patients.server";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const meta: MetaFunction = () => [{ title: pageTitle(t("start.pageTitle")) }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "patient:read");
  const now = new Date();
  const today = isoDateInStockholm(now);
  // A search longer than any name or personnummer finds nothing; it is cut, never an error.
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, TEXT_LIMITS.searchQuery);
  const search = parsePatientSearch(query, today);
  const { total, patients } = await listPatients(db, actor, search);
  // Names and personnummer on screen are patient data: each one shown is access-logged.
  await logAccess(
    db,
    actorRef(actor),
    now,
    patients.map((p) => p.id),
    search.kind === "all" ? "patient.list" : "patient.search",
  );
  return {
    unitName: actor.unit.name,
    query,
    searchError: search.kind === "invalid" ? t(search.error) : null,
    total,
    patients: patients.map((p) => ({
      id: p.id,
      name: [p.firstName, p.middleName, p.lastName].filter(Boolean).join(" "),
      identifier: formatPatientIdentifier(p.identifier),
      age: ageOn(p.birthDate, today),
      protectedIdentity: p.protectedIdentity,
      activeContacts: p._count.assignments,
    })),
  };
}

export default function PatientsPage() {
  const { unitName, query, searchError, total, patients } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("start.title", { unit: unitName })}</h1>
      <p>{t("start.intro")}</p>
      <Form method="get" role="search" className="search">
        <div className={`field${searchError ? " field--error" : ""}`}>
          <label htmlFor="q">{t("start.search")}</label>
          <p className="field__hint" id="q-hint">
            {t("start.searchHint")}
          </p>
          {searchError ? (
            <p className="field__error" id="q-error">
              {searchError}
            </p>
          ) : null}
          <div className="search__row">
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={query}
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? "q-hint q-error" : "q-hint"}
            />
            <button type="submit" className="button">
              {t("start.searchSubmit")}
            </button>
          </div>
        </div>
      </Form>
      <p role="status" data-testid="patient-count">
        {query
          ? total === 1
            ? t("start.countFilteredOne", { query })
            : t("start.countFiltered", { count: total, query })
          : total === 1
            ? t("start.countOne")
            : t("start.count", { count: total })}
        {total > patients.length ? ` ${t("start.showing", { shown: patients.length })}` : null}
      </p>
      {patients.length === 0 ? (
        searchError ? null : <p>{t("start.none")}</p>
      ) : (
        <table className="table" data-testid="patient-list">
          <caption className="visually-hidden">{t("start.title", { unit: unitName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("start.col.name")}</th>
              <th scope="col">{t("start.col.identifier")}</th>
              <th scope="col">{t("start.col.age")}</th>
              <th scope="col">{t("start.col.contacts")}</th>
            </tr>
          </thead>
          <tbody>
            {patients.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/patienter/${p.id}`}>{p.name}</Link>
                  {p.protectedIdentity ? <span className="tag">{t("start.protected")}</span> : null}
                </td>
                <td className="nowrap">{p.identifier}</td>
                <td>{p.age}</td>
                <td>{p.activeContacts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
