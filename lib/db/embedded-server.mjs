// Embedded PostgreSQL for a machine with nothing installed: PGlite (Postgres compiled to WASM)
// served over the ordinary wire protocol on loopback, so the app, Prisma migrations and the
// seed all use the same adapter-pg code path as with a real server.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** Extensions the migrations create (`CREATE EXTENSION`); PGlite must have them loaded to allow it. */
const extensions = { unaccent };

/**
 * @param {{ dataDir?: string, port?: number, host?: string, maxConnections?: number }} [options]
 *   dataDir: folder to keep the data in (omit for an in-memory database); port 0 picks a free one.
 */
export async function startEmbeddedDatabase(options = {}) {
  const { dataDir, port = 0, host = "127.0.0.1", maxConnections = 32 } = options;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir, extensions } : { extensions });
  const server = new PGLiteSocketServer({ db, port, host, maxConnections });
  await server.start();
  const [, boundPort] = server.getServerConn().split(":");
  const url = `postgresql://postgres:postgres@${host}:${boundPort}/postgres?sslmode=disable`;
  let stopped = false;
  return {
    url,
    port: Number(boundPort),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
