import { z } from "zod";
import { ZDefinition } from "./definition";

/** JSON shapes of the survey API, for the OpenAPI document. */
export const ZApiSurvey = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  titleTranslations: z.record(z.string(), z.string()).describe("The title in other languages, keyed by language code (title is the original)"),
  descriptionTranslations: z.record(z.string(), z.string()).describe("The description in other languages, keyed by language code"),
  status: z.enum(["OPEN", "CLOSED"]),
  open: z.boolean(),
  allowAnonymous: z.boolean(),
  demographics: z.array(z.enum(["ageBand", "gender", "country", "group", "education"])),
  organisation: z.object({ slug: z.string(), name: z.string() }),
  draft: z.string().nullable().describe("Reference of the draft the survey belongs to"),
  questions: ZDefinition,
});

export const ZApiNewSurveyResponse = z.object({
  answers: z
    .record(z.string(), z.unknown())
    .describe("Keyed by question id: an option id (single, country), an array of option ids (multiple; the full order for ranking), a number (likert, rating, number) or text; '<id>_other' carries the 'other' text"),
  demographics: z.record(z.string(), z.string()).optional().describe("Anonymous respondents only: ageBand, gender, country, group, education, as the survey asks"),
  language: z.string().optional(),
});
