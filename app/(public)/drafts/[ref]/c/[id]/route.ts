import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { commentLocation } from "@/lib/comments/queries";
import { getDraftForReader } from "@/lib/drafts/get-draft";

type Ctx = { params: Promise<{ ref: string; id: string }> };

/** A comment's permalink: redirects to the page of its paragraph's discussion where it appears. */
export async function GET(request: Request, { params }: Ctx) {
  const { ref, id } = await params;
  const draft = await getDraftForReader(decodeURIComponent(ref), await getCurrentUser());
  const location = draft ? await commentLocation(draft.id, decodeURIComponent(id)) : null;
  if (!draft || !location) return new NextResponse("Not found", { status: 404 });
  const base = `/drafts/${encodeURIComponent(draft.reference)}/p/${location.anchor ?? "general"}`;
  return NextResponse.redirect(new URL(`${base}${location.page > 1 ? `?page=${location.page}` : ""}#comment-${location.id}`, request.url), 307);
}
