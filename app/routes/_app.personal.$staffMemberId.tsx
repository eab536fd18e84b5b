import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import { Form } from "~/components/form";
import { TextField } from "~/components/text-field";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { formatPatientIdentifier } from "~/domain/identifiers";
import { can } from "~/domain/permissions";
import { parseForm, type FieldErrors } from "~/forms/parse";
import { employmentEndSchema } from "~/forms/staff";
import { useValidatedForm } from "~/forms/use-validated-form";
import { pageTitle, t } from "~/i18n";
import { fullName } from "~/models/contact-view";
import { findStaffMember, setEmploymentEndDate, staffScope, visibleAssignments } from "~/models/staff.server";
import {
  employmentStatus,
  employmentStatusText,
  latestEmploymentStart,
  LEAVING_SOON_DAYS,
  qualificationDetails,
} from "~/models/staff-view";
import { readFormData } from "~/forms/read-form-data";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.name ?? t("staff.list.title")) }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const scope = staffScope(actor);
  const staff = await findStaffMember(db, scope, params.staffMemberId ?? "");
  if (!staff) throw new Response("Not found", { status: 404 });
  const now = new Date();
  const today = isoDateInStockholm(now);
  const { shown, hiddenCount } = await visibleAssignments(db, actor, staff, now);
  const unitsOfAssignments = new Set(shown.map((a) => a.careUnitId));
  const status = employmentStatus(staff.employmentEndDate, today);
  return {
    id: staff.id,
    name: fullName(staff),
    hsaId: staff.hsaId,
    befattning: `${staff.befattning.name} (${staff.befattning.code})`,
    directPhone: staff.directPhone,
    employmentEndDate: staff.employmentEndDate,
    status: employmentStatusText(status),
    qualifications: qualificationDetails(staff, today),
    employments: staff.employments.map((e) => ({ unitId: e.careUnitId, unit: e.careUnit.name, from: e.from })),
    latestStart: latestEmploymentStart(staff.employments),
    teams: staff.teams.map(({ team }) => t("staff.detail.teamAt", { team: team.name, unit: team.careUnit.name })),
    assignments: shown.map((a) => ({
      id: a.id,
      kind: a.kind === "ANNAN_FAST_KONTAKT" && a.roleTitle ? a.roleTitle : t(`contactKind.${a.kind}`),
      unit: a.careUnit.name,
      since: isoDateInStockholm(a.startedAt),
      reviewDueDate: a.reviewDueDate,
      reviewOverdue: a.reviewDueDate !== null && a.reviewDueDate < today,
      patient: {
        id: a.patient.id,
        name: fullName(a.patient),
        identifier: formatPatientIdentifier(a.patient.identifier),
        protectedIdentity: a.patient.protectedIdentity,
        // The patient page is scoped to the active unit (PDL 4 kap. 1 §): link only what it will open.
        linked: can(actor.grant, "patient:read") && a.careUnitId === actor.unit.id,
      },
    })),
    showAssignmentUnits: unitsOfAssignments.size > 1 || (unitsOfAssignments.size === 1 && !unitsOfAssignments.has(actor.unit.id)),
    activeAssignmentCount: staff.assignments.length,
    hiddenCount,
    canManage: scope.manages,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "staff:manage");
  const staffMemberId = params.staffMemberId ?? "";
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  let endDate: string | null = null;
  if (intent === "set") {
    const parsed = parseForm(formData, employmentEndSchema);
    if (!parsed.ok) return data({ errors: parsed.errors, saved: null }, { status: 400 });
    endDate = parsed.data.employmentEndDate;
  } else if (intent !== "clear") {
    throw new Response("Bad request", { status: 400 });
  }
  const result = await setEmploymentEndDate(db, actor, staffMemberId, endDate, new Date());
  if (result === null) throw new Response("Not found", { status: 404 });
  if (!result.ok) return data({ errors: result.errors, saved: null }, { status: 400 });
  return { errors: undefined, saved: result.value.employmentEndDate === null ? { cleared: true as const } : { date: result.value.employmentEndDate } };
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const listOrNone = (items: string[]) => (items.length > 0 ? items.join(", ") : t("staff.detail.none"));

/** The date field and its submit. Keyed by the stored date, so each save starts a fresh form showing it. */
function EndDateForm({ stored, latestStart, serverErrors, busy }: { stored: string | null; latestStart: string | null; serverErrors?: FieldErrors; busy: boolean }) {
  const { register, onSubmit, errorFor } = useValidatedForm(employmentEndSchema, serverErrors);
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="staff-end__form">
      <input type="hidden" name="intent" value="set" />
      <TextField
        type="date"
        label={t("staff.end.label")}
        hint={latestStart ? t("staff.end.hint", { start: latestStart }) : t("staff.form.dateHint")}
        registration={register("employmentEndDate")}
        error={errorFor("employmentEndDate")}
        defaultValue={stored ?? ""}
        min={latestStart ?? undefined}
      />
      <button type="submit" className="button" disabled={busy} aria-describedby="end-warning">
        {t("staff.end.submit")}
      </button>
    </Form>
  );
}

