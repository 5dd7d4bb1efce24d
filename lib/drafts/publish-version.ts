import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assignAnchors } from "./document/anchors";
import { parseDraftMarkdown } from "./document/parse";
import { refreshSearchVector } from "./search-vector";

type DraftForPublishing = { id: string; title: string; abstract: string; body: string; language: string; currentVersion: number | null };

/**
 * Publishes the draft's working copy as the next version (-00, -01, …) inside the caller's
 * transaction: splits it into numbered blocks, carries anchors over from the previous version where
 * a paragraph is unchanged or lightly edited, and refreshes the search document.
 */
export async function publishVersion(
  tx: Prisma.TransactionClient,
  draft: DraftForPublishing,
  actorId: string,
  changeNote: string,
): Promise<number> {
  const number = draft.currentVersion === null ? 0 : draft.currentVersion + 1;
  const previous =
    draft.currentVersion === null
      ? undefined
      : await tx.draftBlock.findMany({
          where: { version: { draftId: draft.id, number: draft.currentVersion } },
          select: { anchor: true, text: true, kind: true, hash: true },
          orderBy: { position: "asc" },
        });
  const parsed = parseDraftMarkdown(draft.body);
  const blocks = assignAnchors(
    parsed.blocks,
    previous?.map((b) => ({ ...b, kind: b.kind as (typeof parsed.blocks)[number]["kind"] })),
  );
  const version = await tx.draftVersion.create({
    data: {
      draftId: draft.id,
      number,
      title: draft.title,
      abstract: draft.abstract,
      body: draft.body,
      changeNote,
      wordCount: parsed.wordCount,
      publishedById: actorId,
    },
    select: { id: true },
  });
  await tx.draftBlock.createMany({
    data: blocks.map((b, position) => ({
      versionId: version.id,
      position,
      anchor: b.anchor,
      number: b.number,
      section: b.section,
      kind: b.kind,
      level: b.level,
      text: b.text,
      html: b.html,
      hash: b.hash,
    })),
  });
  await tx.draft.update({ where: { id: draft.id }, data: { currentVersion: number } });
  await tx.draftEvent.create({
    data: { draftId: draft.id, type: "VERSION_PUBLISHED", actorId, versionNumber: number, note: changeNote },
  });
  await refreshSearchVector(tx, draft.id);
  return number;
}
