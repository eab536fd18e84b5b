import { PassThrough } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { localeFromCookies, withLocale } from "~/i18n/locale.server";
import { clientRequestIdOf, cspNonceOf, requestIdOf } from "~/request-context.server";

export { edgeRefusalText } from "~/edge-refusal.server";

const ABORT_DELAY = 5_000;

// Unexpected errors are logged once, with the request id that the error page shows, so
// that support can find the log line from what the user reads to them.
export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  const requestId = requestIdOf(context, request);
  // A client's own id is only a hint for matching its logs with ours, never our id.
  const clientId = clientRequestIdOf(context);
  const client = clientId ? ` (client id ${clientId})` : "";
  console.error("%s", `[request ${requestId}]${client} ${request.method} ${new URL(request.url).pathname}`, error);
}

/**
 * Runs a whole request (loaders, actions, render) in the language of its `lang` cookie.
 * server/index.mjs wraps every request in it; the render below does so again, which is
 * what covers the Vite dev server.
 */
export function withRequestLocale<T>(cookieHeader: string | undefined, work: () => T): T {
  return withLocale(localeFromCookies(cookieHeader), work);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  // The x-request-id header is server/index.mjs's alone (on every response, once).
  const nonce = cspNonceOf(loadContext);
  return withRequestLocale(request.headers.get("Cookie") ?? undefined, () =>
    render(request, responseStatusCode, responseHeaders, remixContext, waitForAll, nonce),
  );
}

function render(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  waitForAll: boolean,
  nonce: string | undefined,
) {
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // The nonce reaches React's own inline scripts (renderToPipeableStream), Remix's
    // streamed data (RemixServer) and root.tsx's <Scripts> and <ScrollRestoration>.
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
