// API keys of connected systems (issue 6 §4), for the administrator: create one per system
// (the key is shown once, in the answer to the form, never stored and never in an address),
// revoke one after a confirmation step, and see the calls that were turned away. Everything
// works without JavaScript: the confirmation is a section of this page at ?aterkalla=<id>.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import {
  administeredCareGivers,
  issueApiKey,
  listApiKeys,
  recentRejections,
  revokeApiKey,
  type ApiKeyItem,
  type CareGiverChoice,
  type IssuedApiKey,
  type RejectedCall,
} from "~/api/api-keys.server";
import { API_SERVICES } from "~/api/services";
import { describedBy, FieldMessages } from "~/components/field-messages";
import { Form } from "~/components/form";
import { TextField } from "~/components/text-field";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { API_KEY_NAME_MAX, createApiKeySchema, SERVICE_FIELDS } from "~/forms/api-keys";
import { parseForm } from "~/forms/parse";
import { useValidatedForm } from "~/forms/use-validated-form";
import { pageTitle, t } from "~/i18n";
import { logTime } from "~/models/audit-describe";
import { readFormData } from "~/forms/read-form-data";

export const meta: MetaFunction = () => [{ title: pageTitle(t("apiKeys.pageTitle")) }];

const PATH = "/api-nycklar";

async function administrator(request: Request, context: unknown) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "apikey:manage");
  return actor;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await administrator(request, context);
  const params = new URL(request.url).searchParams;
  // Only the care givers of the units this administrator administers (decision 016).
  const careGivers = await administeredCareGivers(db, actor);
  const [keys, rejections] = await Promise.all([listApiKeys(db, careGivers), recentRejections(db, careGivers)]);
  const toRevoke = keys.find((k) => k.id === params.get("aterkalla") && k.revokedAt === null) ?? null;
  const revoked = keys.find((k) => k.id === params.get("aterkallad") && k.revokedAt !== null) ?? null;
  // The care giver of the unit the administrator acts in comes first as the choice.
  const unit = await db.careUnit.findUnique({ where: { id: actor.unit.id }, select: { organisationId: true } });
  const defaultCareGiverId = careGivers.find((c) => c.id === unit?.organisationId)?.id ?? (careGivers.length === 1 ? careGivers[0].id : "");
  return { keys, rejections, toRevoke, revokedName: revoked?.name ?? null, careGivers, defaultCareGiverId };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await administrator(request, context);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const now = new Date();
  if (intent === "create") {
    const parsed = parseForm(formData, createApiKeySchema);
    const name = String(formData.get("name") ?? "").slice(0, API_KEY_NAME_MAX);
    if (!parsed.ok) return data({ errors: parsed.errors, name }, { status: 400 });
    const created = await issueApiKey(db, actor, parsed.data, now);
    // A care giver the administrator does not administer: the same answer as an empty choice.
    if (!created) return data({ errors: { careGiverId: t("apiKeys.create.careGiverRequired") }, name }, { status: 400 });
    // The only place the key ever appears: this answer, which no cache may keep.
    return data({ created }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "revoke") {
    const result = await revokeApiKey(db, actor, String(formData.get("keyId") ?? ""), now);
    if (result.outcome === "not-found") throw new Response("Not found", { status: 404 });
    if (result.outcome === "already") return data({ alreadyRevoked: result.name }, { status: 409 });
    throw redirect(`${PATH}?aterkallad=${encodeURIComponent(String(formData.get("keyId")))}`);
  }
  throw new Response("Bad request", { status: 400 });
}

