// Every request gets an id made here (finding 6 of issue 13): it goes on audit and access-log
// rows and into error log lines, so a client must not be able to choose it. A client's own
// well-formed `x-request-id` is kept beside it, for log lines only.
import { randomUUID } from "node:crypto";

const WELL_FORMED = /^[\w.-]{1,64}$/;

export function requestIds(req, res, next) {
  res.locals.requestId = randomUUID();
  const fromClient = req.get("x-request-id");
  res.locals.clientRequestId = fromClient && WELL_FORMED.test(fromClient) ? fromClient : undefined;
  // The only place the header is set, so it is sent once.
  res.set("x-request-id", res.locals.requestId);
  next();
}

/** "[request <id>]" for a log line, with the client's id when it sent one. */
export function logPrefix(res) {
  const client = res.locals.clientRequestId ? ` (client id ${res.locals.clientRequestId})` : "";
  return `[request ${res.locals.requestId}]${client}`;
}
