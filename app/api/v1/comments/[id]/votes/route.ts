import { endpoints } from "@/lib/api/endpoints";
import { castVote } from "@/lib/comments/cast-vote";
import { apiRoute } from "@/lib/http/api-route";

/** POST /api/v1/comments/{id}/votes — {"value": "AGREE" | "DISAGREE" | "PASS"}; one vote per person, changeable. */
export const POST = apiRoute(endpoints.voteOnComment, async ({ params, body, actor }) => {
  const result = await castVote(actor, { commentId: params.id, value: body.value });
  return { body: { commentId: params.id, value: result.value, totals: result.totals } };
});