export default function ApiKeysPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const created = result && "created" in result ? result.created : null;
  return (
    <>
      <h1>{t("apiKeys.title")}</h1>
      <p>{t("apiKeys.intro")}</p>
      <p className="notice">{t("apiKeys.tls")}</p>
      {page.revokedName ? (
        <p className="notice" role="status">
          {t("apiKeys.revoke.done", { name: page.revokedName })}
        </p>
      ) : null}
      {result && "alreadyRevoked" in result ? (
        <p className="notice" role="status">
          {t("apiKeys.revoke.already", { name: result.alreadyRevoked })}
        </p>
      ) : null}
      {created ? <CreatedKey created={created} /> : null}
      {page.toRevoke ? <ConfirmRevoke apiKey={page.toRevoke} /> : null}
      <CreateForm key={created?.id ?? "new"} careGivers={page.careGivers} defaultCareGiverId={page.defaultCareGiverId} />
      <KeyTable keys={page.keys} />
      <Rejections rows={page.rejections} />
    </>
  );
}

/** The new key, once: in the answer to the form only, so a reload shows it no more. */
function CreatedKey({ created }: { created: IssuedApiKey }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the new key's box so that a screen reader reads it at once.
  useEffect(() => heading.current?.focus(), [created.id]);
  return (
    <section className="api-key-created" aria-labelledby="created-key-heading" data-testid="created-key">
      <h2 id="created-key-heading" tabIndex={-1} ref={heading}>
        {t("apiKeys.created.heading", { name: created.name })}
      </h2>
      <p id="created-key-hint">
        <strong>{t("apiKeys.created.copyNow")}</strong>
      </p>
      <div className="field">
        <label htmlFor="created-key">{t("apiKeys.created.key", { name: created.name })}</label>
        <input
          id="created-key"
          type="text"
          readOnly
          value={created.key}
          aria-describedby="created-key-hint"
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
    </section>
  );
}

function ConfirmRevoke({ apiKey }: { apiKey: ApiKeyItem }) {
  const busy = useNavigation().state === "submitting";
  return (
    <section className="api-key-confirm" aria-labelledby="revoke-heading" data-testid="revoke-confirm">
      <h2 id="revoke-heading">{t("apiKeys.revoke.heading", { name: apiKey.name })}</h2>
      <p>{t("apiKeys.revoke.warning", { prefix: apiKey.prefix })}</p>
      <Form method="post" action={PATH} className="api-key-confirm__actions">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="keyId" value={apiKey.id} />
        <button type="submit" className="button button--danger" disabled={busy}>
          {t("apiKeys.revoke.confirm")}
        </button>
        <Link to={PATH}>{t("apiKeys.revoke.cancel")}</Link>
      </Form>
    </section>
  );
}

