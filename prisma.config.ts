import { defineConfig } from "prisma/config";

// Relative file: URLs are resolved against the process's working directory (the project
// root for every npm script), by the CLI, the schema-engine bridge and the app alike.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "vite-node seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./prisma/dev.db" },
});
