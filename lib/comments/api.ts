import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/authz/permissions";
import { getDraftForReader } from "@/lib/drafts/get-draft";
import { NotFoundError } from "@/lib/errors";
import { createComment } from "./create-comment";
import { apiListComments } from "./queries";
import type { TCommentListQuery, ZCreateCommentBody } from "./schemas";

/**
 * GET /api/v1/drafts/{ref}/comments: a page of published comments (shape: ZApiCommentList).
 * @throws NotFoundError for an unknown draft or one `actor` may not read.
 */
export async function apiListDraftComments(reference: string, actor: Actor | null, query: TCommentListQuery) {
  const draft = await getDraftForReader(reference, actor);
  if (!draft) throw new NotFoundError();
  return apiListComments(draft.id, query);
}

/**
 * POST /api/v1/drafts/{ref}/comments: creates a comment or reply as `actor`.
 * @param idempotencyKey the Idempotency-Key header; a retry with it returns the first comment.
 * @returns `created` false when the key had already been used (→ 200 instead of 201), and the
 *   body `{id, status, anchor, parentId, trackingNumber}` (ZApiCreatedComment).
 */
export async function apiCreateComment(actor: Actor | null, reference: string, body: z.output<typeof ZCreateCommentBody>, idempotencyKey: string | null) {
  const draft = await getDraftForReader(reference, actor);
  if (!draft) throw new NotFoundError();
  const created = await createComment(actor, { ...body, draftId: draft.id, idempotencyKey });
  return { created: created.created, body: { id: created.id, status: created.status, anchor: created.anchor, parentId: created.parentId, trackingNumber: created.trackingNumber } };
}
