// Compares the committed migrations with those recorded in the database, so the launcher can
// refuse to start against a database that is behind (or unreachable) with a clear message.
import { readdir } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** @returns {Promise<{ reachable: true, pending: string[] } | { reachable: false, error: string }>} */
export async function migrationStatus(databaseUrl, migrationsDir) {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
  try {
    const entries = await readdir(migrationsDir, { withFileTypes: true });
    const committed = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS t");
    if (!table.rows[0]?.t) return { reachable: true, pending: committed };
    const applied = await client.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const done = new Set(applied.rows.map((r) => r.migration_name));
    return { reachable: true, pending: committed.filter((name) => !done.has(name)) };
  } finally {
    await client.end();
  }
}

export const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");
