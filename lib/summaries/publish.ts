import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { canReadDraft } from "@/lib/drafts/visibility";
import { draftForSummary } from "./access";
import { buildSummary, type SummaryContent } from "./snapshot";

/**
 * Publishes the summary of responses as a new numbered version (an immutable snapshot). Publishing
 * twice from the same run with no change in between returns the version already published.
 */
export async function publishSummary(actor: Actor | null, input: { draftId: string; runId: string; note: string }) {
  const draft = await draftForSummary(actor, { id: input.draftId });
  const latestRun = await prisma.analysisRun.findFirst({ where: { draftId: draft.id, status: "DONE" }, orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!latestRun) throw new ConflictError("noAnalysis");
  if (latestRun.id !== input.runId) throw new ConflictError("staleAnalysis");
  const built = await buildSummary(draft);
  const { generatedAt: _g, ...comparable } = built;
  const fingerprint = createHash("sha256").update(JSON.stringify(comparable)).update(input.note).digest("hex");
  const content = { ...built, fingerprint };
  const previous = await prisma.summaryVersion.findFirst({ where: { draftId: draft.id }, orderBy: { number: "desc" }, select: { number: true, content: true } });
  if (previous && (previous.content as unknown as { fingerprint?: string }).fingerprint === fingerprint) return { number: previous.number, created: false };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const last = await tx.summaryVersion.aggregate({ where: { draftId: draft.id }, _max: { number: true } });
        const number = (last._max.number ?? 0) + 1;
        await tx.summaryVersion.create({
          data: { draftId: draft.id, number, note: input.note, publishedById: actor!.id, content: content as unknown as Prisma.InputJsonValue },
        });
        return { number, created: true };
      });
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new ConflictError();
}

/** A published summary (latest, or version `number`) for anyone who may read the draft. */
export async function getPublishedSummary(reference: string, actor: Actor | null, number?: number) {
  const draft = await prisma.draft.findUnique({ where: { reference }, select: { id: true, reference: true, title: true, status: true, organisationId: true, organisation: { select: { name: true, slug: true } } } });
  if (!draft || !canReadDraft(actor, draft)) throw new NotFoundError();
  const versions = await prisma.summaryVersion.findMany({
    where: { draftId: draft.id },
    orderBy: { number: "desc" },
    select: { number: true, publishedAt: true, note: true, publishedBy: { select: { name: true } } },
  });
  const wanted = number ?? versions[0]?.number;
  if (wanted === undefined) throw new NotFoundError();
  const version = await prisma.summaryVersion.findUnique({ where: { draftId_number: { draftId: draft.id, number: wanted } } });
  if (!version) throw new NotFoundError();
  return {
    draft,
    number: version.number,
    publishedAt: version.publishedAt,
    note: version.note,
    publishedBy: versions.find((v) => v.number === version.number)?.publishedBy?.name ?? null,
    versions: versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt })),
    content: version.content as unknown as SummaryContent,
  };
}
export type PublishedSummary = Awaited<ReturnType<typeof getPublishedSummary>>;

/** Number of the latest published summary of a draft, or null (for the link on the draft page). */
export async function latestSummaryVersion(draftId: string): Promise<number | null> {
  const latest = await prisma.summaryVersion.findFirst({ where: { draftId }, orderBy: { number: "desc" }, select: { number: true } });
  return latest?.number ?? null;
}
