import { z } from "zod";
import { voteValues } from "@/lib/comments/schemas";

/** What a participant may do with the statement in front of them: a recorded vote, or skip (nothing recorded). */
export const deckChoices = [...voteValues, "SKIP"] as const;
export type DeckChoice = (typeof deckChoices)[number];

/** At most this many skipped statements are carried in the form and the address (about 2.7 kB of ids). */
export const MAX_SKIPPED = 100;

const commentId = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The skipped statements carried from one statement to the next, as written in the form field and
 * the `skip` query parameter: ids joined by ".". Unknown shapes are dropped, duplicates removed, the
 * most recent `MAX_SKIPPED` kept; never throws (it reads an address anyone can type).
 */
export function parseSkipped(raw: string | string[] | undefined | null): string[] {
  const text = Array.isArray(raw) ? raw.join(".") : (raw ?? "");
  const ids = [...new Set(text.split(/[.,\s]+/).filter((id) => commentId.test(id)))];
  return ids.slice(-MAX_SKIPPED);
}

/** The skipped statements as the `skip` field and query value ("" when none). */
export function formatSkipped(ids: readonly string[]): string {
  return ids.join(".");
}

/** One submitted deck form: the draft (its reference, for the way back), the statement and the choice. */
export const ZDeckChoiceInput = z.object({
  ref: z.string().min(1).max(100),
  commentId: z.string().regex(commentId, { error: "notFound" }),
  choice: z.enum(deckChoices, { error: "chooseVote" }),
  skipped: z.string().max(8_000).default("").transform((v) => parseSkipped(v)),
});
export type TDeckChoiceInput = z.output<typeof ZDeckChoiceInput>;

/** The address of a draft's voting deck, with the skipped statements and a one-off notice (`done`, `error`). */
export function deckPath(reference: string, skipped: readonly string[] = [], notice: { done?: string; error?: string } = {}): string {
  const query = new URLSearchParams();
  if (skipped.length) query.set("skip", formatSkipped(skipped));
  if (notice.done) query.set("done", notice.done);
  if (notice.error) query.set("error", notice.error);
  const qs = query.toString();
  return `/drafts/${encodeURIComponent(reference)}/vote${qs ? `?${qs}` : ""}`;
}
