import "server-only";
import { prisma } from "@/lib/db/client";
import { consumeLimit } from "@/lib/rate-limit/limits";
import { contributionPath } from "./paths";
import { parseTrackingNumber } from "./tracking-number";

export type ReceiptStatus = "published" | "pending" | "hidden" | "withdrawn" | "counted" | "rejected";
export type ReceiptDisposition = {
  value: "ACCEPTED" | "PARTLY_ACCEPTED" | "NOT_ACCEPTED" | "NOTED";
  /** The organisation's public response. */
  response: string;
  /** "comment": decided for this comment; "campaign": for the campaign it belongs to; "theme": for its theme. */
  scope: "comment" | "campaign" | "theme";
  /** Where the text changed: a paragraph of a later version. */
  changedAt: { version: number; anchor: string; path: string } | null;
};

/** What anyone may know about a tracking number: never the author, never a hidden comment's text. */
export type Receipt = {
  trackingNumber: string;
  kind: "comment" | "reply" | "surveyAnswer";
  status: ReceiptStatus;
  /** The moderator's public reason, for a hidden comment. */
  hiddenReason: string | null;
  /** ISO 8601 (UTC). */
  submittedAt: string;
  consultation: { reference: string; title: string; language: string; path: string };
  /** The contribution's place on the site, when the public can see it there. */
  path: string | null;
  disposition: ReceiptDisposition | null;
};

type CommentRow = {
  id: string;
  parentId: string | null;
  anchor: string | null;
  status: "PENDING" | "PUBLISHED" | "HIDDEN" | "WITHDRAWN";
  moderationNote: string | null;
  createdAt: Date;
  reference: string;
  title: string;
  language: string;
  dValue: ReceiptDisposition["value"] | null;
  dResponse: string | null;
  dVersion: number | null;
  dAnchor: string | null;
  dScope: ReceiptDisposition["scope"] | null;
};

const commentStatus = { PUBLISHED: "published", PENDING: "pending", HIDDEN: "hidden", WITHDRAWN: "withdrawn" } as const;
const answerStatus = { COUNTED: "counted", HELD: "pending", REJECTED: "rejected" } as const;

/**
 * Looks a tracking number up, after spending one point of the per-address lookup limit (so numbers
 * cannot be enumerated quickly). The disposition is the comment's own, else its campaign's, else its
 * theme's (as in the published summary); replies and survey answers have none.
 * @param input what the person typed (spaces and case do not matter)
 * @param address the client's address for the limit (null: not limited, e.g. in tests)
 * @returns the receipt, or null for a number that does not exist
 * @throws RateLimitedError past the limit (→ 429 with Retry-After)
 */
export async function lookupReceipt(input: string, address: string | null): Promise<Receipt | null> {
  await consumeLimit("receiptLookup", address);
  const parsed = parseTrackingNumber(input);
  if (!parsed) return null;
  if (parsed.kind === "S") return lookupSurveyAnswer(parsed.trackingNumber);
  const [c] = await prisma.$queryRaw<CommentRow[]>`
    SELECT c.id, c."parentId", c.anchor, c.status::text AS status, c."moderationNote", c."createdAt", d.reference, d.title, d.language,
           coalesce(own.value, camp.value, th.value)::text AS "dValue",
           coalesce(own.response, camp.response, th.response) AS "dResponse",
           coalesce(own."versionNumber", camp."versionNumber", th."versionNumber") AS "dVersion",
           coalesce(own.anchor, camp.anchor, th.anchor) AS "dAnchor",
           CASE WHEN own.id IS NOT NULL THEN 'comment' WHEN camp.id IS NOT NULL THEN 'campaign' WHEN th.id IS NOT NULL THEN 'theme' END AS "dScope"
    FROM "Comment" c
    JOIN "Draft" d ON d.id = c."draftId"
    LEFT JOIN "Disposition" own ON own."commentId" = c.id AND c."parentId" IS NULL
    LEFT JOIN "ThemeComment" m ON m."commentId" = c.id AND c."parentId" IS NULL
    LEFT JOIN "Disposition" camp ON camp."commentId" = m."campaignId" AND m."campaignId" <> c.id
    LEFT JOIN "Disposition" th ON th."themeId" = m."themeId"
    WHERE c."trackingNumber" = ${parsed.trackingNumber}`;
  if (!c) return null;
  const status = commentStatus[c.status];
  const draftPath = `/drafts/${encodeURIComponent(c.reference)}`;
  return {
    trackingNumber: parsed.trackingNumber,
    kind: c.parentId ? "reply" : "comment",
    status,
    hiddenReason: c.status === "HIDDEN" ? (c.moderationNote ?? "") : null,
    submittedAt: c.createdAt.toISOString(),
    consultation: { reference: c.reference, title: c.title, language: c.language, path: draftPath },
    path: status === "pending" ? null : contributionPath({ type: c.parentId ? "reply" : "comment", reference: c.reference, anchor: c.anchor, commentId: c.id }),
    disposition:
      c.dValue && c.dScope
        ? {
            value: c.dValue,
            response: c.dResponse ?? "",
            scope: c.dScope,
            changedAt: c.dVersion !== null && c.dAnchor ? { version: c.dVersion, anchor: c.dAnchor, path: `${draftPath}/versions/${c.dVersion}#${c.dAnchor}` } : null,
          }
        : null,
  };
}

async function lookupSurveyAnswer(trackingNumber: string): Promise<Receipt | null> {
  const r = await prisma.surveyResponse.findUnique({
    where: { trackingNumber },
    select: { status: true, createdAt: true, survey: { select: { slug: true, title: true, draft: { select: { reference: true, language: true } } } } },
  });
  if (!r) return null;
  const path = `/s/${encodeURIComponent(r.survey.slug)}`;
  return {
    trackingNumber,
    kind: "surveyAnswer",
    status: answerStatus[r.status],
    hiddenReason: null,
    submittedAt: r.createdAt.toISOString(),
    consultation: { reference: r.survey.draft?.reference ?? r.survey.slug, title: r.survey.title, language: r.survey.draft?.language ?? "", path },
    path: null,
    disposition: null,
  };
}

/**
 * The survey's thanks message shows the number from its redirect only if it is one of this survey's
 * answers (so a crafted link cannot show some other text as a tracking number).
 * @returns the normalised number, or null
 */
export async function surveyAnswerNumber(surveyId: string, input: string): Promise<string | null> {
  const parsed = parseTrackingNumber(input);
  if (!parsed || parsed.kind !== "S") return null;
  const row = await prisma.surveyResponse.findUnique({ where: { trackingNumber: parsed.trackingNumber }, select: { surveyId: true } });
  return row?.surveyId === surveyId ? parsed.trackingNumber : null;
}
