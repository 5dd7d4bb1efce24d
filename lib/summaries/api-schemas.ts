import { z } from "zod";

/** The published summary's JSON shape (GET /api/v1/drafts/{ref}/summary): serialises the response and documents it. */
const Tally = z.object({ agree: z.number().int(), disagree: z.number().int(), pass: z.number().int() });
const Representation = z.object({ key: z.string(), count: z.number().int(), share: z.number(), status: z.enum(["ok", "missing", "under"]) });
const Disposition = z.enum(["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"]);
const Statement = z.object({
  commentId: z.string(),
  text: z.string(),
  anchor: z.string().nullable(),
  votes: Tally,
  minAgree: z.number().describe("Lowest share of agreement among the groups"),
  spread: z.number().describe("Highest minus lowest share of agreement among the groups"),
  groups: z.record(z.string(), Tally).describe("Votes per opinion group (0, 1, …) or per declared stakeholder group"),
});

export const ZApiSummary = z.object({
  reference: z.string().meta({ example: "GDPF-RFC-2026-004" }),
  version: z.number().int().describe("Published summary version, 1, 2, …"),
  publishedAt: z.iso.datetime(),
  note: z.string(),
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.iso.datetime() })),
  draft: z.object({ reference: z.string(), title: z.string(), organisation: z.string() }),
  generatedAt: z.string(),
  participation: z.object({
    participants: z.number().int(),
    comments: z.number().int(),
    replies: z.number().int(),
    votes: z.number().int(),
    positions: z.number().int(),
    groups: z.array(Representation).describe("By declared stakeholder group, with under-representation status"),
    regions: z.array(Representation).describe("By continent of the declared country"),
    undeclaredGroup: z.number().int(),
    unknownRegion: z.number().int(),
  }),
  positions: z.record(z.string(), z.record(z.string(), z.number().int())).describe('Positions per section ("" is the whole draft) and value'),
  themes: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      customLabel: z.string().nullable().describe("The moderators' name for the theme"),
      suggestedLabel: z.string().nullable().optional().describe("A label suggested by the optional language model, when configured"),
      keyPhrases: z.array(z.string()),
      comments: z.number().int().describe("Comments, counting every signature of a campaign"),
      voices: z.number().int().describe("Distinct voices: a campaign counts once"),
      stance: z.record(z.string(), z.number().int()).describe("Comments by kind: support, concern, question, proposed change, none"),
      votes: Tally.optional().describe("Votes cast on the theme's comments"),
      groups: z.record(z.string(), z.number().int()),
      quotes: z.array(z.object({ id: z.string(), anchor: z.string().nullable(), text: z.string() })),
      disposition: z.object({ value: Disposition, response: z.string(), versionNumber: z.number().int().nullable(), anchor: z.string().nullable() }).nullable(),
    }),
  ),
  campaigns: z.array(z.object({ id: z.string(), signatures: z.number().int(), text: z.string(), anchor: z.string().nullable(), themeId: z.string() })),
  opinionGroups: z.array(
    z.object({
      index: z.number().int(),
      size: z.number().int(),
      distinctive: z.array(z.object({ statementId: z.string(), direction: z.enum(["agree", "disagree"]), inGroup: z.number(), others: z.number(), text: z.string(), anchor: z.string().nullable() })),
    }),
  ),
  opinionMap: z.array(z.object({ x: z.number(), y: z.number(), group: z.number().int() })),
  opinionStats: z.object({ considered: z.number().int(), leftOut: z.number().int(), silhouette: z.number(), explainedVariance: z.array(z.number()) }).nullable(),
  consensus: z.array(Statement),
  divisive: z.array(Statement),
  bridging: z.array(Statement),
  split: z.array(Statement),
  dispositionProgress: z.object({ total: z.number().int(), open: z.number().int(), decided: z.number().int(), byValue: z.record(z.string(), z.number().int()) }),
  dispositions: z.array(z.object({ commentId: z.string(), text: z.string(), anchor: z.string().nullable(), value: Disposition, response: z.string(), changedAt: z.object({ version: z.number().int(), anchor: z.string() }).nullable() })),
  provenance: z.object({
    analysisVersion: z.string().nullable(),
    settings: z.unknown(),
    runId: z.string().nullable(),
    cutoffAt: z.string().nullable(),
    commentsAnalysed: z.number().int(),
    votesAnalysed: z.number().int(),
    edits: z.array(z.object({ action: z.string(), detail: z.unknown(), by: z.string().nullable(), at: z.string() })),
  }),
});
