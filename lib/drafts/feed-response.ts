import "server-only";
import { getTranslations } from "next-intl/server";
import { consultationFeed } from "./consultation-feed";

/** The HTTP response for a feed route; 404 for an unknown organisation. */
export async function feedResponse(format: "atom" | "rss", organisationSlug?: string): Promise<Response> {
  const t = await getTranslations("feed");
  const feed = await consultationFeed({ organisationSlug, title: t("title"), description: t("description") });
  if (!feed) return new Response("Not found", { status: 404 });
  const body = format === "atom" ? feed.atom1() : feed.rss2();
  return new Response(body, {
    headers: {
      "content-type": format === "atom" ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
    },
  });
}
