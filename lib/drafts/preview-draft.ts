import "server-only";
import { can, type Actor } from "@/lib/authz/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { parseDraftMarkdown } from "./document/parse";
import type { PreviewBlock } from "./document/types";
import type { TPreviewInput } from "./schemas";

/**
 * The editor's live preview: the same parser and sanitiser as publishing, for people who may
 * create drafts (`draft.preview`).
 *
 * @returns the numbered blocks (anchor, number, kind, level, sanitised HTML) and the word count.
 * @throws UnauthenticatedError (signed out), ForbiddenError (no organisation where they may draft).
 */
export function previewDraft(actor: Actor | null, input: TPreviewInput): { blocks: PreviewBlock[]; words: number } {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, "draft.preview")) throw new ForbiddenError();
  const doc = parseDraftMarkdown(input.body);
  return {
    blocks: doc.blocks.map((b) => ({ anchor: `${b.kind === "heading" ? "s" : "p"}-${b.number}`, number: b.number, kind: b.kind, level: b.level, html: b.html })),
    words: doc.wordCount,
  };
}
