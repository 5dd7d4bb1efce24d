import { z } from "zod";

/** GET /api/v1/receipts/{trackingNumber}: the path. */
export const ZReceiptParams = z.object({ trackingNumber: z.string().min(1).max(160) });

/** GET /api/v1/receipts/{trackingNumber}: the body (lib/receipts/lookup-receipt.ts `Receipt`). */
export const ZApiReceipt = z.object({
  trackingNumber: z.string().describe("e.g. GDPF-RFC-2026-004-C-000123"),
  kind: z.enum(["comment", "reply", "surveyAnswer"]),
  status: z.enum(["published", "pending", "hidden", "withdrawn", "counted", "rejected"]).describe("pending: awaiting moderation (comments) or held for review (survey answers)"),
  hiddenReason: z.string().nullable().describe("The moderator's public reason, for a hidden comment"),
  submittedAt: z.string().describe("ISO 8601"),
  consultation: z.object({ reference: z.string(), title: z.string(), language: z.string(), path: z.string() }),
  path: z.string().nullable().describe("Where the contribution is shown on the site, when it is public"),
  disposition: z
    .object({
      value: z.enum(["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"]),
      response: z.string(),
      scope: z.enum(["comment", "campaign", "theme"]),
      changedAt: z.object({ version: z.number().int(), anchor: z.string(), path: z.string() }).nullable(),
    })
    .nullable()
    .describe("What the organisation did with it, once decided"),
});
