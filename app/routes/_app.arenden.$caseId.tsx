import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { actorRef, requireActor, requirePermission } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { EventForm } from "~/components/event-forms/event-form";
import { db } from "~/db.server";
import { pageTitle, t } from "~/i18n";
import { caseFormChoices } from "~/models/case-choices.server";
import { feedbackFor, postedRevision, readPostedStep } from "~/models/case-steps.server";
import { getCasePage, isCaseVisible } from "~/models/cases.server";
import { dispatch } from "~/processes/dispatch.server";
import { deadlineLabel, eventLabel, stateLabel } from "~/processes/labels";
import { isEventType } from "~/processes/event-input";
import { statechartSvg } from "~/processes/statechart.server";
import { readFormData } from "~/forms/read-form-data";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `${t(`process.${data.process}`)}: ${data.patient.name}` : t("error.notFound.title")) },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "patient:read");
  const now = new Date();
  const page = await getCasePage(db, actor, params.caseId ?? "", now);
  if (!page) throw new Response("Not found", { status: 404 });
  await logAccess(db, actorRef(actor), now, [page.patient.id], "patient.view");
  // After a step the page is loaded again (post/redirect/get) and confirms what was saved.
  const saved = new URL(request.url).searchParams.get("klart");
  // Never a top-level "status": Remix's legacy ?_data= path takes a loader's plain object
  // for a Response and passes its "status" to new Response(), a RangeError (issue 13).
  const { status: caseStatus, ...rest } = page;
  return {
    ...rest,
    caseStatus,
    choices: await caseFormChoices(db, actor, page, now),
    // Drawn from the machine definition on every view: the picture can never disagree with
    // the process the executor runs. A closed case has no current step, only its path.
    statechart: statechartSvg(page.process, { current: caseStatus === "OPEN" ? page.state : null, path: page.path }),
    saved: saved && isEventType(saved) ? eventLabel(saved) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "patient:read");
  const caseId = params.caseId ?? "";
  if (!(await isCaseVisible(db, actor, caseId))) throw new Response("Not found", { status: 404 });
  const posted = readPostedStep(await readFormData(request));
  const revision = posted ? postedRevision(posted.form) : null;
  if (!posted || revision === null) throw new Response("Bad request", { status: 400 });
  const result = await dispatch(caseId, { type: posted.type, ...posted.values }, actor, { expectedRevision: revision });
  if (result.ok) throw redirect(`/arenden/${caseId}?klart=${posted.type}`);
  const { feedback, status } = feedbackFor(posted, result);
  return data(feedback, { status });
}

