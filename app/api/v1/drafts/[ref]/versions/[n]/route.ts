import { json, notFoundJson, parseVersionNumber } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/current-user";
import { apiGetDraftVersion } from "@/lib/drafts/api";

type Ctx = { params: Promise<{ ref: string; n: string }> };

/** GET /api/v1/drafts/{ref}/versions/{n} — one published version with its paragraphs. */
export async function GET(_request: Request, { params }: Ctx) {
  const { ref, n } = await params;
  const number = parseVersionNumber(n);
  if (number === null) return notFoundJson();
  const version = await apiGetDraftVersion(decodeURIComponent(ref), number, await getCurrentUser());
  return version ? json(version) : notFoundJson();
}
