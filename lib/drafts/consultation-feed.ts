import "server-only";
import { Feed } from "feed";
import { prisma } from "@/lib/db/client";
import { publicBaseUrl } from "@/lib/api/base-url";

/**
 * Atom/RSS feed of newly opened consultations (newest opening first), site-wide or for one
 * organisation. Returns null for an unknown organisation.
 */
export async function consultationFeed(options: { organisationSlug?: string; title: string; description: string }) {
  const base = publicBaseUrl();
  const org = options.organisationSlug
    ? await prisma.organisation.findUnique({ where: { slug: options.organisationSlug }, select: { id: true, name: true, slug: true } })
    : null;
  if (options.organisationSlug && !org) return null;
  const drafts = await prisma.draft.findMany({
    where: { status: { in: ["OPEN", "CLOSED", "FINAL"] }, opensAt: { not: null }, ...(org ? { organisationId: org.id } : {}) },
    select: { reference: true, title: true, abstract: true, opensAt: true, closesAt: true, topics: true, organisation: { select: { name: true } } },
    orderBy: { opensAt: "desc" },
    take: 50,
  });
  const self = org ? `${base}/organisations/${org.slug}/feed.atom` : `${base}/drafts/feed.atom`;
  const feed = new Feed({
    id: self,
    title: org ? `${options.title} — ${org.name}` : options.title,
    description: options.description,
    link: org ? `${base}/organisations/${org.slug}` : `${base}/drafts`,
    updated: drafts[0]?.opensAt ?? new Date(0),
    generator: "Parley",
    copyright: "",
    feedLinks: { atom: self, rss: self.replace(/\.atom$/, ".rss") },
  });
  for (const d of drafts) {
    const link = `${base}/drafts/${encodeURIComponent(d.reference)}`;
    feed.addItem({
      id: link,
      title: `${d.reference}: ${d.title}`,
      link,
      date: d.opensAt!,
      published: d.opensAt!,
      description: d.abstract,
      author: [{ name: d.organisation.name }],
      category: d.topics.map((t) => ({ name: t, term: t })),
    });
  }
  return feed;
}