function CreateForm({ careGivers, defaultCareGiverId }: { careGivers: CareGiverChoice[]; defaultCareGiverId: string }) {
  const result = useActionData<typeof action>();
  const failed = result && "errors" in result ? result : null;
  const { register, onSubmit, errorFor } = useValidatedForm(createApiKeySchema, failed?.errors);
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">{t("apiKeys.create.heading")}</h2>
      {failed ? (
        <p className="notice notice--error" role="alert">
          {t("apiKeys.create.invalid")}
        </p>
      ) : null}
      {careGivers.length === 0 ? <p>{t("apiKeys.create.noCareGivers")}</p> : null}
      <Form method="post" action={PATH} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="create" />
        <TextField
          label={t("apiKeys.create.name")}
          hint={t("apiKeys.create.nameHint", { max: API_KEY_NAME_MAX })}
          registration={register("name")}
          error={errorFor("name")}
          defaultValue={failed?.name ?? ""}
          autoComplete="off"
        />
        <div className={`field${errorFor("careGiverId") ? " field--error" : ""}`}>
          <label htmlFor="careGiverId">{t("apiKeys.create.careGiver")}</label>
          <FieldMessages id="careGiverId" hint={t("apiKeys.create.careGiverHint")} error={errorFor("careGiverId")} />
          <select
            id="careGiverId"
            {...register("careGiverId")}
            defaultValue={defaultCareGiverId}
            aria-describedby={describedBy("careGiverId", true, errorFor("careGiverId"))}
            aria-invalid={errorFor("careGiverId") ? true : undefined}
          >
            {defaultCareGiverId ? null : <option value="">{t("apiKeys.create.careGiver")}</option>}
            {careGivers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.hsaId})
              </option>
            ))}
          </select>
        </div>
        <fieldset className={`field${errorFor("services") ? " field--error" : ""}`} aria-describedby={describedBy("services", null, errorFor("services"))}>
          <legend>{t("apiKeys.create.services")}</legend>
          <FieldMessages id="services" error={errorFor("services")} />
          {API_SERVICES.map((service) => (
            <label key={service} className="block">
              <input type="checkbox" value="ja" defaultChecked {...register(SERVICE_FIELDS[service])} /> {t(`apiKeys.service.${service}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {t("apiKeys.create.submit")}
        </button>
      </Form>
    </section>
  );
}

const by = (iso: string, name: string | null) => t("apiKeys.by", { date: isoDateInStockholm(new Date(iso)), name: name ?? t("apiKeys.unknownUser") });

function KeyTable({ keys }: { keys: ApiKeyItem[] }) {
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t("apiKeys.list.heading")}</h2>
      {keys.length === 0 ? (
        <p>{t("apiKeys.list.empty")}</p>
      ) : (
        <div className="api-key-table-wrap">
          <table className="table" data-testid="api-keys">
            <caption className="visually-hidden">{t("apiKeys.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("apiKeys.col.name")}</th>
                <th scope="col">{t("apiKeys.col.prefix")}</th>
                <th scope="col">{t("apiKeys.col.scope")}</th>
                <th scope="col">{t("apiKeys.col.created")}</th>
                <th scope="col">{t("apiKeys.col.status")}</th>
                <th scope="col">{t("apiKeys.col.action")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} data-key-id={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>
                    {k.careGiver}
                    <span className="block">{k.services.map((s) => t(`apiKeys.service.${s}`)).join(", ")}</span>
                  </td>
                  <td>{by(k.createdAt, k.createdBy)}</td>
                  <td>
                    {k.revokedAt ? (
                      <>
                        <span className="tag tag--alert">{t("apiKeys.status.revoked")}</span>
                        <span className="block">{by(k.revokedAt, k.revokedBy)}</span>
                        {k.revocationReason === "legacy-unscoped" ? <span className="block">{t("apiKeys.revocationReason.legacy-unscoped")}</span> : null}
                      </>
                    ) : (
                      <span className="tag">{t("apiKeys.status.active")}</span>
                    )}
                  </td>
                  <td>
                    {k.revokedAt ? null : (
                      <Link to={`${PATH}?aterkalla=${encodeURIComponent(k.id)}#revoke-heading`} aria-label={t("apiKeys.revoke.linkFor", { name: k.name })}>
                        {t("apiKeys.revoke.link")}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Rejections({ rows }: { rows: RejectedCall[] }) {
  return (
    <section aria-labelledby="rejections-heading">
      <h2 id="rejections-heading">{t("apiKeys.rejections.heading")}</h2>
      <p>{t("apiKeys.rejections.intro")}</p>
      {rows.length === 0 ? (
        <p>{t("apiKeys.rejections.none")}</p>
      ) : (
        <div className="api-key-table-wrap">
          <table className="table" data-testid="api-key-rejections">
            <caption className="visually-hidden">{t("apiKeys.rejections.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("apiKeys.rejections.col.at")}</th>
                <th scope="col">{t("apiKeys.rejections.col.endpoint")}</th>
                <th scope="col">{t("apiKeys.rejections.col.reason")}</th>
                <th scope="col">{t("apiKeys.rejections.col.key")}</th>
                <th scope="col">{t("apiKeys.rejections.col.requestId")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{logTime(r.at)}</td>
                  <td>{r.endpoint ? <code>{r.endpoint}</code> : null}</td>
                  <td>{r.rejection ? t(`apiKeys.rejection.${r.rejection}`) : null}</td>
                  <td>
                    {r.keyName}
                    {r.prefix ? (
                      <span className="block">
                        <code>{r.prefix}…</code>
                      </span>
                    ) : null}
                  </td>
                  <td>{r.requestId ? <code>{r.requestId}</code> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
