// Staff turnover for one leaver (issue 5): choose replacements, preview, carry out. The
// preview is saved as a draft batch and shown at ?plan=<id>; its button starts exactly that
// plan, once. A failed run comes back here with the same choices and the failing rows named.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import { FailureMessage, ProblemMessage, RowFlags } from "~/components/turnover";
import { TextField } from "~/components/text-field";
import { db } from "~/db.server";
import { parseForm, type FieldErrors } from "~/forms/parse";
import { choicesFrom, groupField, rowField, turnoverFormSchema } from "~/forms/turnover";
import { useValidatedForm } from "~/forms/use-validated-form";
import { pageTitle, t } from "~/i18n";
import { reviewDateRules } from "../../machines/rules";
import { settled, startBatch } from "~/turnover/jobs.server";
import { KEEP, type Problem, type TurnoverChoices } from "~/turnover/plan";
import { findBatch, loadTurnover, planFor, saveDraft, type TurnoverGroup } from "~/turnover/turnover.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? t("turnover.page.title", { name: data.turnover.leaver.name }) : t("turnover.index.title")) },
];

/** A run that finishes within this time is shown finished at once, also without JavaScript. */
const WAIT_FOR_RUN_MS = 3000;

async function turnoverOf(request: Request, context: unknown, staffMemberId: string, now: Date) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "turnover:reassign");
  const turnover = await loadTurnover(db, actor, staffMemberId, now);
  if (!turnover) throw new Response("Not found", { status: 404 });
  return { actor, turnover };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const now = new Date();
  const staffMemberId = params.staffMemberId ?? "";
  const { actor, turnover } = await turnoverOf(request, context, staffMemberId, now);
  const planId = new URL(request.url).searchParams.get("plan");
  const batch = planId ? await findBatch(db, actor, staffMemberId, planId) : null;
  // A run that started or finished has its own page.
  if (batch && !["DRAFT", "FAILED", "INTERRUPTED"].includes(batch.status)) {
    throw redirect(`/personalbyte/${staffMemberId}/korning/${batch.id}`);
  }
  const running = await db.turnoverBatch.findFirst({
    where: { staffMemberId, createdByUserId: actor.userId, status: { in: ["QUEUED", "RUNNING"] } },
    select: { id: true },
  });
  const { page } = turnover;
  return {
    turnover: page,
    defaults: batch?.choices ?? defaultChoices(page),
    batch: batch ? { id: batch.id, status: batch.status, plan: batch.plan, failures: batch.failures } : null,
    running,
  };
}

function defaultChoices(page: { leaver: { name: string; lastDay: string | null } }): TurnoverChoices {
  const reason = page.leaver.lastDay ? t("turnover.form.reasonDefault", { name: page.leaver.name, date: page.leaver.lastDay }) : "";
  return { reason, reviewDueDate: null, groups: {}, rows: {} };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const now = new Date();
  const staffMemberId = params.staffMemberId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "execute") {
    const actor = await requireActor(request, context);
    requirePermission(actor, "turnover:reassign");
    const batchId = String(formData.get("batchId") ?? "");
    const started = await startBatch(db, actor, staffMemberId, batchId, now);
    if (started === null) throw new Response("Not found", { status: 404 });
    if (started !== "already") await settled(started, WAIT_FOR_RUN_MS);
    return redirect(`/personalbyte/${staffMemberId}/korning/${batchId}`);
  }
  if (intent !== "preview") throw new Response("Bad request", { status: 400 });

  const { actor, turnover } = await turnoverOf(request, context, staffMemberId, now);
  const parsed = parseForm(formData, turnoverFormSchema);
  const fields = parsed.ok ? parsed.data : { reason: String(formData.get("reason") ?? ""), reviewDueDate: null };
  const choices = choicesFrom(formData, fields);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const effectiveDate = turnover.page.effectiveDate;
  if (!effectiveDate) throw new Response("Conflict", { status: 409 });
  if (parsed.ok && parsed.data.reviewDueDate && reviewDateRules(parsed.data.reviewDueDate, null, effectiveDate).length > 0) {
    errors.reviewDueDate = t("turnover.form.reviewDateNotAhead", { date: effectiveDate });
  }
  const plan = planFor(turnover, choices);
  if (Object.keys(errors).length === 0 && !plan.rows.some((r) => r.outcome === "change")) {
    errors._form = t("turnover.form.nothingChosen");
  }
  if (Object.keys(errors).length > 0) return data({ errors, choices }, { status: 400 });
  const batchId = await saveDraft(db, actor, staffMemberId, choices, plan, now);
  return redirect(`/personalbyte/${staffMemberId}?plan=${batchId}#forhandsgranskning`);
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

