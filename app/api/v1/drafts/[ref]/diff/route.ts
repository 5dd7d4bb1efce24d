import { endpoints } from "@/lib/api/endpoints";
import { apiDiffDraft } from "@/lib/drafts/api";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

/** GET /api/v1/drafts/{ref}/diff?from=0&to=1 — paragraph-level, word-level comparison. */
export const GET = apiRoute(endpoints.diffDraftVersions, async ({ params, query, actor }) => {
  const diff = await apiDiffDraft(params.ref, query.from, query.to, actor);
  if (!diff) throw new NotFoundError();
  return { body: diff };
});
