import { describe, expect, it, vi } from "vitest";
import { handleError } from "~/entry.server";
import { allowConsoleError } from "../setup/setup-test-env";

describe("unexpected errors", () => {
  it("are logged once with the request id the error page shows", () => {
    allowConsoleError();
    const request = new Request("http://localhost/patienter/abc");
    const error = new Error("boom");
    handleError(error, { request, params: {}, context: { requestId: "req-42" } });
    expect(vi.mocked(console.error)).toHaveBeenCalledWith("%s", "[request req-42] GET /patienter/abc", error);
  });

  it("name a client's own request id beside ours, never instead of it", () => {
    allowConsoleError();
    const request = new Request("http://localhost/logga-in", { method: "POST" });
    const error = new Error("boom");
    handleError(error, { request, params: {}, context: { requestId: "req-43", clientRequestId: "from-client" } });
    expect(vi.mocked(console.error)).toHaveBeenCalledWith("%s", "[request req-43] (client id from-client) POST /logga-in", error);
  });

  it("are not logged when the user navigated away (aborted request)", () => {
    const controller = new AbortController();
    controller.abort();
    handleError(new Error("aborted"), {
      request: new Request("http://localhost/", { signal: controller.signal }),
      params: {},
      context: {},
    });
    expect(vi.mocked(console.error)).not.toHaveBeenCalled();
  });
});
