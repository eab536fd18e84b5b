import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireActor } from "~/auth/actor.server";
import { UnitPageContent } from "~/components/unit-page";
import { db } from "~/db.server";
import { pageTitle, t } from "~/i18n";
import { staffScope } from "~/models/staff.server";
import { unitPageFor } from "~/models/unit.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: pageTitle(data?.unit.name ?? t("staff.unit.title")) }];

// The unit the user works for now. Staff-facing only: no patient data.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const page = await unitPageFor(db, actor, actor.unit.id, staffScope(actor).unitIds);
  if (!page) throw new Response("Not found", { status: 404 });
  return page;
}

export default function ActiveUnitPage() {
  return <UnitPageContent {...useLoaderData<typeof loader>()} />;
}
