import { randomUUID } from "node:crypto";

/** What server/index.mjs hands every loader and action. */
export type LoadContext = { requestId?: string; clientAddress?: string };

const fallbackIds = new WeakMap<Request, string>();

/**
 * The id of this request, as set by the production server; under the Vite dev server
 * (no load context) one is made per Request object.
 */
export function requestIdOf(context: unknown, request: Request): string {
  const fromContext = (context as LoadContext | undefined)?.requestId;
  if (fromContext) return fromContext;
  let id = fallbackIds.get(request);
  if (!id) fallbackIds.set(request, (id = randomUUID()));
  return id;
}

export function clientAddressOf(context: unknown): string {
  return (context as LoadContext | undefined)?.clientAddress ?? "unknown";
}
