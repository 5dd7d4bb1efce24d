import { z } from "zod";

export const moderationDecisions = ["APPROVE", "HIDE", "RESTORE", "DISMISS_FLAGS"] as const;

/** A moderator's decision on one comment; HIDE needs a public reason (checked in the use case). */
export const ZModerateCommentInput = z.object({
  commentId: z.string().min(1),
  action: z.enum(moderationDecisions),
  reason: z.string().max(500, { error: "tooLong500" }).default(""),
});

/** Suspend (1) or lift the suspension (0) of a participant in one organisation's consultations. */
export const ZSuspendParticipantInput = z.object({
  organisationId: z.string().min(1),
  userId: z.string().min(1),
  suspend: z.enum(["1", "0"]),
  reason: z.string().max(500, { error: "tooLong500" }).default(""),
});
