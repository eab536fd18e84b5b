import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader } from "~/routes/healthz";
import { allowConsoleError } from "../setup/setup-test-env";

describe("GET /healthz", () => {
  it("answers 200 {status: ok} after querying the database", async () => {
    const response = await loader();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 and logs when the database cannot answer", async () => {
    allowConsoleError();
    // This file's own database copy: break it for real.
    await db.$executeRawUnsafe(`ALTER TABLE "Role" RENAME TO "Role_gone"`);
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable" });
  });
});
