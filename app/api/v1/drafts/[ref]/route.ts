import { notFoundJson, json } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/current-user";
import { apiGetDraft } from "@/lib/drafts/api";

type Ctx = { params: Promise<{ ref: string }> };

/** GET /api/v1/drafts/{ref} — metadata, versions and the current version's sections and paragraphs. */
export async function GET(_request: Request, { params }: Ctx) {
  const draft = await apiGetDraft(decodeURIComponent((await params).ref), await getCurrentUser());
  return draft ? json(draft) : notFoundJson();
}
