import { z } from "zod";

/**
 * A survey's questions: the one schema the builder, the answer form, the API and the server share.
 * Texts are translatable: one string per language, English required.
 */
export const questionTypes = ["single", "multiple", "likert", "rating", "ranking", "shortText", "longText", "country", "number"] as const;
export type QuestionType = (typeof questionTypes)[number];
export const surveyLanguages = ["en", "fr", "es", "ar", "zh", "ru"] as const;
export const demographicFields = ["ageBand", "gender", "country", "group", "education"] as const;

const ZText = z
  .object({ en: z.string().trim().min(1, { error: "required" }).max(500, { error: "tooLong500" }) })
  .catchall(z.string().trim().max(500, { error: "tooLong500" }));
const ZOptionalText = z.record(z.string(), z.string().trim().max(1000, { error: "tooLong2000" })).default({});
const ZId = z.string().regex(/^[a-z0-9_-]{1,40}$/i, { error: "idInvalid" });

export const ZQuestion = z
  .object({
    id: ZId,
    type: z.enum(questionTypes),
    required: z.boolean().default(false),
    text: ZText,
    help: ZOptionalText,
    options: z.array(z.object({ id: ZId, label: ZText })).max(50).default([]),
    other: z.boolean().default(false),
    minPicks: z.number().int().min(0).optional(),
    maxPicks: z.number().int().min(1).optional(),
    scale: z.union([z.literal(5), z.literal(7)]).default(5),
    scaleLabels: z.object({ min: ZOptionalText, max: ZOptionalText }).default({ min: {}, max: {} }),
    min: z.number().optional(),
    max: z.number().optional(),
    showIf: z.object({ questionId: ZId, optionId: ZId }).nullable().default(null),
  })
  .superRefine((q, ctx) => {
    if ((q.type === "single" || q.type === "multiple" || q.type === "ranking") && q.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "needTwoOptions" });
    if (new Set(q.options.map((o) => o.id)).size !== q.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "duplicateOption" });
    if (q.minPicks !== undefined && q.maxPicks !== undefined && q.minPicks > q.maxPicks) ctx.addIssue({ code: "custom", path: ["maxPicks"], message: "minAboveMax" });
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) ctx.addIssue({ code: "custom", path: ["max"], message: "minAboveMax" });
  });
export type Question = z.infer<typeof ZQuestion>;

export const ZDefinition = z
  .array(ZQuestion)
  .max(100, { error: "tooManyQuestions" })
  .superRefine((qs, ctx) => {
    const seen = new Map<string, number>();
    qs.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: "duplicateQuestion" });
      seen.set(q.id, i);
    });
    qs.forEach((q, i) => {
      if (!q.showIf) return;
      const target = seen.get(q.showIf.questionId);
      const source = target === undefined ? undefined : qs[target];
      // Skip logic points back to an earlier choice question and one of its options.
      if (!source || target! >= i || (source.type !== "single" && source.type !== "multiple") || !source.options.some((o) => o.id === q.showIf!.optionId))
        ctx.addIssue({ code: "custom", path: [i, "showIf"], message: "skipLogicInvalid" });
    });
  });
export type Definition = z.infer<typeof ZDefinition>;

/** A question's text in the reader's language, falling back to English. */
export function localized(text: Record<string, string> | undefined, locale: string): string {
  return (text?.[locale] || text?.en) ?? "";
}

/** A survey's title or description in other languages ({"fr": "…"}); anything unreadable counts as none. */
export const ZTranslations = z.record(z.string(), z.string()).catch({});
export type Translations = z.infer<typeof ZTranslations>;

/**
 * A survey's title or description in the reader's language: its translation when there is one,
 * else the original text as written (whatever language that is).
 */
export function translated(original: string, translations: unknown, locale: string): string {
  const map = ZTranslations.parse(translations ?? {});
  return map[locale]?.trim() || original;
}
