import { z } from "zod";

export const moderationDecisions = ["APPROVE", "HIDE", "RESTORE", "DISMISS_FLAGS"] as const;

/**
 * A required confirmation checkbox (sent as "on" when ticked). Destructive or public actions carry
 * one so they work without JavaScript: an unticked box comes back with a message, nothing changes.
 */
export const confirmed = (value: string | undefined) => value === "on";

/**
 * A moderator's decision on one comment. HIDE needs a public reason (at least 3 characters) and the
 * ticked confirmation box "confirm"; both are reported at once.
 */
export const ZModerateCommentInput = z
  .object({
    commentId: z.string().min(1),
    action: z.enum(moderationDecisions),
    reason: z.string().max(500, { error: "tooLong500" }).default(""),
    confirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action !== "HIDE") return;
    if (v.reason.trim().length < 3) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
    if (!confirmed(v.confirm)) ctx.addIssue({ code: "custom", path: ["confirm"], message: "confirmHide" });
  });

/**
 * Suspend (1) or lift the suspension (0) of a participant in one organisation's consultations.
 * Suspending needs a reason for the moderators (at least 3 characters) and the ticked box "confirm".
 */
export const ZSuspendParticipantInput = z
  .object({
    organisationId: z.string().min(1),
    userId: z.string().min(1),
    suspend: z.enum(["1", "0"]),
    reason: z.string().max(500, { error: "tooLong500" }).default(""),
    confirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.suspend !== "1") return;
    if (v.reason.trim().length < 3) ctx.addIssue({ code: "custom", path: ["reason"], message: "suspendReasonRequired" });
    if (!confirmed(v.confirm)) ctx.addIssue({ code: "custom", path: ["confirm"], message: "confirmSuspend" });
  });

/** Lift an organisation's suspension of one participant (idempotent: lifting twice changes nothing). */
export const ZLiftSuspensionInput = z.object({
  organisationId: z.string().min(1),
  userId: z.string().min(1),
});
