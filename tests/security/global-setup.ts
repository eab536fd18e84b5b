// The adversarial suite (issue 13) runs against the production build (`npm run build`) served
// by server/index.mjs, as the browser tests do: ONE seeded server shared by every file, so the
// suite stays fast on a two-core machine. Its database file is provided too: the tests read it
// (read-only) to prove that a refused request wrote nothing. After every file has run, the
// teardown verifies the audit chain on that database: whatever the suite did (allowed actions,
// thousands of refused ones), the chain must still hold.
import type { TestProject } from "vitest/node";
import { startSeededServer } from "../e2e/server";
import { auditVerify } from "./audit-verify";

declare module "vitest" {
  export interface ProvidedContext {
    securityBaseUrl: string;
    securityDbFile: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startSeededServer("security");
  project.provide("securityBaseUrl", server.baseUrl);
  project.provide("securityDbFile", server.file);
  return async () => {
    await server.stop();
    const result = auditVerify(server.file);
    if (result.status !== 0) {
      throw new Error(`audit:verify failed on the security suite's database after the whole suite (exit ${result.status}):\n${result.output}`);
    }
  };
}
