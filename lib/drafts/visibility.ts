import { can, type Actor } from "@/lib/authz/permissions";
import type { DraftStatus } from "@/lib/generated/prisma/enums";

/** Statuses anyone may read. A DRAFT is private to its organisation. */
export const publicStatuses: DraftStatus[] = ["SCHEDULED", "OPEN", "CLOSED", "FINAL", "WITHDRAWN"];

export function canReadDraft(actor: Actor | null, draft: { status: DraftStatus; organisationId: string }): boolean {
  return draft.status !== "DRAFT" || can(actor, "draft.viewPrivate", { organisationId: draft.organisationId });
}

export function canEditDraft(actor: Actor | null, draft: { organisationId: string }): boolean {
  return can(actor, "draft.edit", { organisationId: draft.organisationId });
}

/** Commenting and voting (the participation issue) happen only while open. */
export function isOpenForComment(draft: { status: DraftStatus; closesAt: Date | null }, now = new Date()): boolean {
  return draft.status === "OPEN" && (!draft.closesAt || draft.closesAt > now);
}

/**
 * Whether a reader may start following the draft: it is scheduled or open for comment. A private
 * working copy (DRAFT), a closed, final or withdrawn draft sends no further version or closing emails.
 */
export function isFollowable(draft: { status: DraftStatus; closesAt: Date | null }, now = new Date()): boolean {
  return draft.status === "SCHEDULED" || isOpenForComment(draft, now);
}
