import { endpoints } from "@/lib/api/endpoints";
import { apiGetDraftVersion } from "@/lib/drafts/api";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

/** GET /api/v1/drafts/{ref}/versions/{n} — one published version with its paragraphs. */
export const GET = apiRoute(endpoints.getDraftVersion, async ({ params, actor }) => {
  const version = await apiGetDraftVersion(params.ref, params.n, actor);
  if (!version) throw new NotFoundError();
  return { body: version };
});
