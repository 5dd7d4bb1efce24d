import { z } from "zod";

/**
 * The public read API's JSON shapes (/api/v1/drafts…). They serialise responses and generate the
 * OpenAPI document, so the documentation cannot drift from what the API returns.
 */
const Status = z.enum(["SCHEDULED", "OPEN", "CLOSED", "FINAL", "WITHDRAWN", "DRAFT"]).describe("draft: private to the organisation; scheduled: upcoming");
const DateTime = z.iso.datetime().describe("ISO 8601, UTC");

export const ZApiDraftSummary = z.object({
  reference: z.string().meta({ example: "GDPF-RFC-2026-004" }),
  title: z.string(),
  abstract: z.string(),
  topics: z.array(z.string()),
  language: z.string().meta({ example: "en" }),
  status: Status,
  opensAt: DateTime.nullable(),
  closesAt: DateTime.nullable(),
  currentVersion: z.number().int().nullable(),
  organisation: z.object({ slug: z.string(), name: z.string() }),
  url: z.string(),
});

export const ZApiDraftList = z.object({
  data: z.array(ZApiDraftSummary),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});

export const ZApiParagraph = z.object({
  anchor: z.string().meta({ example: "p-3.2" }).describe("Stable across versions while the paragraph is unchanged or lightly edited"),
  number: z.string().meta({ example: "3.2" }),
  section: z.string(),
  kind: z.enum(["heading", "paragraph", "list", "quote", "code", "table"]),
  level: z.number().int(),
  text: z.string(),
  html: z.string().describe("Sanitised HTML"),
  url: z.string(),
});

export const ZApiSection = z.object({ anchor: z.string(), number: z.string(), title: z.string(), level: z.number().int() });

export const ZApiVersion = z.object({
  number: z.number().int(),
  label: z.string().meta({ example: "GDPF-RFC-2026-004-01" }),
  title: z.string(),
  abstract: z.string(),
  changeNote: z.string(),
  publishedAt: DateTime,
  wordCount: z.number().int(),
  sections: z.array(ZApiSection),
  paragraphs: z.array(ZApiParagraph),
});

export const ZApiDraftDetail = ZApiDraftSummary.extend({
  authors: z.array(z.string()),
  timeZone: z.string(),
  originalClosesAt: DateTime.nullable(),
  extensionNote: z.string().nullable(),
  versions: z.array(z.object({ number: z.number().int(), changeNote: z.string(), publishedAt: DateTime, url: z.string() })),
  version: ZApiVersion.nullable().describe("The current version"),
});

export const ZApiWordChange = z.object({ type: z.enum(["same", "added", "removed"]), text: z.string() });
export const ZApiBlockDiff = z.object({
  type: z.enum(["same", "changed", "moved", "added", "removed"]).describe("moved: the block stands elsewhere (fromNumber → toNumber), with any word changes"),
  kind: z.enum(["heading", "paragraph", "list", "quote", "code", "table"]),
  fromAnchor: z.string().optional(),
  toAnchor: z.string().optional(),
  fromNumber: z.string().nullable().optional(),
  toNumber: z.string().nullable().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  text: z.string().optional(),
  words: z.array(ZApiWordChange).optional(),
});
export const ZApiDiff = z.object({
  reference: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(ZApiBlockDiff),
});

export const ZApiError = z.object({
  error: z.object({
    code: z.string().describe("Stable machine-readable code"),
    message: z.string().describe("What happened and what to do, in the language of Accept-Language or the NEXT_LOCALE cookie"),
    fields: z.record(z.string(), z.string()).optional().describe("422 only: a message per invalid field"),
  }),
});
