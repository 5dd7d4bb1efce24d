import { endpoints } from "@/lib/api/endpoints";
import { apiCreateComment, apiListDraftComments } from "@/lib/comments/api";
import { apiRoute } from "@/lib/http/api-route";

/** GET /api/v1/drafts/{ref}/comments — published comments, paginated; filter by anchor, kind, group. */
export const GET = apiRoute(endpoints.listComments, async ({ params, query, actor }) => ({ body: await apiListDraftComments(params.ref, actor, query) }));

/** POST /api/v1/drafts/{ref}/comments — comment as the signed-in user (session or Bearer token). */
export const POST = apiRoute(endpoints.createComment, async ({ params, headers, body, actor }) => {
  const created = await apiCreateComment(actor, params.ref, body, headers["idempotency-key"] ?? null);
  return { status: created.created ? 201 : 200, body: created.body };
});
