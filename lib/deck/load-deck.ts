import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { participationBlock } from "@/lib/comments/participation";
import { renderCommentMarkdown } from "@/lib/comments/render-comment";
import { prisma } from "@/lib/db/client";
import type { CommentKind, StakeholderGroup } from "@/lib/generated/prisma/enums";
import { deckProgress, nextStatementId, type DeckProgress } from "./order-statements";

export type DeckStatement = {
  id: string;
  kind: CommentKind | null;
  /** Sanitised HTML of the comment's Markdown (lib/comments/render-comment). */
  bodyHtml: string;
  quote: string | null;
  /** The author's stakeholder group only: the deck shows what was said, not who said it. */
  group: StakeholderGroup | null;
  /** The paragraph commented on, as it read in the version commented on; null for the draft as a whole. */
  paragraph: { anchor: string; number: string; text: string } | null;
};

export type Deck = {
  progress: DeckProgress;
  /** 1-based position of the statement shown, counting votes and skips ("3 of 12"). */
  position: number;
  statement: DeckStatement | null;
  /** "suspended" / "banned": the participant may not vote here (shown instead of the deck). */
  block: "suspended" | "banned" | null;
};

/**
 * The voting deck of one draft for one signed-in participant: progress, and the next statement with
 * its paragraph and author group (four small queries). `skipped` are the ids carried by the session
 * (see `parseSkipped`); the caller checks the draft is readable and open.
 */
export async function loadDeck(draft: { id: string; organisationId: string }, actor: Actor, skipped: readonly string[]): Promise<Deck> {
  const [progress, block] = await Promise.all([deckProgress(draft.id, actor.id, skipped), participationBlock(actor, draft.organisationId)]);
  const position = progress.voted + progress.skipped + 1;
  const id = block ? null : await nextStatementId(draft.id, actor.id, skipped, progress.voted + progress.skipped);
  if (!id) return { progress, position, statement: null, block };
  const comment = await prisma.comment.findUniqueOrThrow({
    where: { id },
    select: { id: true, kind: true, body: true, quote: true, anchor: true, versionNumber: true, author: { select: { stakeholderGroup: true } } },
  });
  const block_ = comment.anchor
    ? await prisma.draftBlock.findFirst({ where: { anchor: comment.anchor, version: { draftId: draft.id, number: comment.versionNumber } }, select: { anchor: true, number: true, text: true } })
    : null;
  return {
    progress,
    position,
    block,
    statement: {
      id: comment.id,
      kind: comment.kind,
      bodyHtml: renderCommentMarkdown(comment.body),
      quote: comment.quote,
      group: comment.author.stakeholderGroup,
      paragraph: block_ ?? (comment.anchor ? { anchor: comment.anchor, number: comment.anchor.replace(/^[ps]-/, ""), text: "" } : null),
    },
  };
}
