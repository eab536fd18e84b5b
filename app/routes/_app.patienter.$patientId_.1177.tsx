// "Så ser patienten det på 1177" (issue 6 §1): staff see the patient's fixed contacts exactly
// as the patient would on 1177. Opened like the patient page (patient-access.server.ts): the
// same unit scoping, the same reason for a protected identity, its own access-log row.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AccessReasonForm } from "~/components/access-reason-form";
import { CitizenContactCard } from "~/components/citizen-contact-card";
import { db } from "~/db.server";
import { loadCitizenView } from "~/fixed-contacts/citizen-view.server";
import { pageTitle, t } from "~/i18n";
import { openPatient, unlockPatient, unlockQuery } from "~/models/patient-access.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data && !data.locked ? t("citizen.title") : t("patient.reasonTitle")) },
];

const pathOf = (patientId: string) => `/patienter/${patientId}/1177`;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const patientId = params.patientId ?? "";
  const now = new Date();
  const { actor, access } = await openPatient(db, request, context, patientId, now);
  if (access.locked) return { locked: true as const };
  const view = await loadCitizenView(db, actor, patientId, { now, reason: access.reason });
  if (!view) throw new Response("Not found", { status: 404 });
  return { locked: false as const, ...view, patientPath: `/patienter/${patientId}${unlockQuery(access.unlockId)}` };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const patientId = params.patientId ?? "";
  return unlockPatient(db, request, context, patientId, pathOf(patientId));
}

export default function CitizenViewPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (page.locked) return <AccessReasonForm errors={result?.errors} />;
  return (
    <>
      <p>
        <Link to={page.patientPath}>{t("citizen.back")}</Link>
      </p>
      <h1>{t("citizen.title")}</h1>
      <div className="notice citizen-staff-notice">
        <p>
          <strong>{t("citizen.patient", { name: page.patient.name, identifier: page.patient.identifier })}</strong>
        </p>
        <p>{t("citizen.staffNotice")}</p>
        <p>{t("citizen.logged")}</p>
      </div>
      <section className="citizen-preview" aria-label={t("citizen.preview")} data-testid="citizen-preview">
        <h2>{t("citizen.heading")}</h2>
        <p className="citizen-preview__intro">{t("citizen.intro")}</p>
        {page.contacts.length === 0 ? (
          <p className="citizen-preview__empty">{t("citizen.empty")}</p>
        ) : (
          <div className="citizen-preview__cards">
            {page.contacts.map((c) => (
              <CitizenContactCard key={c.id} contact={c} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
