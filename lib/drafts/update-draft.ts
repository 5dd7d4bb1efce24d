import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { wakeOutbox } from "@/lib/jobs/outbox";
import { notifyFollowers } from "@/lib/notifications/notify-followers";
import { publishVersion } from "./publish-version";
import { versionSuffix } from "./version-label";
import type { TUpdateDraftInput } from "./schemas";

/**
 * Saves the editors' text. Before the draft is first opened this only updates the private working
 * copy; afterwards every save publishes a new version (-01, -02, …) and needs a change note.
 */
export async function updateDraft(actor: Actor | null, input: TUpdateDraftInput): Promise<{ reference: string; publishedVersion: number | null }> {
  const result = await prisma.$transaction(async (tx) => {
    // Row lock: two editors saving at once get consecutive versions, not a conflict.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Draft" WHERE id = ${input.draftId} FOR UPDATE`;
    const draft = locked
      ? await tx.draft.findUnique({
          where: { id: input.draftId },
          select: { id: true, organisationId: true, reference: true, status: true, currentVersion: true },
        })
      : null;
    if (!draft) throw new NotFoundError();
    assertCan(actor, "draft.edit", { organisationId: draft.organisationId });
    if (draft.status === "FINAL" || draft.status === "WITHDRAWN") throw new ConflictError("draftReadOnly");
    const published = draft.currentVersion !== null;
    if (published && input.changeNote.length < 3) throw new FieldError("changeNote", "changeNoteRequired");
    const updated = await tx.draft.update({
      where: { id: draft.id },
      data: {
        title: input.title,
        abstract: input.abstract,
        topics: input.topics,
        language: input.language,
        authors: input.authors,
        body: input.body,
      },
      select: { id: true, title: true, abstract: true, body: true, language: true, currentVersion: true },
    });
    const publishedVersion = published ? await publishVersion(tx, updated, actor.id, input.changeNote) : null;
    // Followers' emails are queued with the version (the outbox) and sent once it is committed.
    if (publishedVersion !== null) await notifyFollowers(tx, draft.id, "newVersion", { version: versionSuffix(publishedVersion) });
    return { reference: draft.reference, publishedVersion };
  });
  if (result.publishedVersion !== null) wakeOutbox();
  return result;
}
