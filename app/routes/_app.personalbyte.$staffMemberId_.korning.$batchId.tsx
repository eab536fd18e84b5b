// One turnover run: its progress while it runs (the page asks again every second with
// JavaScript, and has a refresh link without), then what changed, or the rows that stopped it.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { actorRef, requireActor, requirePermission } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { FailureMessage } from "~/components/turnover";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/identifiers";
import { pageTitle, t } from "~/i18n";
import { bySurname, fullName, patientRef } from "~/models/contact-view";
import { changesOf, withProgress } from "~/turnover/jobs.server";
import { findBatch, LIST_LIMIT } from "~/turnover/turnover.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? t("turnover.status.title", { name: data.leaver }) : t("turnover.index.title")) },
];

/** How often the page asks for progress while the run goes on. */
const POLL_MS = 1000;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const now = new Date();
  const actor = await requireActor(request, context);
  requirePermission(actor, "turnover:reassign");
  const staffMemberId = params.staffMemberId ?? "";
  const stored = await findBatch(db, actor, staffMemberId, params.batchId ?? "");
  if (!stored) throw new Response("Not found", { status: 404 });
  if (stored.status === "DRAFT") throw redirect(`/personalbyte/${staffMemberId}?plan=${stored.id}`);
  const { batch, progress } = await withProgress(db, stored, actorRef(actor), now);
  const leaver = await db.staffMember.findUniqueOrThrow({ where: { id: staffMemberId }, select: { firstName: true, middleName: true, lastName: true } });

  const patient = { select: { id: true, identifier: true, firstName: true, middleName: true, lastName: true, protectedIdentity: true } } as const;
  // What changed: the new assignments that replaced the planned ones, with their cases.
  const changed =
    batch.status === "SUCCEEDED"
      ? await db.assignment.findMany({
          where: { replacesId: { in: changesOf(batch.plan).map((c) => c.assignmentId) } },
          select: { id: true, caseId: true, careUnitId: true, patient, staffMember: { select: { firstName: true, middleName: true, lastName: true } } },
        })
      : [];
  changed.sort((a, b) => bySurname(a.patient, b.patient));
  const listed = changed.slice(0, LIST_LIMIT);
  // What stopped it: the rows named, with their patients.
  const failedRows = batch.failures?.rows ?? [];
  const failedAssignments = await db.assignment.findMany({ where: { id: { in: failedRows.map((f) => f.assignmentId) } }, select: { id: true, patient } });
  const patientOf = new Map(failedAssignments.map((a) => [a.id, a.patient]));
  await logAccess(db, actorRef(actor), now, [...new Set([...listed, ...failedAssignments].map((a) => a.patient.id))], "turnover.view");

  return {
    staffMemberId,
    batchId: batch.id,
    leaver: fullName(leaver),
    // Never a top-level "status": Remix's legacy ?_data= path takes a loader's plain object
    // for a Response and passes its "status" to new Response(), a RangeError (issue 13).
    runStatus: batch.status,
    total: batch.total,
    progress,
    effectiveDate: batch.effectiveAt ? isoDateInStockholm(batch.effectiveAt) : null,
    problem: batch.failures?.problem ?? null,
    requestId: batch.failures?.requestId ?? null,
    changedCount: changed.length,
    changed: listed.map((a) => ({
      id: a.id,
      caseId: a.caseId,
      // The case page is scoped to the active unit: link only what it will open.
      linked: a.careUnitId === actor.unit.id,
      patient: patientRef(a.patient),
      to: fullName(a.staffMember),
    })),
    failures: failedRows.map((f) => {
      const p = patientOf.get(f.assignmentId);
      return { ...f, patient: p ? patientRef(p) : null };
    }),
  };
}

export default function TurnoverRun() {
  const page = useLoaderData<typeof loader>();
  const running = page.runStatus === "QUEUED" || page.runStatus === "RUNNING";
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const back = `/personalbyte/${page.staffMemberId}`;
  return (
    <>
      <p>
        <Link to={back}>{t("turnover.status.back")}</Link>
      </p>
      <h1>{t("turnover.status.heading")}</h1>
      <p>{page.leaver}</p>
      <div role="status" aria-live="polite" className="turnover-status">
        {running ? <Progress page={page} /> : null}
        {page.runStatus === "SUCCEEDED" ? (
          <p className="notice">
            {page.changedCount === 1
              ? t("turnover.status.succeededOne", { date: page.effectiveDate ?? "" })
              : t("turnover.status.succeeded", { count: page.changedCount, date: page.effectiveDate ?? "" })}
          </p>
        ) : null}
      </div>
      {running ? (
        <p>
          <Link to=".">{t("turnover.status.refresh")}</Link>
        </p>
      ) : null}
      {page.runStatus === "SUCCEEDED" ? <Changed page={page} /> : null}
      {page.runStatus === "FAILED" || page.runStatus === "INTERRUPTED" ? <Failed page={page} /> : null}
    </>
  );
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>;

function Progress({ page }: { page: Page }) {
  const progress = page.progress;
  const total = progress?.total ?? page.total;
  const checked = progress?.checked ?? 0;
  const text = !progress
    ? t("turnover.status.queued")
    : progress.writing
      ? t("turnover.status.writing")
      : t("turnover.status.checking", { checked, total });
  return (
    <>
      <label htmlFor="turnover-progress">{t("turnover.status.progress")}</label>{" "}
      <progress id="turnover-progress" max={total || 1} value={checked}>
        {text}
      </progress>
      <p>{text}</p>
    </>
  );
}

function Changed({ page }: { page: Page }) {
  return (
    <section aria-labelledby="changed-heading">
      <p>{t("turnover.status.notifyNext")}</p>
      <h2 id="changed-heading">{t("turnover.status.resultCaption")}</h2>
      <table className="table">
        <caption className="visually-hidden">{t("turnover.status.resultCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("turnover.col.patient")}</th>
            <th scope="col">{t("turnover.preview.col.to")}</th>
            <th scope="col">{t("turnover.status.col.case")}</th>
          </tr>
        </thead>
        <tbody>
          {page.changed.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.patient.name} <span className="nowrap">{row.patient.identifier}</span>
              </th>
              <td>{row.to}</td>
              <td>
                {row.linked && row.caseId ? (
                  <Link to={`/arenden/${row.caseId}`}>{t("turnover.status.openCase", { patient: row.patient.name })}</Link>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.changedCount > page.changed.length ? <p>{t("turnover.preview.more", { shown: page.changed.length, count: page.changedCount })}</p> : null}
    </section>
  );
}

function Failed({ page }: { page: Page }) {
  return (
    <section aria-labelledby="failed-heading" className="notice notice--error">
      <h2 id="failed-heading">{t("turnover.failed.heading")}</h2>
      {page.problem ? <p>{t(`turnover.failure.${page.problem}`, { requestId: page.requestId ?? "" })}</p> : <p>{t("turnover.failed.rows")}</p>}
      {page.failures.length > 0 ? (
        <ul className="turnover-failures">
          {page.failures.map((f) => (
            <li key={f.assignmentId}>
              <strong>{f.patient ? `${f.patient.name} ${f.patient.identifier}` : t("turnover.failure.unknownPatient")}</strong>
              <FailureMessage failure={f} />
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to={`/personalbyte/${page.staffMemberId}?plan=${page.batchId}`}>{t("turnover.status.fix")}</Link>
      </p>
    </section>
  );
}
