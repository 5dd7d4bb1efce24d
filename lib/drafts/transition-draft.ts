import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import type { DraftStatus } from "@/lib/generated/prisma/enums";
import { zonedToUtc } from "@/lib/time/zoned";
import type { TDraftTransitionInput } from "./schemas";

/** Which manual changes of state are allowed from where. */
const allowed: Record<TDraftTransitionInput["to"], DraftStatus[]> = {
  CLOSED: ["OPEN"],
  FINAL: ["CLOSED"],
  WITHDRAWN: ["DRAFT", "SCHEDULED", "OPEN", "CLOSED"],
};
const eventFor = { CLOSED: "CLOSED", FINAL: "FINALISED", WITHDRAWN: "WITHDRAWN" } as const;

async function lockDraft(tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0], draftId: string) {
  await tx.$queryRaw`SELECT id FROM "Draft" WHERE id = ${draftId} FOR UPDATE`;
  const draft = await tx.draft.findUnique({
    where: { id: draftId },
    select: { id: true, organisationId: true, reference: true, status: true, closesAt: true, originalClosesAt: true, timeZone: true },
  });
  if (!draft) throw new NotFoundError();
  return draft;
}

/**
 * Close early, adopt the final text, or withdraw. Idempotent: repeating a done change is a no-op.
 * Closing early keeps the planned closing time in `originalClosesAt` and clears any extension
 * announcement, so the draft page tells what happened (closed early, with the editor's note) rather
 * than announcing an extension.
 */
export async function transitionDraft(actor: Actor | null, input: TDraftTransitionInput, now = new Date()): Promise<{ reference: string }> {
  return prisma.$transaction(async (tx) => {
    const draft = await lockDraft(tx, input.draftId);
    assertCan(actor, "draft.edit", { organisationId: draft.organisationId });
    if (draft.status === input.to) return { reference: draft.reference };
    if (!allowed[input.to].includes(draft.status)) throw new ConflictError("transitionNotAllowed");
    await tx.draft.update({
      where: { id: draft.id },
      data: { status: input.to, ...(input.to === "CLOSED" ? { closesAt: now, originalClosesAt: draft.closesAt, extensionNote: null } : {}) },
    });
    await tx.draftEvent.create({
      data: { draftId: draft.id, type: eventFor[input.to], fromStatus: draft.status, toStatus: input.to, actorId: actor.id, note: input.note },
    });
    return { reference: draft.reference };
  });
}

/**
 * Extends the comment period (also reopens a draft that closed). The note is shown on the draft
 * page as the announcement, from the closing time this extension replaces (`originalClosesAt`: the
 * previous one, not the first, after several extensions) to the new one. `closesAt` is a wall-clock
 * "YYYY-MM-DDTHH:mm" in `timeZone` (an IANA name; the draft's own zone when omitted), stored as a UTC instant.
 * @throws FieldError("closesAt", "dateInvalid" | "extensionNotLater"), ConflictError for a draft that is neither open nor closed.
 */
export async function extendDraft(
  actor: Actor | null,
  input: { draftId: string; closesAt: string; note: string; timeZone?: string },
  now = new Date(),
): Promise<{ reference: string }> {
  return prisma.$transaction(async (tx) => {
    const draft = await lockDraft(tx, input.draftId);
    assertCan(actor, "draft.edit", { organisationId: draft.organisationId });
    if (draft.status !== "OPEN" && draft.status !== "CLOSED") throw new ConflictError("transitionNotAllowed");
    const closesAt = zonedToUtc(input.closesAt, input.timeZone || draft.timeZone);
    if (!closesAt) throw new FieldError("closesAt", "dateInvalid");
    if (closesAt <= now || (draft.closesAt && closesAt <= draft.closesAt)) throw new FieldError("closesAt", "extensionNotLater");
    await tx.draft.update({
      where: { id: draft.id },
      data: { status: "OPEN", closesAt, originalClosesAt: draft.closesAt, extensionNote: input.note },
    });
    await tx.draftEvent.create({
      data: { draftId: draft.id, type: "EXTENDED", fromStatus: draft.status, toStatus: "OPEN", actorId: actor.id, note: input.note },
    });
    return { reference: draft.reference };
  });
}
