import { z } from "zod";
import { ZDiscussionFilters } from "@/lib/discussion/schemas";

/** Inputs of the participation domain, shared by the forms, the API and the server. */
export const MAX_COMMENT_CHARS = 10_000;
export const commentKinds = ["SUPPORT", "CONCERN", "QUESTION", "CHANGE"] as const;
export const voteValues = ["AGREE", "DISAGREE", "PASS"] as const;
export const positionValues = ["SUPPORT", "SUPPORT_WITH_CHANGES", "OPPOSE", "NO_POSITION"] as const;

// NUL bytes are refused outright rather than silently stripped: they never come from a person typing.
const noNul = (v: string) => !v.includes("\u0000");

export const ZCommentText = z
  .string({ error: "required" })
  .refine(noNul, { error: "invalidCharacters" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, { error: "required" }).max(MAX_COMMENT_CHARS, { error: "commentTooLong" }));

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const ZAnchor = z.string().regex(/^[ps]-(?:[0-9]+(?:\.[0-9]+)*|x[0-9a-f]{8})(?:-[0-9]+)?$/, { error: "anchorUnknown" });

const commentFields = {
  anchor: z.union([z.literal(""), ZAnchor]).default("").transform((v) => v || null),
  quote: z.string().refine(noNul, { error: "invalidCharacters" }).max(1000, { error: "quoteTooLong" }).default("").transform((v) => v.trim() || null),
  parentId: z.string().max(64).default("").transform((v) => v || null),
  kind: z.union([z.enum(commentKinds, { error: "chooseKind" }), z.literal("")]).default("").transform((v) => v || null),
  body: ZCommentText,
  proposedText: z.string().refine(noNul, { error: "invalidCharacters" }).max(20_000, { error: "proposalTooLong" }).default("").transform((v) => v.trim() || null),
  anonymous: checkbox,
  official: checkbox,
};

function refineComment(v: { parentId: string | null; kind: string | null; proposedText: string | null; anchor: string | null }, ctx: z.RefinementCtx) {
  if (!v.parentId && !v.kind) ctx.addIssue({ code: "custom", path: ["kind"], message: "chooseKind" });
  if (v.kind === "CHANGE" && !v.proposedText) ctx.addIssue({ code: "custom", path: ["proposedText"], message: "proposalRequired" });
  if (v.kind === "CHANGE" && !v.anchor) ctx.addIssue({ code: "custom", path: ["proposedText"], message: "proposalNeedsParagraph" });
}

export const ZCreateCommentInput = z
  .object({
    draftId: z.string().min(1),
    ...commentFields,
    idempotencyKey: z.string().max(100).default("").transform((v) => v || null),
  })
  .superRefine(refineComment);
/** The JSON body of POST /api/v1/drafts/{ref}/comments: the form's fields, the draft from the path. */
export const ZCreateCommentBody = z.object(commentFields).superRefine(refineComment);
export type TCreateCommentInput = z.infer<typeof ZCreateCommentInput>;

export const ZEditCommentInput = z.object({
  commentId: z.string().min(1),
  body: ZCommentText,
  proposedText: z.string().refine(noNul, { error: "invalidCharacters" }).max(20_000, { error: "proposalTooLong" }).default("").transform((v) => v.trim() || null),
});

export const ZCommentIdInput = z.object({ commentId: z.string().min(1) });

export const ZVoteInput = z.object({ commentId: z.string().min(1), value: z.enum(voteValues, { error: "chooseVote" }) });
/** The JSON body of POST /api/v1/comments/{id}/votes. */
export const ZVoteBody = ZVoteInput.pick({ value: true });
export type TVoteInput = z.infer<typeof ZVoteInput>;

export const ZPositionInput = z.object({
  draftId: z.string().min(1),
  section: z.string().regex(/^(?:[0-9]+(?:\.[0-9]+)*)?$/).default(""),
  value: z.enum(positionValues, { error: "choosePosition" }),
});

// sort, kind and group: the discussion page's schema (lib/discussion/schemas.ts); bad values → 422.
export const ZCommentListQuery = ZDiscussionFilters.extend({
  anchor: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(20).default(20),
});
export type TCommentListQuery = z.infer<typeof ZCommentListQuery>;

export const ZFlagInput = z.object({ commentId: z.string().min(1), reason: z.string().trim().min(3, { error: "tooShort3" }).max(500, { error: "tooLong500" }) });

/** The position form: `draftId`, "position" (overall) and "position:<section>" fields; empty clears. */
export const ZPositionsForm = z.object({ draftId: z.string().min(1) }).catchall(z.string().max(40));

/** The positions a submitted position form sets: known values only, well-formed section numbers only. */
export function positionsFromForm(input: z.output<typeof ZPositionsForm>): Array<{ section: string; value: (typeof positionValues)[number] | null }> {
  return Object.entries(input)
    .filter(([k]) => k === "position" || k.startsWith("position:"))
    .map(([k, v]) => ({
      section: k === "position" ? "" : k.slice("position:".length),
      value: (positionValues as readonly string[]).includes(v) ? (v as (typeof positionValues)[number]) : null,
    }))
    .filter((p) => /^(?:[0-9]+(?:\.[0-9]+)*)?$/.test(p.section));
}
