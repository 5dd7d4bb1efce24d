import "server-only";
import { prisma } from "@/lib/db/client";
import { diffVersions } from "./document/diff";
import type { ParagraphKind } from "./document/types";

/**
 * Block-by-block, word-level comparison of two published versions of a draft: moved blocks carry
 * the numbers they had and have. Null when either version does not exist.
 */
export async function diffDraftVersions(draftId: string, from: number, to: number) {
  const versions = await prisma.draftVersion.findMany({
    where: { draftId, number: { in: [from, to] } },
    select: { number: true, publishedAt: true, changeNote: true, blocks: { select: { anchor: true, number: true, text: true, kind: true }, orderBy: { position: "asc" } } },
  });
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  if (!a || !b) return null;
  const cast = (blocks: typeof a.blocks) => blocks.map((x) => ({ ...x, kind: x.kind as ParagraphKind }));
  return {
    from: { number: a.number, publishedAt: a.publishedAt, changeNote: a.changeNote },
    to: { number: b.number, publishedAt: b.publishedAt, changeNote: b.changeNote },
    blocks: diffVersions(cast(a.blocks), cast(b.blocks)),
    /** Display numbers ("3.1.2") by anchor: the newer version's, else the older one's. */
    numbers: Object.fromEntries([...a.blocks, ...b.blocks].map((x) => [x.anchor, x.number])) as Record<string, string>,
  };
}
