// No "server-only" here: the demo seed (prisma/seed, run by tsx) calls it too.
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Gives every comment and reply that has no tracking number yet (rows written straight to the
 * database: seeds, imports) the next numbers of its draft's counter, in order of creation. One
 * statement, so it cannot interleave badly with comments being posted.
 * @returns how many comments were numbered
 */
export async function numberUntrackedComments(db: Pick<PrismaClient, "$executeRaw">): Promise<number> {
  return db.$executeRaw`
    WITH todo AS (
      SELECT c.id, upper(d.reference) AS docket, (CASE WHEN c."parentId" IS NULL THEN 'C' ELSE 'R' END) AS kind,
             row_number() OVER (PARTITION BY upper(d.reference), (c."parentId" IS NULL) ORDER BY c."createdAt", c.id) AS n
      FROM "Comment" c JOIN "Draft" d ON d.id = c."draftId"
      WHERE c."trackingNumber" IS NULL
    ), groups AS (
      SELECT docket, kind, max(n)::int AS cnt FROM todo GROUP BY 1, 2
    ), bumped AS (
      INSERT INTO "TrackingCounter" (docket, kind, last) SELECT docket, kind, cnt FROM groups
      ON CONFLICT (docket, kind) DO UPDATE SET last = "TrackingCounter".last + excluded.last
      RETURNING docket, kind, last
    )
    UPDATE "Comment" c
    SET "trackingNumber" = t.docket || '-' || t.kind || '-' || lpad((b.last - g.cnt + t.n)::text, greatest(6, length((b.last - g.cnt + t.n)::text)), '0')
    FROM todo t JOIN groups g ON g.docket = t.docket AND g.kind = t.kind JOIN bumped b ON b.docket = t.docket AND b.kind = t.kind
    WHERE c.id = t.id`;
}
