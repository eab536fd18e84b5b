import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { actorRef, requireActor, requirePermission } from "~/auth/actor.server";
import { findUnlockReason, logAccess, recordUnlock } from "~/audit.server";
import { ContactCard } from "~/components/contact-card";
import { TextField } from "~/components/text-field";
import { db } from "~/db.server";
import { ageOn, formatPatientIdentifier, isoDateInStockholm } from "~/domain/identifiers";
import { parseForm } from "~/forms/parse";
import { accessReasonSchema } from "~/forms/schemas";
import { useValidatedForm } from "~/forms/use-validated-form";
import { pageTitle, t } from "~/i18n";
import { contactView, fullName, patientAddress } from "~/models/contact-view";
import { lacksOverallCoordination } from "../../machines/rules";
import { findPatientHeader, getPatientOverview } from "~/models/patients.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle((data && "name" in data && data.name) || t("patient.reasonTitle")) },
];

// A reason given for opening a protected patient is valid this long (then asked again).
const UNLOCK_MINUTES = 15;

async function loadPatientActor(request: Request, context: unknown, patientId: string) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "patient:read");
  const header = await findPatientHeader(db, actor, patientId);
  if (!header) throw new Response("Not found", { status: 404 });
  return { actor, header };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const patientId = params.patientId ?? "";
  const { actor, header } = await loadPatientActor(request, context, patientId);
  const now = new Date();
  let reason: string | null = null;
  if (header.protectedIdentity) {
    const unlockId = new URL(request.url).searchParams.get("atkomst");
    reason = await findUnlockReason(db, actorRef(actor), patientId, unlockId, now, UNLOCK_MINUTES);
    if (!reason) return { locked: true as const };
  }
  const patient = await getPatientOverview(db, actor, patientId);
  if (!patient) throw new Response("Not found", { status: 404 });
  await logAccess(db, actorRef(actor), now, [patient.id], "patient.view", reason);

  const today = isoDateInStockholm(now);
  const contacts = patient.assignments.map((a) => contactView(a, today));
  return {
    locked: false as const,
    name: fullName(patient),
    identifier: formatPatientIdentifier(patient.identifier),
    identifierKind: patient.identifierKind,
    age: ageOn(patient.birthDate, today),
    protectedIdentity: patient.protectedIdentity,
    address: patientAddress(patient),
    contacts,
    coordinationWarning: lacksOverallCoordination(contacts),
  };
}

// Opening a protected patient: the reason is written to the access log, and the page is
// then shown under that log row's id (the reason itself never goes into the address).
export async function action({ request, context, params }: ActionFunctionArgs) {
  const patientId = params.patientId ?? "";
  const { actor, header } = await loadPatientActor(request, context, patientId);
  if (!header.protectedIdentity) throw redirect(`/patienter/${patientId}`);
  const parsed = parseForm(await request.formData(), accessReasonSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const unlockId = await recordUnlock(db, actorRef(actor), new Date(), patientId, parsed.data.reason);
  throw redirect(`/patienter/${patientId}?atkomst=${unlockId}`);
}

function ReasonForm() {
  const result = useActionData<typeof action>();
  const { register, onSubmit, errorFor } = useValidatedForm(accessReasonSchema, result?.errors);
  return (
    <>
      <h1>{t("patient.reasonTitle")}</h1>
      <p>{t("patient.reasonIntro")}</p>
      <Form method="post" onSubmit={onSubmit} noValidate>
        <TextField label={t("patient.reason")} registration={register("reason")} error={errorFor("reason")} maxLength={200} />
        <button type="submit" className="button">
          {t("patient.reasonSubmit")}
        </button>
      </Form>
    </>
  );
}

export default function PatientPage() {
  const page = useLoaderData<typeof loader>();
  if (page.locked) return <ReasonForm />;
  return (
    <>
      <p>
        <Link to="/">{t("patient.back")}</Link>
      </p>
      <section aria-labelledby="patient-name" className="patient-header">
        <h1 id="patient-name">{page.name}</h1>
        <dl className="facts facts--inline">
          <div>
            <dt>
              {page.identifierKind === "PERSONNUMMER"
                ? t("patient.identifier")
                : t(`patient.identifierKind.${page.identifierKind}`)}
            </dt>
            <dd data-testid="patient-identifier">{page.identifier}</dd>
          </div>
          <div>
            <dt>{t("start.col.age")}</dt>
            <dd>{t("patient.age", { age: page.age })}</dd>
          </div>
          {page.address ? (
            <div>
              <dt>{t("patient.address")}</dt>
              <dd>{page.address}</dd>
            </div>
          ) : null}
        </dl>
        {page.protectedIdentity ? <p className="notice">{t("patient.protected")}</p> : null}
      </section>
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{t("patient.contacts")}</h2>
        {page.coordinationWarning ? (
          <p className="notice notice--warning" role="note">
            {t("patient.coordinationWarning", { count: page.coordinationWarning })}
          </p>
        ) : null}
        {page.contacts.length === 0 ? (
          <p>{t("patient.noContacts")}</p>
        ) : (
          <div className="cards">
            {page.contacts.map((c) => (
              <ContactCard key={c.id} contact={c} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
