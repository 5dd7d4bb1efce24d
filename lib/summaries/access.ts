import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { canReadDraft } from "@/lib/drafts/visibility";

export const summaryDraftSelect = {
  id: true,
  organisationId: true,
  reference: true,
  title: true,
  status: true,
  language: true,
  currentVersion: true,
  opensAt: true,
  closesAt: true,
  organisation: { select: { slug: true, name: true } },
} as const;

/** The draft whose responses a member of its organisation summarises; 404 for anyone else. */
export async function draftForSummary(actor: Actor | null, by: { reference: string } | { id: string }) {
  const draft = await prisma.draft.findUnique({ where: by, select: summaryDraftSelect });
  if (!draft || !canReadDraft(actor, draft)) throw new NotFoundError();
  assertCan(actor, "summary.manage", { organisationId: draft.organisationId });
  return draft;
}
export type SummaryDraft = Awaited<ReturnType<typeof draftForSummary>>;
