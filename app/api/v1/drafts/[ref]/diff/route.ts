import { apiError, json, notFoundJson, parseVersionNumber } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/current-user";
import { apiDiffDraft } from "@/lib/drafts/api";

type Ctx = { params: Promise<{ ref: string }> };

/** GET /api/v1/drafts/{ref}/diff?from=0&to=1 — paragraph-level, word-level comparison. */
export async function GET(request: Request, { params }: Ctx) {
  const search = new URL(request.url).searchParams;
  const from = parseVersionNumber(search.get("from"));
  const to = parseVersionNumber(search.get("to"));
  if (from === null || to === null) return apiError(400, "invalid_query", "Give two version numbers: ?from=0&to=1.");
  const diff = await apiDiffDraft(decodeURIComponent((await params).ref), from, to, await getCurrentUser());
  return diff ? json(diff) : notFoundJson();
}
