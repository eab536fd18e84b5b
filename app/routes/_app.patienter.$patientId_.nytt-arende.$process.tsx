import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { actorRef, requireActor, requirePermission } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { EventForm } from "~/components/event-forms/event-form";
import { db } from "~/db.server";
import { formatPatientIdentifier, isoDateInStockholm } from "~/domain/identifiers";
import { pageTitle, t } from "~/i18n";
import { startFormChoices } from "~/models/case-choices.server";
import { feedbackFor, readPostedStep } from "~/models/case-steps.server";
import { findOpenCaseLike, getStartPage } from "~/models/cases.server";
import { fullName } from "~/models/contact-view";
import { findPatientHeader } from "~/models/patients.server";
import { startCase } from "~/processes/dispatch.server";
import { eventLabel } from "~/processes/labels";
import type { ContactKind } from "../../machines/rules";
import { readFormData } from "~/forms/read-form-data";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? t("cases.start.title", { process: t(`process.${data.process}`) }) : t("error.notFound.title")) },
];

/** The patient and the process as the page and the action both need them; 404 when either is not found here. */
async function loadStart(request: Request, context: unknown, params: LoaderFunctionArgs["params"], now: Date) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "patient:read");
  const patientId = params.patientId ?? "";
  if (!(await findPatientHeader(db, actor, patientId))) throw new Response("Not found", { status: 404 });
  // CHANGE, ENDING and hemtjänst cases are about one assignment or hemtjänst: ?avser=<id>.
  const subjectId = new URL(request.url).searchParams.get("avser");
  const start = await getStartPage(db, actor, patientId, params.process ?? "", subjectId, isoDateInStockholm(now));
  if (!start) throw new Response("Not found", { status: 404 });
  return { actor, patientId, start };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const now = new Date();
  const { actor, patientId, start } = await loadStart(request, context, params, now);
  const patient = await db.patient.findUniqueOrThrow({
    where: { id: patientId },
    select: { id: true, identifier: true, firstName: true, middleName: true, lastName: true },
  });
  await logAccess(db, actorRef(actor), now, [patient.id], "patient.view");
  return {
    ...start,
    patient: { id: patient.id, name: fullName(patient), identifier: formatPatientIdentifier(patient.identifier) },
    unitName: actor.unit.name,
    choices: await startFormChoices(db, actor.unit.id, start.events, now),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const now = new Date();
  const { actor, patientId, start } = await loadStart(request, context, params, now);
  const form = await readFormData(request);
  const posted = readPostedStep(form);
  if (!posted) throw new Response("Bad request", { status: 400 });
  const kind = form.get("contactKind");
  const contactKind = start.contactKinds.find((k) => k === kind) ?? (start.contactKinds.length === 1 ? start.contactKinds[0] : undefined);
  const opening = { process: start.process, patientId, contactKind, subjectId: start.subject?.id };
  const result = await startCase(opening, { type: posted.type, ...posted.values }, actor, { now });
  if (result.ok) throw redirect(`/arenden/${result.caseId}?klart=${posted.type}`);
  const { feedback, status } = feedbackFor(posted, result);
  const alreadyOpen = result.error === "rules" && result.reasons.some((r) => r.code === "caseAlreadyOpen");
  const existingCaseId = alreadyOpen
    ? await findOpenCaseLike(db, actor, { process: start.process, patientId, contactKind: contactKind ?? null, subjectId: start.subject?.id ?? null })
    : null;
  return data({ ...feedback, existingCaseId }, { status });
}

function ContactKindChoice({ type, kinds, chosen, error }: { type: string; kinds: readonly ContactKind[]; chosen?: string; error?: string }) {
  const id = `${type}-contactKind`;
  return (
    <fieldset className={`field${error ? " field--error" : ""}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t("cases.field.contactKind")}</legend>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {kinds.map((k, i) => (
        <label key={k} className="choice" htmlFor={`${id}-${k}`}>
          <input type="radio" id={`${id}-${k}`} name="contactKind" value={k} defaultChecked={chosen ? chosen === k : i === 0} />
          <span>{t(`contactKind.${k}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export default function StartCasePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const processName = t(`process.${page.process}`);
  return (
    <>
      <p>
        <Link to={`/patienter/${page.patient.id}`}>{t("cases.back")}</Link>
      </p>
      <h1>{t("cases.start.title", { process: processName })}</h1>
      <p>{t("cases.start.intro", { name: page.patient.name, identifier: page.patient.identifier, unit: page.unitName })}</p>
      {page.subject ? (
        <dl className="facts">
          <div>
            <dt>{t("cases.start.subject")}</dt>
            <dd>{page.subject.label}</dd>
          </div>
        </dl>
      ) : null}
      {result?.existingCaseId ? (
        <div className="notice notice--warning" role="alert">
          <p>{t("cases.start.existing")}</p>
          <p>
            <Link to={`/arenden/${result.existingCaseId}`}>{t("cases.start.existingLink")}</Link>
          </p>
        </div>
      ) : result?.pageMessage ? (
        <p className="notice notice--error" role="alert">
          {result.pageMessage}
        </p>
      ) : null}
      {page.events.length === 0 ? <p>{t("cases.start.noneAllowed")}</p> : null}
      {page.events.map((type, i) => (
        <section key={type} aria-labelledby={`heading-${type}`} className="case-form">
          <h2 id={`heading-${type}`}>{i > 0 ? `${t("cases.start.orHeading")}: ${eventLabel(type)}` : eventLabel(type)}</h2>
          <EventForm
            type={type}
            setting={{ process: page.process, contactKind: page.contactKinds.length === 1 ? page.contactKinds[0] : null }}
            choices={page.choices}
            hidden={page.subject ? { subjectId: page.subject.id } : {}}
            submitLabel={t("cases.start.submit", { event: eventLabel(type) })}
            result={result?.type === type && !result.pageMessage && !result.existingCaseId ? result : undefined}
          >
            {page.contactKinds.length > 1 ? (
              <ContactKindChoice
                type={type}
                kinds={page.contactKinds}
                chosen={result?.type === type ? (result.values.contactKind ?? undefined) : undefined}
                error={result?.type === type ? result.fieldErrors?.contactKind : undefined}
              />
            ) : null}
          </EventForm>
        </section>
      ))}
    </>
  );
}
