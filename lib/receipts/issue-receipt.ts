import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Prisma as P } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/jobs/outbox";
import { contributionPath } from "./paths";
import { formatTrackingNumber, type ReceiptKindLetter } from "./tracking-number";

/**
 * The next tracking number of a docket and kind: one upsert-increment of the docket's counter row,
 * in the caller's transaction. Concurrent callers queue on that row until the first commits, so no
 * two transactions ever get the same number; a rolled-back transaction gives its number back.
 * @param docket a draft's reference or a standalone survey's slug (any case; stored in capitals)
 */
export async function allocateTrackingNumber(tx: Prisma.TransactionClient, docket: string, kind: ReceiptKindLetter): Promise<string> {
  const key = docket.toUpperCase();
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "TrackingCounter" (docket, kind, last) VALUES (${key}, ${kind}, 1)
    ON CONFLICT (docket, kind) DO UPDATE SET last = "TrackingCounter".last + 1
    RETURNING last`;
  return formatTrackingNumber(key, kind, row!.last);
}

/**
 * Gives a new comment or reply its tracking number and queues the receipt email to its author (a
 * signed-in participant, unless suspended), both in the transaction that creates the comment; call
 * wakeOutbox() after the commit. Call it last in the transaction: the counter row stays locked
 * until the commit.
 * @returns the tracking number, e.g. "GDPF-RFC-2026-004-C-000123"
 */
export async function issueCommentReceipt(tx: Prisma.TransactionClient, commentId: string): Promise<string> {
  const comment = await tx.comment.findUniqueOrThrow({
    where: { id: commentId },
    select: {
      id: true,
      parentId: true,
      anchor: true,
      draft: { select: { id: true, reference: true, title: true, organisationId: true } },
      author: { select: { id: true, email: true, locale: true, suspendedAt: true } },
    },
  });
  const kind = comment.parentId ? "R" : "C";
  const trackingNumber = await allocateTrackingNumber(tx, comment.draft.reference, kind);
  await tx.comment.update({ where: { id: comment.id }, data: { trackingNumber } });
  if (!comment.author.suspendedAt) {
    await enqueueEmail(tx, {
      kind: "receipt",
      to: comment.author.email,
      userId: comment.author.id,
      locale: comment.author.locale,
      organisationId: comment.draft.organisationId,
      draftId: comment.draft.id,
      values: {
        path: contributionPath({ type: kind === "C" ? "comment" : "reply", reference: comment.draft.reference, anchor: comment.anchor, commentId: comment.id }),
        trackingNumber,
        kind,
        title: comment.draft.title,
        reference: comment.draft.reference,
      },
    });
  }
  return trackingNumber;
}

/**
 * The SQL pieces that number a survey answer inside the one statement that stores it
 * (lib/surveys/submit-response.ts): a `receipt_counter` CTE that takes the next number when `guard`
 * holds (the answer will be stored), the expression giving the new number, and a
 * `receipt_mail` CTE that queues the receipt email for a signed-in respondent. `response` must be a
 * CTE returning the stored answer's "userId" and "trackingNumber".
 */
export function surveyReceiptSql(o: { docket: string; guard: Prisma.Sql; surveyTitle: string; organisationId: string; draftId: string | null }) {
  const docket = o.docket.toUpperCase();
  // One sequence for every survey's answers, not the docket's counter row: under a viral survey's
  // load every answer would queue on that row's lock. Unique and increasing; gaps between a
  // docket's numbers are expected (migration 20261130135500_survey_tracking_sequence).
  const counter = P.sql`receipt_counter AS (
      SELECT nextval('"SurveyTrackingNumber_seq"') AS last WHERE ${o.guard})`;
  const number = P.sql`(SELECT ${docket} || '-S-' || lpad(last::text, greatest(6, length(last::text)), '0') FROM receipt_counter)`;
  const mail = P.sql`receipt_mail AS (
      INSERT INTO "OutboxEmail" (id, kind, "to", "userId", locale, "values", "organisationId", "draftId", "runAt", "createdAt")
      SELECT 'ob_' || replace(gen_random_uuid()::text, '-', ''), 'receipt', u.email, u.id, u.locale,
             jsonb_build_object('path', '/receipts/' || r."trackingNumber", 'trackingNumber', r."trackingNumber", 'kind', 'S', 'title', ${o.surveyTitle}::text, 'reference', ${docket}::text),
             ${o.organisationId}, ${o.draftId}, now(), now()
      FROM response r JOIN "User" u ON u.id = r."userId"
      WHERE r."trackingNumber" IS NOT NULL AND u."suspendedAt" IS NULL
      RETURNING id)`;
  return { counter, number, mail };
}
