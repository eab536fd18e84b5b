import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/auth/actor.server";
import { UnitPageContent } from "~/components/unit-page";
import { db } from "~/db.server";
import { pageTitle, t } from "~/i18n";
import { staffScope } from "~/models/staff.server";
import { unitPageFor } from "~/models/unit.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.unit.name ?? t("staff.unit.title")) }];

// Another unit where the user holds a role (an administrator's other units, a nurse's
// second ward). A unit without such a grant is a 404, like one that does not exist.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const page = await unitPageFor(db, actor, params.unitId ?? "", staffScope(actor).unitIds);
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

export default function OtherUnitPage() {
  return (
    <>
      <p>
        <Link to="/enhet">{t("staff.unit.thisUnit")}</Link>
      </p>
      <UnitPageContent {...useLoaderData<typeof loader>()} />
    </>
  );
}
