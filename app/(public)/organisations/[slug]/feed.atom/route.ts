import { feedResponse } from "@/lib/drafts/feed-response";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return feedResponse("atom", (await params).slug);
}