export default function CasePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const processName = t(`process.${page.process}`);
  return (
    <>
      <p>
        <Link to={`/patienter/${page.patient.id}`}>{t("cases.back")}</Link>
      </p>
      <h1>
        {processName}
        <span className="case-header__patient">
          {page.patient.name}, {page.patient.identifier}
        </span>
      </h1>
      {page.saved ? (
        <p className="notice" role="status">
          {t("cases.saved", { event: page.saved })}
        </p>
      ) : null}
      <section aria-labelledby="case-facts">
        <h2 id="case-facts" className="visually-hidden">
          {t("cases.facts")}
        </h2>
        <dl className="facts case-facts">
          <div>
            <dt>{t("cases.patient")}</dt>
            <dd>
              <Link to={`/patienter/${page.patient.id}`}>
                {page.patient.name}, {page.patient.identifier}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t("cases.unit")}</dt>
            <dd>{page.unit.name}</dd>
          </div>
          <div>
            <dt>{t("cases.status")}</dt>
            <dd data-testid="case-status">{t(`cases.status.${page.caseStatus}`)}</dd>
          </div>
          {page.caseStatus === "OPEN" ? (
            <div>
              <dt>{t("cases.currentStep")}</dt>
              <dd data-testid="case-step">{page.stateLabel}</dd>
            </div>
          ) : null}
          {page.deadline ? (
            <div>
              <dt>{t("cases.deadline")}</dt>
              <dd data-testid="case-deadline">
                {page.deadline.kind ? `${deadlineLabel(page.deadline.kind)}: ` : null}
                <span className={page.deadline.overdue ? "case-deadline--overdue" : undefined}>{page.deadline.at}</span>
                {page.deadline.overdue ? <span className="tag tag--alert">{t("cases.overdue")}</span> : null}
              </dd>
            </div>
          ) : null}
          {page.referral ? (
            <div>
              <dt>{t("cases.referral")}</dt>
              <dd data-testid="case-referral">
                {page.referral.dueAt
                  ? t(page.referral.late ? "cases.referral.late" : "cases.referral.inTime", { sentAt: page.referral.sentAt, dueAt: page.referral.dueAt })
                  : t("cases.referral.sent", { sentAt: page.referral.sentAt })}
                {page.referral.late ? <span className="tag tag--alert">{t("cases.referral.lateTag")}</span> : null}
              </dd>
            </div>
          ) : null}
          {page.outcome ? (
            <div>
              <dt>{t("cases.outcome")}</dt>
              <dd data-testid="case-outcome">{page.outcome}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("cases.opened")}</dt>
            <dd>{page.openedAt}</dd>
          </div>
          {page.closedAt ? (
            <div>
              <dt>{t("cases.closedAt")}</dt>
              <dd>{page.closedAt}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="next-steps">
        <h2 id="next-steps">{t("cases.nextSteps")}</h2>
        {result?.pageMessage ? (
          <div className="notice notice--error" role="alert">
            <p>{result.pageMessage}</p>
            {result.conflict ? (
              <p>
                <Link to={`/arenden/${page.id}`} reloadDocument>
                  {t("cases.reload")}
                </Link>
              </p>
            ) : null}
          </div>
        ) : null}
        {page.forms.length === 0 ? (
          <p>
            {page.blocked === "closed"
              ? t("cases.closedNoForms")
              : page.blocked === "version"
                ? t("cases.versionNoForms")
                : t("cases.noForms")}
          </p>
        ) : (
          page.forms.map((type) => (
            <section key={type} aria-labelledby={`heading-${type}`} className="case-form">
              <h3 id={`heading-${type}`}>{eventLabel(type)}</h3>
              <EventForm
                // A new revision is a new form: nothing typed for an older state stays behind.
                key={`${type}-${page.revision}`}
                type={type}
                setting={{ process: page.process, contactKind: page.contactKind }}
                choices={page.choices}
                hidden={{ revision: page.revision }}
                submitLabel={t("cases.submit", { event: eventLabel(type) })}
                result={result?.type === type && !result.pageMessage ? result : undefined}
              />
            </section>
          ))
        )}
      </section>

      <section aria-labelledby="process-heading">
        <h2 id="process-heading">{t("cases.process")}</h2>
        <figure className="statechart">
          {/* Server-made SVG from our own machine definitions, every text XML-escaped there. */}
          <div dangerouslySetInnerHTML={{ __html: page.statechart }} />
          <figcaption>
            {page.caseStatus === "OPEN"
              ? t("cases.statechartCaption", { process: processName, state: stateLabel(page.state) })
              : t("cases.statechartCaptionClosed", { process: processName })}
          </figcaption>
        </figure>
        <h3 id="path-heading">{t("cases.path")}</h3>
        {page.path.length === 0 ? (
          <p>{t("cases.pathEmpty")}</p>
        ) : (
          <ol aria-labelledby="path-heading" data-testid="case-path">
            {page.path.map((p, i) => (
              <li key={i}>
                {t("cases.pathStep", { event: eventLabel(p.event), from: stateLabel(p.from), to: stateLabel(p.to) })}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("cases.timeline")}</h2>
        {page.timeline.length === 0 ? (
          <p>{t("cases.timelineEmpty")}</p>
        ) : (
          <ol className="timeline" data-testid="case-timeline">
            {page.timeline.map((entry) => (
              <li key={entry.id} className="timeline__entry">
                <p className="timeline__when">
                  <time dateTime={entry.at.replace(" ", "T")}>{entry.at}</time>
                </p>
                <p className="timeline__what">{entry.title}</p>
                <p className="timeline__who">
                  {entry.by}
                  {entry.delegation ? `, ${entry.delegation}` : null}
                </p>
                {entry.details.length > 0 ? (
                  <ul className="timeline__details">
                    {entry.details.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
