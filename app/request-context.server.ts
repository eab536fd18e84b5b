import { randomUUID } from "node:crypto";

/** What server/index.mjs hands every loader and action (docs/decisions/005 and 015). */
export type LoadContext = {
  /** Made by the server for every request; never taken from the client. */
  requestId?: string;
  /** A well-formed `x-request-id` the client sent: logged beside ours, never used instead of it. */
  clientRequestId?: string;
  clientAddress?: string;
  /** The CSRF token of this browser and session, for the hidden `csrf` input of every form. */
  csrfToken?: string;
  /** This response's Content-Security-Policy nonce, for the inline scripts Remix renders. */
  cspNonce?: string;
};

const fallbackIds = new WeakMap<Request, string>();

const contextOf = (context: unknown) => context as LoadContext | undefined;

/**
 * The id of this request, as set by the production server; under the Vite dev server
 * (no load context) one is made per Request object.
 */
export function requestIdOf(context: unknown, request: Request): string {
  const fromContext = contextOf(context)?.requestId;
  if (fromContext) return fromContext;
  let id = fallbackIds.get(request);
  if (!id) fallbackIds.set(request, (id = randomUUID()));
  return id;
}

export function clientRequestIdOf(context: unknown): string | undefined {
  return contextOf(context)?.clientRequestId;
}

export function clientAddressOf(context: unknown): string {
  return contextOf(context)?.clientAddress ?? "unknown";
}

/** Null under the Vite dev server, which has no CSRF check in front of it. */
export function csrfTokenOf(context: unknown): string | null {
  return contextOf(context)?.csrfToken ?? null;
}

export function cspNonceOf(context: unknown): string | undefined {
  return contextOf(context)?.cspNonce;
}
