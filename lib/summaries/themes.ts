import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findThemes } from "./analysis/themes";
import { draftForSummary } from "./access";

type Tx = Prisma.TransactionClient;

async function themeOfDraft(actor: Actor | null, themeId: string) {
  const theme = await prisma.theme.findUnique({ where: { id: themeId }, select: { id: true, draftId: true, customLabel: true, suggestedLabel: true, keyPhrases: true } });
  if (!theme) throw new NotFoundError();
  await draftForSummary(actor, { id: theme.draftId });
  return theme;
}

export function themeLabel(t: { customLabel: string | null; suggestedLabel?: string | null; keyPhrases: string[] }): string {
  return t.customLabel ?? t.suggestedLabel ?? t.keyPhrases.join(" · ");
}

function logEdit(tx: Tx, draftId: string, actor: Actor, action: string, detail: Record<string, unknown>) {
  return tx.summaryEdit.create({ data: { draftId, actorId: actor.id, action, detail: detail as Prisma.InputJsonValue } });
}

/** Gives a theme the moderator's name (kept by later runs, which only update the key phrases). */
export async function renameTheme(actor: Actor | null, input: { themeId: string; label: string }) {
  const theme = await themeOfDraft(actor, input.themeId);
  await prisma.$transaction(async (tx) => {
    await tx.theme.update({ where: { id: theme.id }, data: { customLabel: input.label } });
    await logEdit(tx, theme.draftId, actor!, "rename", { themeId: theme.id, from: themeLabel(theme), to: input.label });
  });
}

/** Moves every comment of one theme into another and removes the first. Retrying is harmless. */
export async function mergeThemes(actor: Actor | null, input: { themeId: string; intoThemeId: string }) {
  const into = await themeOfDraft(actor, input.intoThemeId);
  const from = await prisma.theme.findUnique({ where: { id: input.themeId }, select: { id: true, draftId: true, customLabel: true, suggestedLabel: true, keyPhrases: true } });
  if (!from) return; // already merged
  if (from.draftId !== into.draftId || from.id === into.id) throw new ConflictError("themesDiffer");
  await prisma.$transaction(async (tx) => {
    await tx.themeComment.updateMany({ where: { themeId: from.id }, data: { themeId: into.id } });
    const fromDisposition = await tx.disposition.findUnique({ where: { themeId: from.id } });
    const intoDisposition = await tx.disposition.findUnique({ where: { themeId: into.id } });
    if (fromDisposition && !intoDisposition) await tx.disposition.update({ where: { id: fromDisposition.id }, data: { themeId: into.id } });
    await tx.theme.delete({ where: { id: from.id } });
    await logEdit(tx, into.draftId, actor!, "merge", { from: themeLabel(from), into: themeLabel(into), intoThemeId: into.id });
  });
}

/** Splits a theme in two (k-means on its own comments); comments a moderator placed stay together. */
export async function splitTheme(actor: Actor | null, input: { themeId: string; size?: number }) {
  const theme = await themeOfDraft(actor, input.themeId);
  const members = await prisma.$queryRaw<{ id: string; text: string; campaignId: string | null }[]>`
    SELECT c.id, c.body AS text, m."campaignId" FROM "ThemeComment" m JOIN "Comment" c ON c.id = m."commentId"
    WHERE m."themeId" = ${theme.id} ORDER BY m.centrality DESC, c.id`;
  if (input.size !== undefined && input.size !== members.length) return; // already split (a retry)
  const voices = members.filter((m) => !m.campaignId);
  if (voices.length < 2) throw new ConflictError("tooSmallToSplit");
  const weight = new Map<string, number>();
  for (const m of members) if (m.campaignId) weight.set(m.campaignId, (weight.get(m.campaignId) ?? 1) + 1);
  const { themes, unthemed } = findThemes(voices.map((v) => ({ id: v.id, text: v.text, weight: weight.get(v.id) ?? 1 })), { k: 2 });
  if (themes.length < 2) throw new ConflictError("tooSmallToSplit");
  const moved = new Set(themes[1]!.documentIds);
  const campaignMembers = members.filter((m) => m.campaignId && moved.has(m.campaignId)).map((m) => m.id);
  const ids = [...moved, ...campaignMembers];
  await prisma.$transaction(async (tx) => {
    await tx.theme.update({ where: { id: theme.id }, data: { keyPhrases: themes[0]!.keyPhrases } });
    const created = await tx.theme.create({ data: { draftId: theme.draftId, keyPhrases: themes[1]!.keyPhrases } });
    await tx.themeComment.updateMany({ where: { commentId: { in: ids } }, data: { themeId: created.id } });
    await logEdit(tx, theme.draftId, actor!, "split", { from: themeLabel(theme), into: [themes[0]!.label, themes[1]!.label], moved: ids.length, unthemed: unthemed.length });
  });
}

/** Moves one comment (with its campaign) to another theme, pinned there for later runs. */
export async function moveComment(actor: Actor | null, input: { commentId: string; themeId: string }) {
  const target = await themeOfDraft(actor, input.themeId);
  const membership = await prisma.themeComment.findUnique({ where: { commentId: input.commentId }, include: { theme: true } });
  if (!membership || membership.draftId !== target.draftId) throw new NotFoundError();
  if (membership.themeId === target.id) return;
  await prisma.$transaction(async (tx) => {
    await tx.themeComment.updateMany({
      where: { OR: [{ commentId: input.commentId }, { campaignId: input.commentId }] },
      data: { themeId: target.id, pinned: true },
    });
    await logEdit(tx, target.draftId, actor!, "move", { commentId: input.commentId, from: themeLabel(membership.theme), to: themeLabel(target) });
  });
}
