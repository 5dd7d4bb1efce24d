import { z } from "zod";

/** One schema per form, shared by the form (field names, limits) and the server action. */
export const ZRenameTheme = z.object({
  themeId: z.string().min(1),
  label: z.string().trim().min(1, { error: "required" }).max(120, { error: "tooLong120" }),
});
export const ZMergeThemes = z.object({
  themeId: z.string().min(1),
  intoThemeId: z.string().min(1, { error: "required" }),
});
/** `size`: the theme's comment count the moderator saw; a retried split finds another size and does nothing. */
export const ZSplitTheme = z.object({ themeId: z.string().min(1), size: z.coerce.number().int().min(0).optional() });
export const ZImportPolis = z.object({ draftId: z.string().min(1) });
export const ZMoveComment = z.object({
  commentId: z.string().min(1),
  themeId: z.string().min(1, { error: "required" }),
});

export const dispositionValues = ["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"] as const;
export const ZDisposition = z
  .object({
    draftId: z.string().min(1),
    commentId: z.string().default(""),
    themeId: z.string().default(""),
    value: z.enum(dispositionValues, { error: "required" }),
    response: z.string().trim().max(2000, { error: "tooLong2000" }).default(""),
    /** "3:p-2.1": the paragraph of a later version where the text changed. */
    changedAt: z
      .string()
      .trim()
      .regex(/^(\d+:[a-z0-9.-]+)?$/, { error: "invalidParagraph" })
      .default(""),
  })
  .refine((d) => (d.commentId === "") !== (d.themeId === ""), { error: "required", path: ["commentId"] });

export const ZPublishSummary = z.object({
  draftId: z.string().min(1),
  note: z.string().trim().max(500, { error: "tooLong500" }).default(""),
  /** The run the moderator reviewed: publishing refuses if a newer one finished since. */
  runId: z.string().min(1),
  /** Publishing is public and stays readable: the form's confirmation checkbox must be ticked ("on"). */
  confirm: z.literal("on", { error: "confirmPublish" }),
});

/** Choices a moderator makes for one analysis run; `groupCount` "auto" (Pol.is's choice) or a pinned 2–5. */
export const opinionGroupCounts = ["auto", "2", "3", "4", "5"] as const;
export const ZRequestAnalysis = z.object({
  draftId: z.string().min(1),
  groupCount: z
    .enum(opinionGroupCounts, { error: "invalidChoice" })
    .default("auto")
    .transform((v) => (v === "auto" ? null : Number(v))),
});
export type TDisposition = z.output<typeof ZDisposition>;
