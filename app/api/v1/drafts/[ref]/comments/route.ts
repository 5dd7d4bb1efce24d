import { apiActor } from "@/lib/api-tokens/api-tokens";
import { apiErrorFrom, validationError } from "@/lib/api/errors";
import { json, notFoundJson } from "@/lib/api/respond";
import { createComment } from "@/lib/comments/create-comment";
import { apiListComments } from "@/lib/comments/queries";
import { ZCommentListQuery, ZCreateCommentInput } from "@/lib/comments/schemas";
import { getDraftForReader } from "@/lib/drafts/get-draft";

type Ctx = { params: Promise<{ ref: string }> };

/** GET /api/v1/drafts/{ref}/comments — published comments, paginated; filter by anchor, kind, group. */
export async function GET(request: Request, { params }: Ctx) {
  const draft = await getDraftForReader(decodeURIComponent((await params).ref), await apiActor(request));
  if (!draft) return notFoundJson();
  const query = ZCommentListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await apiListComments(draft.id, query));
}

/** POST /api/v1/drafts/{ref}/comments — comment as the signed-in user (session or Bearer token). */
export async function POST(request: Request, { params }: Ctx) {
  try {
    const actor = await apiActor(request);
    const draft = await getDraftForReader(decodeURIComponent((await params).ref), actor);
    if (!draft) return notFoundJson();
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== "object") return validationError([{ path: ["body"], message: "invalidJson" }]);
    const parsed = ZCreateCommentInput.safeParse({
      ...body,
      draftId: draft.id,
      idempotencyKey: request.headers.get("idempotency-key") ?? body.idempotencyKey ?? "",
      official: body.official === true,
      anonymous: body.anonymous === true,
    });
    if (!parsed.success) return validationError(parsed.error.issues);
    const created = await createComment(actor, parsed.data);
    return json({ id: created.id, status: created.status, anchor: created.anchor, parentId: created.parentId }, created.created ? 201 : 200);
  } catch (error) {
    return apiErrorFrom(error);
  }
}
