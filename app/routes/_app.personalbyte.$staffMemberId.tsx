// Staff turnover for one leaver (issue 5): choose replacements, preview, carry out. The
// preview is saved as a draft batch and shown at ?plan=<id>; its button starts exactly that
// plan, once. A failed run comes back here with the same choices and the failing rows named.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { actorRef, requireActor, requirePermission, type Actor } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { Form } from "~/components/form";
import { FailureMessage, ProblemMessage, RowFlags } from "~/components/turnover";
import { TextField } from "~/components/text-field";
import { db } from "~/db.server";
import { parseForm, type FieldErrors } from "~/forms/parse";
import { choicesFrom, groupField, medicalField, rowField, turnoverFormSchema } from "~/forms/turnover";
import { useValidatedForm } from "~/forms/use-validated-form";
import { pageTitle, t } from "~/i18n";
import { factsAt, implausibleDateErrors } from "~/forms/date-errors";
import { reasonText } from "~/processes/reasons";
import { reviewDateRules } from "../../machines/rules";
import { settled, startBatch } from "~/turnover/jobs.server";
import { KEEP, type TurnoverChoices } from "~/turnover/plan";
import { batchView, findBatch, loadTurnover, pageOf, planFor, saveDraft } from "~/turnover/turnover.server";
import { readFormData } from "~/forms/read-form-data";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? t("turnover.page.title", { name: data.turnover.leaver.name }) : t("turnover.index.title")) },
];

/** A run that finishes within this time is shown finished at once, also without JavaScript. */
const WAIT_FOR_RUN_MS = 3000;

/** The administrator; 403 for anyone who may not reassign contacts. */
async function administrator(request: Request, context: unknown) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "turnover:reassign");
  return actor;
}