export default function TurnoverPage() {
  const page = useLoaderData<typeof loader>();
  const { turnover } = page;
  const { leaver } = turnover;
  const rowCount = turnover.groups.reduce((sum, g) => sum + g.rows.length, 0);
  return (
    <>
      <p>
        <Link to="/personalbyte">{t("turnover.page.back")}</Link>
      </p>
      <h1>{t("turnover.page.heading")}</h1>
      <dl className="facts facts--inline">
        <div>
          <dt>{t("turnover.page.leaver")}</dt>
          <dd>
            <Link to={`/personal/${leaver.id}`}>{leaver.name}</Link>, {leaver.befattning}
          </dd>
        </div>
        {leaver.lastDay ? (
          <div>
            <dt>{t("turnover.page.lastDay")}</dt>
            <dd>{leaver.lastDay}</dd>
          </div>
        ) : null}
        {turnover.effectiveDate ? (
          <div>
            <dt>{t("turnover.page.effectiveDate")}</dt>
            <dd>{turnover.effectiveDate}</dd>
          </div>
        ) : null}
      </dl>
      {!leaver.lastDay ? (
        <div className="notice notice--warning">
          <p>{t("turnover.page.noLastDay", { name: leaver.name })}</p>
          <p>
            <Link to={`/personal/${leaver.id}`}>{t("turnover.page.setLastDay", { name: leaver.name })}</Link>
          </p>
        </div>
      ) : (
        <p>
          {turnover.effectiveDate && turnover.effectiveDate > leaver.lastDay
            ? t("turnover.page.effective", { date: turnover.effectiveDate })
            : t("turnover.page.effectiveNow")}
        </p>
      )}
      <p>{rowCount === 1 ? t("turnover.page.countOne") : t("turnover.page.count", { count: rowCount })}</p>
      {turnover.elsewhere > 0 ? <p>{t("turnover.page.elsewhere", { count: turnover.elsewhere })}</p> : null}
      {page.running ? (
        <p className="notice" role="status">
          {t("turnover.page.running")} <Link to={`/personalbyte/${leaver.id}/korning/${page.running.id}`}>{t("turnover.page.runningLink")}</Link>
        </p>
      ) : null}
      {page.batch?.failures ? <FailedRun page={page} /> : null}
      {rowCount === 0 ? (
        <p>{t("turnover.page.none", { name: leaver.name })}</p>
      ) : leaver.lastDay ? (
        <>
          <ChoicesForm page={page} />
          {page.batch?.status === "DRAFT" ? <Preview page={page} /> : null}
        </>
      ) : null}
    </>
  );
}

/** Where each row stands in the saved plan or failed run, by assignment id. */
function rowNotes(page: Page) {
  const problems = new Map<string, Problem>();
  for (const row of page.batch?.plan.rows ?? []) if (row.outcome === "blocked") problems.set(row.assignmentId, row.problem);
  const failures = new Map((page.batch?.failures?.rows ?? []).map((f) => [f.assignmentId, f]));
  return { problems, failures };
}

