import { getCurrentUser } from "@/lib/auth/current-user";
import { commentLocation } from "@/lib/comments/queries";
import { getDraftForReader } from "@/lib/drafts/get-draft";

type Ctx = { params: Promise<{ ref: string; id: string }> };

/**
 * A comment's permalink: redirects (307) to the page of its paragraph's discussion where it appears.
 * The Location is a path, so the reader stays on the host they are using (not the configured one).
 */
export async function GET(_request: Request, { params }: Ctx) {
  const { ref, id } = await params;
  const draft = await getDraftForReader(decodeURIComponent(ref), await getCurrentUser());
  const location = draft ? await commentLocation(draft.id, decodeURIComponent(id)) : null;
  if (!draft || !location) return new Response("Not found", { status: 404 });
  const base = `/drafts/${encodeURIComponent(draft.reference)}/p/${location.anchor ?? "general"}`;
  const target = `${base}${location.page > 1 ? `?page=${location.page}` : ""}#comment-${encodeURIComponent(location.id)}`;
  return new Response(null, { status: 307, headers: { location: target, "cache-control": "no-store" } });
}
