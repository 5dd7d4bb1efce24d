import { defineConfig } from "prisma/config";

// DATABASE_URL is only needed by commands that talk to a database (migrate, seed);
// `prisma generate` runs without it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed/index.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost/unset",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
