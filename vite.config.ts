/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// Under Vitest the Remix plugin must stay out: it fails .tsx tests with "can't detect preamble".
const isVitest = Boolean(process.env.VITEST);

export default defineConfig({
  plugins: [
    !isVitest &&
      remix({
        ignoredRouteFiles: ["**/*.test.*", "**/*.server.*"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
          unstable_optimizeDeps: true,
        },
      }),
  ],
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  // Server-only packages must not be pre-bundled for the browser (stack-notes P5).
  optimizeDeps: { exclude: ["@prisma/adapter-better-sqlite3", "@prisma/client", "better-sqlite3"] },
  build: {
    rollupOptions: {
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION") return; // cosmetic, from zod 4 sources
        warn(warning);
      },
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts", "machines/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/setup-test-env.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Base database first, then the seeded copy and the production server.
          globalSetup: ["tests/setup/global-setup.ts", "tests/e2e/global-setup.ts"],
          // One browser at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "security",
          // The adversarial suite of issue 13, against one shared production server. Files run
          // one after another (sorted by name: zz-audit-after-suite runs last and verifies the
          // audit chain after every other file has written to it).
          include: ["tests/security/**/*.test.ts"],
          globalSetup: ["tests/setup/global-setup.ts", "tests/security/global-setup.ts"],
          fileParallelism: false,
          sequence: { shuffle: false },
        },
      },
    ],
  },
});
