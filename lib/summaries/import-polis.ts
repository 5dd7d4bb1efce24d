import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { FieldError } from "@/lib/errors";
import { PolisFormatError, parsePolisExport } from "./analysis/polis";
import type { Prisma } from "@/lib/generated/prisma/client";
import { draftForSummary } from "./access";

/** Per file; the server actions body limit (next.config.js) allows two such files. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Imports a Pol.is export (comments.csv + votes.csv) into a draft, so the same analysis runs on it.
 * Pol.is participants become import-only accounts (they cannot sign in), comments become general
 * comments on the draft (moderated-out ones hidden), votes keep each voter's latest. Idempotent: the
 * same export imported again adds nothing (comment ids and participant ids are kept as keys).
 */
export async function importPolis(actor: Actor | null, input: { draftId: string; commentsCsv: string; votesCsv: string }) {
  const draft = await draftForSummary(actor, { id: input.draftId });
  let data;
  try {
    data = parsePolisExport(input.commentsCsv, input.votesCsv);
  } catch (error) {
    if (error instanceof PolisFormatError || (error as { code?: string })?.code?.startsWith("CSV_")) throw new FieldError("comments", "polisFormat");
    throw error;
  }
  if (data.comments.length === 0) throw new FieldError("comments", "polisEmpty");
  const emailOf = (pid: string) => `polis-${draft.id}-${pid}@import.invalid`.toLowerCase();
  const participantIds = [...new Set([...data.comments.map((c) => c.authorId), ...data.votes.map((v) => v.participantId)])].filter(Boolean);
  const version = draft.currentVersion ?? 0;
  return prisma.$transaction(
    async (tx) => {
      const emails = participantIds.map(emailOf);
      await tx.$executeRaw`
        INSERT INTO "User" (id, email, "importSource", "createdAt", "updatedAt")
        SELECT gen_random_uuid()::text, e, 'polis', now(), now() FROM unnest(${emails}::text[]) AS e
        ON CONFLICT (email) DO NOTHING`;
      const users = await tx.$queryRaw<{ id: string; email: string }[]>`SELECT id, email FROM "User" WHERE email = ANY(${emails}::text[])`;
      const userOf = new Map(users.map((u) => [u.email, u.id]));
      const comments = data.comments.filter((c) => c.authorId && c.text.trim());
      const inserted = await tx.$executeRaw`
        INSERT INTO "Comment" (id, "draftId", "versionNumber", "authorId", body, status, "externalId", "createdAt")
        SELECT gen_random_uuid()::text, ${draft.id}, ${version}, a, b, s::"CommentStatus", x, t
        FROM unnest(${comments.map((c) => userOf.get(emailOf(c.authorId))!)}::text[], ${comments.map((c) => c.text.slice(0, 10_000))}::text[],
                    ${comments.map((c) => (c.moderated === -1 ? "HIDDEN" : "PUBLISHED"))}::text[], ${comments.map((c) => c.id)}::text[],
                    ${comments.map((c) => c.createdAt)}::timestamp[]) AS z(a, b, s, x, t)
        ON CONFLICT ("draftId", "externalId") DO NOTHING`;
      const ids = await tx.$queryRaw<{ id: string; externalId: string }[]>`SELECT id, "externalId" FROM "Comment" WHERE "draftId" = ${draft.id} AND "externalId" IS NOT NULL`;
      const commentOf = new Map(ids.map((c) => [c.externalId, c.id]));
      const votes = data.votes.filter((v) => commentOf.has(v.commentId) && userOf.has(emailOf(v.participantId)));
      const value = (v: number) => (v > 0 ? "AGREE" : v < 0 ? "DISAGREE" : "PASS");
      const votesWritten = await tx.$executeRaw`
        INSERT INTO "CommentVote" ("commentId", "userId", value, "createdAt", "updatedAt")
        SELECT c, u, v::"VoteValue", t, t
        FROM unnest(${votes.map((v) => commentOf.get(v.commentId)!)}::text[], ${votes.map((v) => userOf.get(emailOf(v.participantId))!)}::text[],
                    ${votes.map((v) => value(v.value))}::text[], ${votes.map((v) => v.createdAt)}::timestamp[]) AS z(c, u, v, t)
        ON CONFLICT ("commentId", "userId") DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"
        WHERE "CommentVote".value IS DISTINCT FROM EXCLUDED.value`;
      await recountVotes(tx, draft.id);
      if (inserted + votesWritten === 0) return { comments: 0, votes: 0, participants: participantIds.length };
      await tx.summaryEdit.create({
        data: { draftId: draft.id, actorId: actor!.id, action: "import", detail: { source: "polis", comments: inserted, votes: votesWritten, participants: participantIds.length } },
      });
      return { comments: inserted, votes: votesWritten, participants: participantIds.length };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Recounts the vote totals of every comment of a draft in one statement (after a bulk import). */
export function recountVotes(db: Pick<Prisma.TransactionClient, "$executeRaw">, draftId: string) {
  return db.$executeRaw`
    UPDATE "Comment" c SET "agreeCount" = s.a, "disagreeCount" = s.d, "passCount" = s.p
    FROM (SELECT "commentId", count(*) FILTER (WHERE value = 'AGREE')::int AS a, count(*) FILTER (WHERE value = 'DISAGREE')::int AS d,
                 count(*) FILTER (WHERE value = 'PASS')::int AS p
          FROM "CommentVote" v JOIN "Comment" x ON x.id = v."commentId" WHERE x."draftId" = ${draftId} GROUP BY 1) s
    WHERE c.id = s."commentId"`;
}
