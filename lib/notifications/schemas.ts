import { z } from "zod";

/** Follow (1) or unfollow (0) a draft. */
export const ZFollowInput = z.object({ draftId: z.string().min(1), follow: z.enum(["1", "0"]) });

const flag = z.union([z.literal("on"), z.literal("")]).optional().transform((v) => v === "on");
/** The email notification settings form (unchecked boxes are absent). */
export const ZNotificationSettingsInput = z.object({ notifyReplies: flag, notifyVersions: flag, notifyClosing: flag });

/** Digests: how a follower gets emails about one draft (immediately, or a daily / weekly digest). */
export const followDeliveries = ["IMMEDIATE", "DAILY", "WEEKLY"] as const;
export type FollowDelivery = (typeof followDeliveries)[number];
export const ZFollowDeliveryInput = z.object({ draftId: z.string().min(1).max(64), delivery: z.enum(followDeliveries, { error: "chooseDelivery" }) });
export type TFollowDeliveryInput = z.infer<typeof ZFollowDeliveryInput>;
