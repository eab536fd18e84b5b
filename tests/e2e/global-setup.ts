// Browser tests run against the production build (`npm run build`) served by
// server/index.mjs, on a copy of the migrated base database seeded with the demo region.
import type { TestProject } from "vitest/node";
import { startSeededServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startSeededServer("e2e");
  project.provide("baseUrl", server.baseUrl);
  return server.stop;
}
