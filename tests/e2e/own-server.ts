// A server of the story's own, on a freshly seeded database: for a story whose writes would
// break what other files expect of the shared one (vitest does not order files). The browser
// and database helpers point at it from beforeAll to afterAll.
import { afterAll, beforeAll } from "vitest";
import { pointBrowserAt } from "./browser";
import { pointDatabaseAt } from "./database";
import { startSeededServer, type SeededServer } from "./server";

/** Returns the running server (set once beforeAll has run): its database file, for a story that writes behind the app's back. */
export function useOwnServer(name: string) {
  const state = {} as { server: SeededServer };
  beforeAll(async () => {
    state.server = await startSeededServer(name);
    pointBrowserAt(state.server.baseUrl);
    pointDatabaseAt(state.server.file);
  });
  afterAll(async () => {
    pointBrowserAt(null);
    pointDatabaseAt(null);
    await state.server?.stop();
  });
  return state;
}
