import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

/** Pre-moderation per draft: new comments wait for a moderator's approval before they appear. */
export async function setPreModeration(actor: Actor | null, draftId: string, enabled: boolean) {
  const draft = await prisma.draft.findUnique({ where: { id: draftId }, select: { organisationId: true, reference: true } });
  if (!draft) throw new NotFoundError();
  assertCan(actor, "draft.edit", { organisationId: draft.organisationId });
  await prisma.draft.update({ where: { id: draftId }, data: { preModeration: enabled } });
  return { reference: draft.reference };
}
