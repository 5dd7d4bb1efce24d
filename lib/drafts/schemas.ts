import { z } from "zod";
import { isTimeZone, zonedToUtc } from "@/lib/time/zoned";

/**
 * Inputs of the drafts domain, shared by the editor forms and the server. Messages are catalog keys
 * under "validation".
 */
export const MAX_BODY_CHARS = 1_000_000;
export const draftLanguages = ["en", "fr", "es", "ar", "zh", "ru"] as const;

const text = (max: number, maxKey: string, min = 0) =>
  z
    .string({ error: "required" })
    .trim()
    .min(Math.max(min, 0), { error: min > 1 ? "tooShort3" : "required" })
    .max(max, { error: maxKey });

/** "digital policy, participation" → ["digital policy", "participation"] */
const ZTopics = z
  .string()
  .default("")
  .transform((v) =>
    [...new Set(v.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean))],
  )
  .pipe(z.array(z.string().max(40, { error: "topicTooLong" })).max(10, { error: "tooManyTopics" }));

const ZAuthors = z
  .string()
  .default("")
  .transform((v) => v.split(/\r?\n|;/).map((a) => a.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(120, { error: "tooLong120" })).max(20, { error: "tooManyAuthors" }));

export const ZReference = z
  .string()
  .trim()
  .toUpperCase()
  .max(40, { error: "referenceInvalid" })
  .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, { error: "referenceInvalid" });

export const ZBody = z.string({ error: "required" }).min(1, { error: "required" }).max(MAX_BODY_CHARS, { error: "bodyTooLong" });

const ZDraftFields = {
  title: text(200, "tooLong200", 3),
  abstract: text(2000, "tooLong2000"),
  topics: ZTopics,
  language: z.enum(draftLanguages, { error: "languageInvalid" }),
  authors: ZAuthors,
  body: ZBody,
};

export const ZCreateDraftInput = z.object({
  organisationId: z.string().min(1),
  reference: z.union([z.literal(""), ZReference]).default(""),
  ...ZDraftFields,
});
export type TCreateDraftInput = z.infer<typeof ZCreateDraftInput>;

/** Editing the working copy; once published, saving a revision needs a change note. */
export const ZUpdateDraftInput = z.object({
  draftId: z.string().min(1),
  ...ZDraftFields,
  changeNote: z.string().trim().max(2000, { error: "tooLong2000" }).default(""),
});
export type TUpdateDraftInput = z.infer<typeof ZUpdateDraftInput>;

const ZTimeZone = z.string().trim().refine(isTimeZone, { error: "timeZoneInvalid" });
const ZLocalDateTime = z.string({ error: "required" }).trim().min(1, { error: "required" });

/** Opening for comment: local date-times in the organisation's zone, closing after opening. */
export const ZOpenDraftInput = z
  .object({
    draftId: z.string().min(1),
    opensAt: z.string().trim().default(""),
    closesAt: ZLocalDateTime,
    timeZone: ZTimeZone,
  })
  .transform((v, ctx) => {
    const opensAt = v.opensAt ? zonedToUtc(v.opensAt, v.timeZone) : null;
    const closesAt = zonedToUtc(v.closesAt, v.timeZone);
    if (v.opensAt && !opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "dateInvalid" });
    if (!closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "dateInvalid" });
    else if (closesAt.getTime() <= (opensAt ?? new Date()).getTime())
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: opensAt ? "closesBeforeOpens" : "closesInPast" });
    return { draftId: v.draftId, opensAt, closesAt: closesAt ?? new Date(0), timeZone: v.timeZone };
  });
export type TOpenDraftInput = z.infer<typeof ZOpenDraftInput>;

/**
 * Extending the comment period: a new closing time on the wall clock of the chosen zone (the
 * draft's own zone when none is sent). Every problem the form can see is reported at once: an
 * unreadable or past closing time together with a missing note; "not later than the current
 * closing" needs the draft and is checked by extendDraft.
 */
export const ZExtendDraftInput = z
  .object({
    draftId: z.string().min(1),
    closesAt: ZLocalDateTime,
    timeZone: z.string().trim().default("").refine((v) => v === "" || isTimeZone(v), { error: "timeZoneInvalid" }),
    note: text(500, "tooLong500", 3),
  })
  .superRefine((v, ctx) => {
    if (typeof v.closesAt !== "string" || !v.closesAt) return;
    const closesAt = zonedToUtc(v.closesAt, v.timeZone && isTimeZone(v.timeZone) ? v.timeZone : "UTC");
    if (!closesAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "dateInvalid" });
    // Checked against the zone sent (or UTC): a time a few hours ahead is left to extendDraft, which knows the draft's zone.
    else if (v.timeZone && closesAt.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "extensionNotLater" });
  });
export type TExtendDraftInput = z.infer<typeof ZExtendDraftInput>;

/**
 * Closing early, finalising or withdrawing a draft: none can be undone, so the form carries a
 * confirmation checkbox "confirm" (sent as "on") that the server requires; without it the message is
 * `confirmCLOSED` / `confirmFINAL` / `confirmWITHDRAWN` and nothing changes.
 */
export const ZDraftTransitionInput = z
  .object({
    draftId: z.string().min(1),
    to: z.enum(["CLOSED", "FINAL", "WITHDRAWN"]),
    note: z.string().trim().max(500, { error: "tooLong500" }).default(""),
    confirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.confirm !== "on") ctx.addIssue({ code: "custom", path: ["confirm"], message: `confirm${v.to}` });
  });
export type TDraftTransitionInput = z.infer<typeof ZDraftTransitionInput>;

export const ZPreviewInput = z.object({ body: z.string().max(MAX_BODY_CHARS, { error: "bodyTooLong" }) });
export type TPreviewInput = z.infer<typeof ZPreviewInput>;

/** Turning pre-moderation of a draft's comments on ("1") or off ("0"). */
export const ZPreModerationInput = z.object({ draftId: z.string().min(1), enabled: z.enum(["1", "0"]) });

export const draftStatuses = ["SCHEDULED", "OPEN", "CLOSED", "FINAL", "WITHDRAWN"] as const;
/** Discovery filters from the query string; anything unreadable is ignored, not an error. */
export const ZDraftListQuery = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  organisation: z.string().trim().max(80).catch("").default(""),
  topic: z.string().trim().toLowerCase().max(40).catch("").default(""),
  status: z.enum(draftStatuses).optional().catch(undefined),
  language: z.enum(draftLanguages).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(20).default(20),
});
export type TDraftListQuery = z.infer<typeof ZDraftListQuery>;
