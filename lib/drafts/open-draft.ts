import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { publishVersion } from "./publish-version";
import type { TOpenDraftInput } from "./schemas";

/**
 * Opens a private draft for comment, now or at a future time (then it is "upcoming" and opens by
 * itself). The first opening publishes the working copy as version -00.
 */
export async function openDraft(actor: Actor | null, input: TOpenDraftInput, now = new Date()): Promise<{ reference: string; status: "OPEN" | "SCHEDULED" }> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Draft" WHERE id = ${input.draftId} FOR UPDATE`;
    const draft = await tx.draft.findUnique({
      where: { id: input.draftId },
      select: { id: true, organisationId: true, reference: true, status: true, title: true, abstract: true, body: true, language: true, currentVersion: true },
    });
    if (!draft) throw new NotFoundError();
    assertCan(actor, "draft.edit", { organisationId: draft.organisationId });
    if (draft.status !== "DRAFT" && draft.status !== "SCHEDULED") throw new ConflictError("draftAlreadyOpen");
    if (!draft.body.trim()) throw new ConflictError("draftEmpty");
    if (draft.currentVersion === null) await publishVersion(tx, draft, actor.id, "");
    const opensAt = input.opensAt && input.opensAt > now ? input.opensAt : now;
    const status = opensAt > now ? "SCHEDULED" : "OPEN";
    await tx.draft.update({
      where: { id: draft.id },
      data: { status, opensAt, closesAt: input.closesAt, timeZone: input.timeZone, originalClosesAt: null, extensionNote: null },
    });
    await tx.draftEvent.create({
      data: { draftId: draft.id, type: status === "OPEN" ? "OPENED" : "SCHEDULED", fromStatus: draft.status, toStatus: status, actorId: actor.id },
    });
    return { reference: draft.reference, status };
  });
}
