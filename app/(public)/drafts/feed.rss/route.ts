import { feedResponse } from "@/lib/drafts/feed-response";

export const GET = () => feedResponse("rss");
