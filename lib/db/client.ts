import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseMode, env } from "@/lib/env";

function createClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start Parley with `npm start` (it starts the embedded database) " +
        "or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  // The embedded PGlite server multiplexes one backend; statements from several connections can
  // interleave mid-protocol, so the app keeps a single connection to it.
  const max = env.DATABASE_POOL_MAX ?? (databaseMode === "embedded" ? 1 : 10);
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

// One client per process: Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { parleyPrisma?: PrismaClient };

function client(): PrismaClient {
  return (globalForPrisma.parleyPrisma ??= createClient());
}

/**
 * The shared client, created on first use rather than at import: `next build` imports every
 * route without a database, and only a request needs one.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
