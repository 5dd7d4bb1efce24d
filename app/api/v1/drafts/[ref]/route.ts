import { endpoints } from "@/lib/api/endpoints";
import { apiGetDraft } from "@/lib/drafts/api";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

/** GET /api/v1/drafts/{ref} — metadata, versions and the current version's sections and paragraphs. */
export const GET = apiRoute(endpoints.getDraft, async ({ params, actor }) => {
  const draft = await apiGetDraft(params.ref, actor);
  if (!draft) throw new NotFoundError();
  return { body: draft };
});