function EmploymentEndSection({ page }: { page: Page }) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const count = page.activeAssignmentCount;
  return (
    <section aria-labelledby="end-heading" className="staff-end">
      <h2 id="end-heading">{t("staff.end.heading")}</h2>
      {result?.saved ? (
        <p className="notice" role="status">
          {"cleared" in result.saved ? t("staff.end.cleared") : t("staff.end.saved", { date: result.saved.date })}
        </p>
      ) : null}
      <div className="notice notice--warning staff-end__warning" id="end-warning">
        <p>{t("staff.end.warningWorklist", { days: LEAVING_SOON_DAYS })}</p>
        <p>
          {count === 0
            ? t("staff.end.noAssignments")
            : count === 1
              ? t("staff.end.warningAssignmentsOne")
              : t("staff.end.warningAssignments", { count })}
        </p>
      </div>
      <EndDateForm
        key={page.employmentEndDate ?? "none"}
        stored={page.employmentEndDate}
        latestStart={page.latestStart}
        serverErrors={result?.errors}
        busy={busy}
      />
      {page.employmentEndDate ? (
        <Form method="post" className="staff-end__clear">
          <input type="hidden" name="intent" value="clear" />
          <button type="submit" className="button button--secondary" disabled={busy}>
            {t("staff.end.clear")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export default function StaffMemberPage() {
  const page = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const q = page.qualifications;
  return (
    <>
      <p>
        <Link to="/personal">{t("staff.detail.back")}</Link>
      </p>
      {searchParams.get("tillagd") ? (
        <p className="notice" role="status">
          {t("staff.detail.created", { name: page.name })}
        </p>
      ) : null}
      <h1>{page.name}</h1>
      <dl className="facts staff-facts">
        <Fact term={t("contact.hsaId")}>
          <span data-testid="staff-hsa-id">{page.hsaId}</span>
        </Fact>
        <Fact term={t("contact.befattning")}>{page.befattning}</Fact>
        {page.directPhone ? <Fact term={t("contact.directPhone")}>{page.directPhone}</Fact> : null}
        <Fact term={t("staff.detail.employment")}>
          <span data-testid="staff-status">
            {page.status ? page.status.text : t("staff.list.untilFurtherNotice")}
            {page.status?.warning ? <strong className="tag tag--alert staff-leaving">{page.status.warning}</strong> : null}
          </span>
        </Fact>
        <Fact term={t("staff.detail.teams")}>{listOrNone(page.teams)}</Fact>
      </dl>

      <section aria-labelledby="qualifications-heading">
        <h2 id="qualifications-heading">{t("staff.detail.qualifications")}</h2>
        <dl className="facts staff-facts">
          <Fact term={t("staff.detail.legitimations")}>{listOrNone(q.legitimations)}</Fact>
          <Fact term={t("staff.detail.specialist")}>{listOrNone(q.specialist)}</Fact>
          <Fact term={t("staff.detail.inTraining")}>{listOrNone(q.inTraining)}</Fact>
          <Fact term={t("staff.detail.underskoterska")}>{q.underskoterska ?? t("staff.detail.none")}</Fact>
        </dl>
      </section>

      <section aria-labelledby="employments-heading">
        <h2 id="employments-heading">{t("staff.detail.employments")}</h2>
        <table className="table staff-employments">
          <caption className="visually-hidden">{t("staff.detail.employmentsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("staff.detail.col.unit")}</th>
              <th scope="col">{t("staff.detail.col.from")}</th>
            </tr>
          </thead>
          <tbody>
            {page.employments.map((e) => (
              <tr key={e.unitId}>
                <th scope="row">{e.unit}</th>
                <td className="nowrap">{e.from}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">
          {t("staff.detail.assignments")} ({page.activeAssignmentCount})
        </h2>
        {page.activeAssignmentCount === 0 ? <p>{t("staff.detail.noAssignments")}</p> : null}
        {page.assignments.length > 0 ? (
          <div className="staff-table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("staff.detail.assignmentsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("staff.detail.col.patient")}</th>
                  <th scope="col">{t("staff.detail.col.identifier")}</th>
                  <th scope="col">{t("staff.detail.col.kind")}</th>
                  {page.showAssignmentUnits ? <th scope="col">{t("staff.detail.col.unitOfContact")}</th> : null}
                  <th scope="col">{t("staff.detail.col.since")}</th>
                  <th scope="col">{t("staff.detail.col.review")}</th>
                </tr>
              </thead>
              <tbody>
                {page.assignments.map((a) => (
                  <tr key={a.id} data-testid="staff-assignment">
                    <th scope="row">
                      {a.patient.linked ? <Link to={`/patienter/${a.patient.id}`}>{a.patient.name}</Link> : a.patient.name}
                      {a.patient.protectedIdentity ? <span className="tag">{t("start.protected")}</span> : null}
                    </th>
                    <td className="nowrap">{a.patient.identifier}</td>
                    <td>{a.kind}</td>
                    {page.showAssignmentUnits ? <td>{a.unit}</td> : null}
                    <td className="nowrap">{a.since}</td>
                    <td className="nowrap">
                      {a.reviewDueDate ?? "–"}
                      {a.reviewOverdue ? <strong className="tag tag--alert">{t("staff.detail.reviewOverdue")}</strong> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {page.hiddenCount > 0 ? (
          <p className="notice">
            {page.hiddenCount === 1
              ? t("staff.detail.hiddenAssignmentsOne")
              : t("staff.detail.hiddenAssignments", { count: page.hiddenCount })}
          </p>
        ) : null}
      </section>

      {page.canManage ? <EmploymentEndSection page={page} /> : null}
    </>
  );
}
