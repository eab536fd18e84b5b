// Express to Remix, as @remix-run/express does it, with one difference: a form post whose body
// the edge has already read (form-posts.mjs) reaches Remix from that buffer, since the request
// stream is used up. Also, every answer is `Cache-Control: no-store` and each header is sent
// once (Remix's own, where Express set one before, replaces it).
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";

export function createRemixHandler({ build, mode, getLoadContext }) {
  const handle = createRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      const response = await handle(remixRequest(req, res), getLoadContext(req, res));
      await send(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function remixRequest(req, res) {
  // As the Express adapter: req.hostname honours "trust proxy"; the port comes from the
  // forwarded or the plain Host header.
  const port = [req.get("x-forwarded-host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  // Loaders and actions stop when the client goes away before the answer is complete.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init = { method: req.method, headers: remixHeaders(req.rawHeaders), signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    if (res.locals.formBody) {
      init.body = res.locals.formBody;
    } else {
      init.body = createReadableStreamFromReadable(req);
      init.duplex = "half";
    }
  }
  return new Request(url.href, init);
}

/** The request's headers as sent, repeated ones included. */
function remixHeaders(rawHeaders) {
  const headers = new Headers();
  for (let i = 0; i < rawHeaders.length; i += 2) headers.append(rawHeaders[i], rawHeaders[i + 1]);
  return headers;
}

async function send(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name === "set-cookie") res.append(name, value);
    else res.setHeader(name, value);
  }
  res.setHeader("Cache-Control", "no-store");
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
