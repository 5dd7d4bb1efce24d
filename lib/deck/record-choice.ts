import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { castVote } from "@/lib/comments/cast-vote";
import { UnauthenticatedError } from "@/lib/errors";
import { MAX_SKIPPED, type TDeckChoiceInput } from "./schemas";

/**
 * One answer in the voting deck. AGREE / DISAGREE / PASS go through the participation use case
 * `castVote` (same rate limit, suspension and open-draft checks, own-comment refusal, idempotent
 * upsert with exact counters); SKIP records nothing and adds the statement to the session's skipped
 * list.
 *
 * @returns the skipped ids to carry to the next statement.
 * @throws UnauthenticatedError when signed out; whatever `castVote` throws (NotFoundError,
 *   ConflictError "ownCommentVote" / "draftNotOpen", AppError "suspended", RateLimitedError).
 */
export async function recordDeckChoice(actor: Actor | null, input: Pick<TDeckChoiceInput, "commentId" | "choice" | "skipped">): Promise<{ skipped: string[] }> {
  if (!actor) throw new UnauthenticatedError();
  if (input.choice === "SKIP") {
    const skipped = [...input.skipped.filter((id) => id !== input.commentId), input.commentId].slice(-MAX_SKIPPED);
    return { skipped };
  }
  await castVote(actor, { commentId: input.commentId, value: input.choice });
  return { skipped: input.skipped.filter((id) => id !== input.commentId) };
}
