import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { canEditDraft, canReadDraft } from "./visibility";

const draftSelect = {
  id: true,
  organisationId: true,
  reference: true,
  title: true,
  abstract: true,
  topics: true,
  language: true,
  authors: true,
  status: true,
  opensAt: true,
  closesAt: true,
  timeZone: true,
  originalClosesAt: true,
  extensionNote: true,
  currentVersion: true,
  preModeration: true,
  createdAt: true,
  updatedAt: true,
  organisation: { select: { slug: true, name: true } },
  versions: { select: { number: true, changeNote: true, publishedAt: true, wordCount: true }, orderBy: { number: "asc" as const } },
} as const;

/**
 * A draft as a given reader may see it, or null: a private draft does not exist for anyone outside
 * its organisation (so every route answers 404, never 403).
 */
export async function getDraftForReader(reference: string, actor: Actor | null) {
  const draft = await prisma.draft.findUnique({ where: { reference }, select: draftSelect });
  if (!draft || !canReadDraft(actor, draft)) return null;
  return { ...draft, canEdit: canEditDraft(actor, draft) };
}
export type ReaderDraft = NonNullable<Awaited<ReturnType<typeof getDraftForReader>>>;

/**
 * The working copy of a draft that has no published version yet, for its preview on the draft
 * page: readable by exactly those who may read the draft (canReadDraft — the same rule as the API).
 */
export async function getDraftPreview(reference: string, actor: Actor | null) {
  const draft = await prisma.draft.findUnique({ where: { reference }, select: { title: true, abstract: true, body: true, status: true, organisationId: true } });
  if (!draft || !canReadDraft(actor, draft)) return null;
  return draft;
}

/** The editors' working copy (for the edit form). */
export async function getDraftForEditing(reference: string, actor: Actor | null) {
  const draft = await prisma.draft.findUnique({
    where: { reference },
    select: { ...draftSelect, body: true },
  });
  if (!draft || !canEditDraft(actor, draft)) return null;
  return draft;
}

/** One published version's blocks, in order. `number` null means the current version. */
export async function getVersionBlocks(draftId: string, number: number) {
  return prisma.draftVersion.findUnique({
    where: { draftId_number: { draftId, number } },
    select: {
      number: true,
      title: true,
      abstract: true,
      changeNote: true,
      publishedAt: true,
      wordCount: true,
      blocks: {
        select: { anchor: true, number: true, section: true, kind: true, level: true, text: true, html: true },
        orderBy: { position: "asc" },
      },
    },
  });
}

/** The public timeline, oldest first. Actors are shown by name only. */
export async function getDraftTimeline(draftId: string) {
  return prisma.draftEvent.findMany({
    where: { draftId },
    select: { id: true, type: true, fromStatus: true, toStatus: true, versionNumber: true, note: true, createdAt: true, actor: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
}

/** One block of a version by anchor (a paragraph's discussion page shows it above the comments). */
export async function getParagraph(draftId: string, versionNumber: number, anchor: string) {
  return prisma.draftBlock.findFirst({
    where: { anchor, version: { draftId, number: versionNumber } },
    select: { anchor: true, number: true, kind: true, text: true, html: true },
  });
}