function ChoicesForm({ page }: { page: Page }) {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { register, onSubmit, errorFor } = useValidatedForm(turnoverFormSchema, actionData?.errors);
  const choices = actionData?.choices ?? page.defaults;
  const withoutReview = page.turnover.groups.reduce((n, g) => n + g.rows.filter((r) => r.reviewDueDate === null).length, 0);
  const notes = rowNotes(page);
  const formError = actionData?.errors._form;
  return (
    <section aria-labelledby="choices-heading">
      <h2 id="choices-heading">{t("turnover.form.heading")}</h2>
      <p>{t("turnover.form.intro")}</p>
      {actionData?.errors ? (
        <div className="notice notice--error" role="alert">
          <p>{formError ?? t("turnover.form.errors")}</p>
        </div>
      ) : null}
      <Form method="post" onSubmit={onSubmit} noValidate className="turnover-form">
        <input type="hidden" name="intent" value="preview" />
        <TextField
          label={t("turnover.form.reason")}
          hint={t("turnover.form.reasonHint")}
          registration={register("reason")}
          error={errorFor("reason")}
          defaultValue={choices.reason}
          maxLength={500}
        />
        {withoutReview > 0 ? (
          <TextField
            type="date"
            label={t("turnover.form.reviewDate")}
            hint={t("turnover.form.reviewDateHint", { count: withoutReview })}
            registration={register("reviewDueDate")}
            error={errorFor("reviewDueDate")}
            defaultValue={choices.reviewDueDate ?? ""}
            min={page.turnover.effectiveDate ?? undefined}
          />
        ) : null}
        {page.turnover.groups.map((group) => (
          <GroupSection key={group.key} page={page} group={group} choices={choices} notes={notes} />
        ))}
        <button type="submit" className="button" disabled={busy}>
          {t("turnover.form.preview")}
        </button>
      </Form>
    </section>
  );
}

