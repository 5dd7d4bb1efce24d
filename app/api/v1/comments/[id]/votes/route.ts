import { apiActor } from "@/lib/api-tokens/api-tokens";
import { apiErrorFrom, validationError } from "@/lib/api/errors";
import { json } from "@/lib/api/respond";
import { castVote } from "@/lib/comments/cast-vote";
import { ZVoteInput } from "@/lib/comments/schemas";

type Ctx = { params: Promise<{ id: string }> };

/** POST /api/v1/comments/{id}/votes — {"value": "AGREE" | "DISAGREE" | "PASS"}; one vote per person, changeable. */
export async function POST(request: Request, { params }: Ctx) {
  try {
    const body = (await request.json().catch(() => null)) as Record<string, unknown> | null;
    const parsed = ZVoteInput.safeParse({ commentId: (await params).id, value: body?.value });
    if (!parsed.success) return validationError(parsed.error.issues);
    const result = await castVote(await apiActor(request), parsed.data);
    return json({ commentId: parsed.data.commentId, value: result.value, totals: result.totals });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
