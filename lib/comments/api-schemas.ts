import { z } from "zod";
import { ZApiAttachment } from "@/lib/attachments/api-schemas";
import { commentKinds, voteValues } from "./schemas";

/** JSON shapes of the comments API, used for the OpenAPI document. */
const Group = z.enum(["GOVERNMENT", "INTERGOVERNMENTAL", "CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY", "INDIVIDUAL"]).nullable();

export const ZApiComment = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  anchor: z.string().nullable().describe("Paragraph anchor (p-3.2); null for a comment on the whole draft"),
  quote: z.string().nullable(),
  versionNumber: z.number().int().describe("The version the comment was written on"),
  kind: z.enum(commentKinds).nullable(),
  body: z.string().describe("Markdown subset"),
  proposedText: z.string().nullable(),
  official: z.boolean(),
  author: z.object({ name: z.string().nullable(), anonymous: z.boolean(), stakeholderGroup: Group, country: z.string().nullable(), affiliation: z.string().nullable() }),
  votes: z.object({ agree: z.number().int(), disagree: z.number().int(), pass: z.number().int() }),
  replyCount: z.number().int(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  attachments: z.array(ZApiAttachment).describe("Files the author attached (download with each url)"),
});

export const ZApiCommentList = z.object({ data: z.array(ZApiComment), page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pageCount: z.number().int() });

export const ZApiNewComment = z.object({
  anchor: z.string().optional().describe("Paragraph anchor; omit for a general comment"),
  quote: z.string().max(1000).optional(),
  parentId: z.string().optional().describe("Reply to this comment"),
  kind: z.enum(commentKinds).optional().describe("Required for a top-level comment"),
  body: z.string().min(1).max(10_000),
  proposedText: z.string().max(20_000).optional().describe("Required when kind is CHANGE"),
  anonymous: z.boolean().optional(),
});

export const ZApiCreatedComment = z.object({ id: z.string(), status: z.enum(["PUBLISHED", "PENDING"]), anchor: z.string().nullable(), parentId: z.string().nullable() });
export const ZApiNewVote = z.object({ value: z.enum(voteValues) });
export const ZApiVoteResult = z.object({ commentId: z.string(), value: z.enum(voteValues), totals: z.object({ agree: z.number().int(), disagree: z.number().int(), pass: z.number().int() }) });