function GroupSection({
  page,
  group,
  choices,
  notes,
}: {
  page: Page;
  group: TurnoverGroup;
  choices: TurnoverChoices;
  notes: ReturnType<typeof rowNotes>;
}) {
  const { candidates, leaver } = page.turnover;
  const kind = t(`contactKind.${group.kind}`);
  const headingId = `group-${group.key}`.replace(/[^\w-]/g, "-");
  const selectId = `${headingId}-choice`;
  const total = group.rows.length;
  return (
    <section aria-labelledby={headingId} className="turnover-group">
      <h3 id={headingId}>
        {t("turnover.group.heading", { kind, unit: group.unitName })}{" "}
        <span className="turnover-group__count">({total === 1 ? t("turnover.group.countOne") : t("turnover.group.count", { count: total })})</span>
      </h3>
      {group.choices.length === 0 ? (
        <p className="notice notice--warning">{t("turnover.group.noCandidates")}</p>
      ) : (
        <div className="field">
          <label htmlFor={selectId}>{t("turnover.group.choice")}</label>
          <p className="field__hint" id={`${selectId}-hint`}>
            {t("turnover.group.choiceHint")}
          </p>
          <select id={selectId} name={groupField(group.key)} defaultValue={choices.groups[group.key] ?? ""} aria-describedby={`${selectId}-hint`}>
            <option value="">{t("turnover.group.choiceNone")}</option>
            <optgroup label={t("turnover.group.people")}>
              {group.choices.map(({ staffMemberId, eligibleRows }) => {
                const c = candidates[staffMemberId];
                return (
                  <option key={staffMemberId} value={`person:${staffMemberId}`}>
                    {t("turnover.group.person", { name: c.name, befattning: c.befattning, load: c.load, rows: eligibleRows, total })}
                  </option>
                );
              })}
            </optgroup>
            {group.teams.length > 0 ? (
              <optgroup label={t("turnover.group.teams")}>
                {group.teams.map((team) => (
                  <option key={team.id} value={`team:${team.id}`}>
                    {t("turnover.group.team", { team: team.name })}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
      )}
      <div className="table-scroll">
        <table className="table turnover-table">
          <caption className="visually-hidden">{t("turnover.group.caption", { kind, unit: group.unitName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("turnover.col.patient")}</th>
              <th scope="col">{t("turnover.col.since")}</th>
              <th scope="col">{t("turnover.col.flags")}</th>
              <th scope="col">{t("turnover.col.team")}</th>
              <th scope="col">{t("turnover.col.replacement")}</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => {
              const fieldId = `row-${row.assignmentId}`;
              const failure = notes.failures.get(row.assignmentId);
              const problem = row.blocked ?? notes.problems.get(row.assignmentId) ?? null;
              const noteId = failure || problem ? `${fieldId}-note` : undefined;
              return (
                <tr key={row.assignmentId} className={failure || problem ? "turnover-row--problem" : undefined}>
                  <th scope="row">
                    {row.patient.name}
                    <br />
                    <span className="nowrap">{row.patient.identifier}</span>
                  </th>
                  <td className="nowrap">{row.since}</td>
                  <td>
                    <RowFlags row={row} />
                  </td>
                  <td className="nowrap">{row.team ?? "–"}</td>
                  <td>
                    <label htmlFor={fieldId} className="visually-hidden">
                      {t("turnover.row.label", { patient: row.patient.name })}
                    </label>
                    <select id={fieldId} name={rowField(row.assignmentId)} defaultValue={choices.rows[row.assignmentId] ?? ""} aria-describedby={noteId}>
                      <option value="">{t("turnover.row.followGroup")}</option>
                      <option value={KEEP}>{t("turnover.row.keep", { name: leaver.name })}</option>
                      {row.eligibleIds.map((id) => (
                        <option key={id} value={id}>
                          {t("turnover.row.option", { name: candidates[id].name, load: candidates[id].load })}
                        </option>
                      ))}
                    </select>
                    {failure ? (
                      <FailureMessage failure={failure} id={noteId} />
                    ) : problem ? (
                      <ProblemMessage problem={problem} candidates={candidates} teams={group.teams} id={noteId} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Preview({ page }: { page: Page }) {
  const busy = useNavigation().state === "submitting";
  const batch = page.batch;
  if (!batch) return null;
  const { candidates } = page.turnover;
  const patients = new Map(page.turnover.groups.flatMap((g) => g.rows.map((r) => [r.assignmentId, r.patient.name] as const)));
  const changes = batch.plan.rows.flatMap((r) => (r.outcome === "change" ? [r] : []));
  const count = (outcome: string) => batch.plan.rows.filter((r) => r.outcome === outcome).length;
  const date = page.turnover.effectiveDate ?? "";
  return (
    <section aria-labelledby="forhandsgranskning" className="turnover-preview">
      <h2 id="forhandsgranskning" tabIndex={-1}>
        {t("turnover.preview.heading")}
      </h2>
      <ul>
        <li>
          <strong>
            {changes.length === 1 ? t("turnover.preview.summaryOne", { date }) : t("turnover.preview.summary", { count: changes.length, date })}
          </strong>
        </li>
        {count("keep") > 0 ? <li>{t("turnover.preview.kept", { count: count("keep") })}</li> : null}
        {count("none") > 0 ? <li>{t("turnover.preview.unchosen", { count: count("none") })}</li> : null}
        {count("blocked") > 0 ? <li>{t("turnover.preview.blocked", { count: count("blocked") })}</li> : null}
      </ul>
      <table className="table">
        <caption>{t("turnover.preview.loadsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("turnover.preview.col.person")}</th>
            <th scope="col">{t("turnover.preview.col.before")}</th>
            <th scope="col">{t("turnover.preview.col.after")}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(batch.plan.loads).map(([id, load]) => (
            <tr key={id}>
              <th scope="row">{candidates[id]?.name ?? id}</th>
              <td>{load.before}</td>
              <td>{load.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t("turnover.preview.rowsCaption")}</summary>
        <table className="table">
          <caption className="visually-hidden">{t("turnover.preview.rowsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("turnover.col.patient")}</th>
              <th scope="col">{t("turnover.preview.col.to")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((row) => (
              <tr key={row.assignmentId}>
                <th scope="row">{patients.get(row.assignmentId) ?? t("turnover.failure.unknownPatient")}</th>
                <td>{candidates[row.replacementId]?.name ?? row.replacementId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p>{t("turnover.preview.notify")}</p>
      <p>{t("turnover.preview.allOrNothing")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="execute" />
        <input type="hidden" name="batchId" value={batch.id} />
        <button type="submit" className="button" disabled={busy}>
          {changes.length === 1 ? t("turnover.preview.executeOne") : t("turnover.preview.execute", { count: changes.length })}
        </button>
      </Form>
    </section>
  );
}

function FailedRun({ page }: { page: Page }) {
  const failures = page.batch?.failures;
  if (!failures) return null;
  return (
    <div className="notice notice--error" role="alert">
      <h2>{t("turnover.failed.heading")}</h2>
      {failures.problem ? (
        <p>{t(`turnover.failure.${failures.problem}`, { requestId: failures.requestId ?? "" })}</p>
      ) : (
        <p>{t("turnover.failed.rows")}</p>
      )}
    </div>
  );
}