/** The leaver's rows as this administrator sees them; 404 outside their units. */
async function turnoverOf(actor: Actor, staffMemberId: string, now: Date) {
  const turnover = await loadTurnover(db, actor, staffMemberId, now);
  if (!turnover) throw new Response("Not found", { status: 404 });
  return turnover;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const now = new Date();
  const staffMemberId = params.staffMemberId ?? "";
  const actor = await administrator(request, context);
  const turnover = await turnoverOf(actor, staffMemberId, now);
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
  const shown = pageOf(page, Number(new URL(request.url).searchParams.get("sida") ?? "1"));
  const visible = new Set(shown.groups.flatMap((g) => g.rows.map((r) => r.assignmentId)));
  const view = batch ? batchView(batch, page, visible) : null;
  // The patients on this page of rows and in the preview's list (HSLF-FS 2016:40 4 kap. 9 §).
  const patientOf = new Map(page.groups.flatMap((g) => g.rows.map((r) => [r.assignmentId, r.patient.id] as const)));
  const shownIds = [
    ...[...visible, ...(view?.changes.map((c) => c.assignmentId) ?? [])].flatMap((id) => patientOf.get(id) ?? []),
    ...page.medical.map((r) => r.patient.id),
  ];
  await logAccess(db, actorRef(actor), now, [...new Set(shownIds)], "turnover.view");
  return {
    turnover: shown,
    defaults: batch?.choices ?? defaultChoices(page),
    batch: view,
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
  const actor = await administrator(request, context);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (intent === "execute") {
    const batchId = String(formData.get("batchId") ?? "");
    const started = await startBatch(db, actor, staffMemberId, batchId, now);
    if (started === null) throw new Response("Not found", { status: 404 });
    if (started !== "already") await settled(started, WAIT_FOR_RUN_MS);
    return redirect(`/personalbyte/${staffMemberId}/korning/${batchId}`);
  }
  if (intent !== "preview") throw new Response("Bad request", { status: 400 });
  // Another page of rows: the choices made so far come back with it (the loader serves the page).
  if (formData.has("goto")) {
    const choices = choicesFrom(formData, { reason: String(formData.get("reason") ?? ""), reviewDueDate: String(formData.get("reviewDueDate") ?? "") || null });
    return { errors: undefined, choices };
  }

  const turnover = await turnoverOf(actor, staffMemberId, now);
  const parsed = parseForm(formData, turnoverFormSchema);
  const fields = parsed.ok ? parsed.data : { reason: String(formData.get("reason") ?? ""), reviewDueDate: null };
  const choices = choicesFrom(formData, fields);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const effectiveDate = turnover.page.effectiveDate;
  if (!effectiveDate) throw new Response("Conflict", { status: 409 });
  if (parsed.ok && parsed.data.reviewDueDate && reviewDateRules(parsed.data.reviewDueDate, null, effectiveDate).length > 0) {
    errors.reviewDueDate = t("turnover.form.reviewDateNotAhead", { date: effectiveDate });
  } else if (parsed.ok && parsed.data.reviewDueDate) {
    // Within the review horizon (machines/date-plausibility.ts).
    Object.assign(errors, implausibleDateErrors({ reviewDueDate: parsed.data.reviewDueDate }, factsAt(now)));
  }
  const plan = planFor(turnover, choices);
  if (Object.keys(errors).length === 0 && !plan.rows.some((r) => r.outcome === "change" || r.outcome === "medical")) {
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
  const rowCount = turnover.rowCount;
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
      {page.batch?.failed ? <FailedRun page={page} /> : null}
      {rowCount === 0 && turnover.medical.length === 0 ? (
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

type Group = Page["turnover"]["groups"][number];

function ChoicesForm({ page }: { page: Page }) {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const submit = useSubmit();
  const { register, onSubmit, errorFor } = useValidatedForm(turnoverFormSchema, actionData?.errors);
  const choices = actionData?.choices ?? page.defaults;
  const { turnover } = page;
  const withoutReview = turnover.groups.reduce((n, g) => n + g.withoutReviewDate, 0);
  const shown = new Set(turnover.groups.flatMap((g) => g.rows.map((r) => r.assignmentId)));
  // Another page is only a view of the same form: it keeps the choices without checking them.
  const onSubmitForm = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.name === "goto") {
      event.preventDefault();
      submit(submitter);
    } else {
      onSubmit(event);
    }
  };
  return (
    <section aria-labelledby="choices-heading">
      <h2 id="choices-heading">{t("turnover.form.heading")}</h2>
      <p>{t("turnover.form.intro")}</p>
      {actionData?.errors ? (
        <div className="notice notice--error" role="alert">
          <p>{actionData.errors._form ?? t("turnover.form.errors")}</p>
        </div>
      ) : null}
      <Form method="post" onSubmit={onSubmitForm} noValidate className="turnover-form">
        <input type="hidden" name="intent" value="preview" />
        {/* Choices made on other pages of rows travel with the form. */}
        {Object.entries(choices.rows)
          .filter(([id, value]) => value && !shown.has(id))
          .map(([id, value]) => (
            <input key={id} type="hidden" name={rowField(id)} value={value} />
          ))}
        {Object.entries(choices.medical ?? {})
          .filter(([id, value]) => value && !shown.has(id) && !turnover.medical.some((r) => r.assignmentId === id))
          .map(([id, value]) => (
            <input key={`medical-${id}`} type="hidden" name={medicalField(id)} value={value} />
          ))}
        <TextField
          label={t("turnover.form.reason")}
          hint={t("turnover.form.reasonHint")}
          registration={register("reason")}
          error={errorFor("reason")}
          defaultValue={choices.reason}
          maxLength={TEXT_LIMITS.reason}
        />
        {withoutReview > 0 ? (
          <TextField
            type="date"
            label={t("turnover.form.reviewDate")}
            hint={t("turnover.form.reviewDateHint", { count: withoutReview })}
            registration={register("reviewDueDate")}
            error={errorFor("reviewDueDate")}
            defaultValue={choices.reviewDueDate ?? ""}
            min={turnover.effectiveDate ?? undefined}
          />
        ) : null}
        <Pager page={page} />
        {turnover.groups.map((group) => (
          <GroupSection key={group.key} page={page} group={group} choices={choices} />
        ))}
        <Pager page={page} />
        <MedicalSection page={page} choices={choices} />
        <button type="submit" className="button" disabled={busy}>
          {t("turnover.form.preview")}
        </button>
      </Form>
    </section>
  );
}

/** The first and last page and those next to the current one: a short row of buttons also for fifty pages. */
function pagesAround(current: number, count: number): number[] {
  const near = [1, current - 2, current - 1, current, current + 1, current + 2, count];
  return [...new Set(near.filter((n) => n >= 1 && n <= count))].sort((a, b) => a - b);
}

/** Buttons to the other pages of rows; they post the form, so nothing chosen is lost. */
function Pager({ page }: { page: Page }) {
  const { current, count } = page.turnover.pages;
  if (count === 1) return null;
  const planQuery = page.batch ? `&plan=${page.batch.id}` : "";
  return (
    <nav aria-label={t("turnover.pager.label")} className="turnover-pager">
      <p>{t("turnover.pager.position", { current, count, rows: page.turnover.rowCount })}</p>
      <ul>
        {pagesAround(current, count).map((n, i, shown) => (
          <li key={n}>
            {i > 0 && n - shown[i - 1] > 1 ? <span aria-hidden="true">… </span> : null}
            {n === current ? (
              <span aria-current="page" className="turnover-pager__current">
                {n}
              </span>
            ) : (
              <button type="submit" name="goto" value={n} formAction={`?sida=${n}${planQuery}`} className="button button--secondary">
                <span className="visually-hidden">{t("turnover.pager.page")} </span>
                {n}
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function GroupSection({ page, group, choices }: { page: Page; group: Group; choices: TurnoverChoices }) {
  const { candidates, leaver } = page.turnover;
  const kind = t(`contactKind.${group.kind}`);
  const headingId = `group-${group.key}`.replace(/[^\w-]/g, "-");
  const selectId = `${headingId}-choice`;
  const total = group.size;
  return (
    <section aria-labelledby={headingId} className="turnover-group">
      <h3 id={headingId}>
        {t("turnover.group.heading", { kind, unit: group.unitName })}{" "}
        <span className="turnover-group__count">({total === 1 ? t("turnover.group.countOne") : t("turnover.group.count", { count: total })})</span>
      </h3>
      {group.mayNotRun.length > 0 ? (
        <div className="notice notice--warning">
          <p>{t("turnover.page.mayNotRun")}</p>
          <ul>
            {group.mayNotRun.map((reason) => (
              <li key={reason.code}>{reasonText(reason)}</li>
            ))}
          </ul>
        </div>
      ) : null}
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
      {group.rows.length > 0 ? (
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
                const failure = page.batch?.failures[row.assignmentId];
                const problem = row.blocked ?? page.batch?.problems[row.assignmentId] ?? null;
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
                      {row.medical ? <MedicalChoice row={row} medical={row.medical} page={page} choices={choices} /> : null}
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
      ) : null}
    </section>
  );
}

/**
 * A contact whose medically responsible läkare cannot stay (the leaver, or no longer eligible):
 * the new läkare, chosen here — never blanked silently (seed §3.3, decision 018).
 */
function MedicalChoice({
  row,
  medical,
  page,
  choices,
}: {
  row: Group["rows"][number];
  medical: { current: string; eligibleIds: string[] };
  page: Page;
  choices: TurnoverChoices;
}) {
  const { candidates } = page.turnover;
  const fieldId = `medical-${row.assignmentId}`;
  return (
    <div className="field turnover-medical">
      <label htmlFor={fieldId}>{t("turnover.medical.label", { patient: row.patient.name })}</label>
      <p className="field__hint" id={`${fieldId}-hint`}>
        {t("turnover.medical.needed", { name: medical.current })}
      </p>
      <select id={fieldId} name={medicalField(row.assignmentId)} defaultValue={choices.medical?.[row.assignmentId] ?? ""} aria-describedby={`${fieldId}-hint`}>
        <option value="">{t("turnover.medical.none")}</option>
        {medical.eligibleIds.map((id) => (
          <option key={id} value={id}>
            {candidates[id]?.name ?? id}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Contacts others hold whose medically responsible läkare is the leaver: a new läkare per contact. */
function MedicalSection({ page, choices }: { page: Page; choices: TurnoverChoices }) {
  const { medical, candidates, leaver } = page.turnover;
  if (medical.length === 0) return null;
  return (
    <section aria-labelledby="medical-heading" className="turnover-group">
      <h3 id="medical-heading">{t("turnover.medical.heading", { name: leaver.name, count: medical.length })}</h3>
      <p>{t("turnover.medical.intro")}</p>
      <div className="table-scroll">
        <table className="table turnover-table">
          <caption className="visually-hidden">{t("turnover.medical.caption", { name: leaver.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("turnover.col.patient")}</th>
              <th scope="col">{t("turnover.medical.col.holder")}</th>
              <th scope="col">{t("turnover.medical.col.lakare")}</th>
            </tr>
          </thead>
          <tbody>
            {medical.map((row) => {
              const fieldId = `medical-${row.assignmentId}`;
              const failure = page.batch?.failures[row.assignmentId];
              const problem = page.batch?.problems[row.assignmentId] ?? null;
              const noteId = failure || problem || row.eligibleIds.length === 0 ? `${fieldId}-note` : undefined;
              return (
                <tr key={row.assignmentId} className={failure || problem ? "turnover-row--problem" : undefined}>
                  <th scope="row">
                    {row.patient.name}
                    <br />
                    <span className="nowrap">{row.patient.identifier}</span>
                  </th>
                  <td>
                    {row.holder}
                    <br />
                    {t(`contactKind.${row.kind}`)}, {row.unitName}
                  </td>
                  <td>
                    <label htmlFor={fieldId} className="visually-hidden">
                      {t("turnover.medical.label", { patient: row.patient.name })}
                    </label>
                    <select id={fieldId} name={medicalField(row.assignmentId)} defaultValue={choices.medical?.[row.assignmentId] ?? ""} aria-describedby={noteId}>
                      <option value="">{t("turnover.medical.none")}</option>
                      <option value={KEEP}>{t("turnover.medical.keep")}</option>
                      {row.eligibleIds.map((id) => (
                        <option key={id} value={id}>
                          {candidates[id]?.name ?? id}
                        </option>
                      ))}
                    </select>
                    {failure ? (
                      <FailureMessage failure={failure} id={noteId} />
                    ) : problem ? (
                      <ProblemMessage problem={problem} candidates={candidates} teams={[]} id={noteId} />
                    ) : row.eligibleIds.length === 0 ? (
                      <p className="turnover-problem" id={noteId}>
                        {t("turnover.medical.noLakare")}
                      </p>
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
  const { counts } = batch;
  const date = page.turnover.effectiveDate ?? "";
  return (
    <section aria-labelledby="forhandsgranskning" className="turnover-preview">
      <h2 id="forhandsgranskning" tabIndex={-1}>
        {t("turnover.preview.heading")}
      </h2>
      <ul>
        <li>
          <strong>
            {counts.change === 1 ? t("turnover.preview.summaryOne", { date }) : t("turnover.preview.summary", { count: counts.change, date })}
          </strong>
        </li>
        {counts.medical > 0 ? <li>{t("turnover.preview.medical", { count: counts.medical })}</li> : null}
        {counts.keep > 0 ? <li>{t("turnover.preview.kept", { count: counts.keep })}</li> : null}
        {counts.none > 0 ? <li>{t("turnover.preview.unchosen", { count: counts.none })}</li> : null}
        {counts.blocked > 0 ? <li>{t("turnover.preview.blocked", { count: counts.blocked })}</li> : null}
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
          {Object.entries(batch.loads).map(([id, load]) => (
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
            {batch.changes.map((row) => (
              <tr key={row.assignmentId}>
                <th scope="row">{row.patient ?? t("turnover.failure.unknownPatient")}</th>
                <td>{candidates[row.replacementId]?.name ?? row.replacementId}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {counts.change > batch.changes.length ? <p>{t("turnover.preview.more", { shown: batch.changes.length, count: counts.change })}</p> : null}
      </details>
      <p>{t("turnover.preview.notify")}</p>
      <p>{t("turnover.preview.allOrNothing")}</p>
      {/* Carrying out needs the appointing right in every unit (decision 018); the run checks it again. */}
      {page.turnover.groups.some((g) => g.mayNotRun.length > 0) ? (
        <p className="notice notice--warning">{t("turnover.page.mayNotRun")}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="execute" />
          <input type="hidden" name="batchId" value={batch.id} />
          <button type="submit" className="button" disabled={busy}>
            {counts.change + counts.medical === 1
              ? t("turnover.preview.executeOne")
              : t("turnover.preview.execute", { count: counts.change + counts.medical })}
          </button>
        </Form>
      )}
    </section>
  );
}

function FailedRun({ page }: { page: Page }) {
  const failed = page.batch?.failed;
  if (!failed) return null;
  return (
    <div className="notice notice--error" role="alert">
      <h2>{t("turnover.failed.heading")}</h2>
      {failed.problem ? <p>{t(`turnover.failure.${failed.problem}`, { requestId: failed.requestId ?? "" })}</p> : <p>{t("turnover.failed.rows")}</p>}
    </div>
  );
}
