import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { TDisposition } from "./schemas";
import { draftForSummary } from "./access";

/**
 * Records what the organisation did with a comment or a whole theme (an upsert: resubmitting the form
 * changes it, never duplicates it). "Where the text changed" must name a paragraph of a later version.
 */
export async function setDisposition(actor: Actor | null, input: TDisposition) {
  const draft = await draftForSummary(actor, { id: input.draftId });
  let versionNumber: number | null = null;
  let anchor: string | null = null;
  if (input.changedAt) {
    const [n, a] = input.changedAt.split(":");
    versionNumber = Number(n);
    anchor = a!;
    const block = await prisma.draftBlock.findFirst({ where: { anchor, version: { draftId: draft.id, number: versionNumber } }, select: { id: true } });
    if (!block) throw new FieldError("changedAt", "invalidParagraph");
  }
  const target = input.commentId
    ? await prisma.comment.findFirst({ where: { id: input.commentId, draftId: draft.id }, select: { id: true } })
    : await prisma.theme.findFirst({ where: { id: input.themeId, draftId: draft.id }, select: { id: true } });
  if (!target) throw new NotFoundError();
  const data = { value: input.value, response: input.response, versionNumber, anchor, decidedById: actor!.id };
  await prisma.$transaction(async (tx) => {
    if (input.commentId) {
      await tx.disposition.upsert({ where: { commentId: input.commentId }, create: { draftId: draft.id, commentId: input.commentId, ...data }, update: data });
    } else {
      await tx.disposition.upsert({ where: { themeId: input.themeId }, create: { draftId: draft.id, themeId: input.themeId, ...data }, update: data });
    }
  });
}

/**
 * Disposition counts over the draft's top-level comments. A comment's disposition is its own, else its
 * campaign's (the first comment of the campaign), else its theme's.
 */
export async function dispositionProgress(draftId: string) {
  const rows = await prisma.$queryRaw<{ value: string | null; n: number }[]>`
    SELECT coalesce(d.value, cd.value, td.value)::text AS value, count(*)::int AS n
    FROM "Comment" c
    LEFT JOIN "Disposition" d ON d."commentId" = c.id
    LEFT JOIN "ThemeComment" m ON m."commentId" = c.id
    LEFT JOIN "Disposition" cd ON cd."commentId" = m."campaignId"
    LEFT JOIN "Disposition" td ON td."themeId" = m."themeId"
    WHERE c."draftId" = ${draftId} AND c."parentId" IS NULL AND c.status = 'PUBLISHED'
    GROUP BY 1`;
  const byValue: Record<string, number> = {};
  let total = 0;
  let open = 0;
  for (const r of rows) {
    total += r.n;
    if (r.value) byValue[r.value] = r.n;
    else open += r.n;
  }
  return { total, open, decided: total - open, byValue };
}
