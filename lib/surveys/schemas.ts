import { z } from "zod";
import { demographicFields } from "./definition";

/** Editor inputs for surveys (the question definition itself is ZDefinition). */
export const ZCreateSurveyInput = z.object({
  organisationId: z.string().min(1),
  title: z.string().trim().min(3, { error: "tooShort3" }).max(200, { error: "tooLong200" }),
  draftReference: z.string().trim().max(40).default(""),
  permanent: z.union([z.literal("on"), z.literal("")]).optional().transform((v) => v === "on"),
});

const checkbox = z.union([z.literal("on"), z.literal("")]).optional().transform((v) => v === "on");

export const ZSaveSurveyInput = z.object({
  surveyId: z.string().min(1),
  title: z.string().trim().min(3, { error: "tooShort3" }).max(200, { error: "tooLong200" }),
  description: z.string().trim().max(2000, { error: "tooLong2000" }).default(""),
  allowAnonymous: checkbox,
  publicResults: checkbox,
  demographics: z.string().default("").transform((v) => v.split(",").filter((d): d is (typeof demographicFields)[number] => (demographicFields as readonly string[]).includes(d))),
  definition: z.string().max(500_000, { error: "definitionTooLarge" }),
});

export const ZSurveyStatusInput = z.object({ surveyId: z.string().min(1), status: z.enum(["OPEN", "CLOSED"]) });

export const ZResultsFilter = z.object({
  group: z.string().max(40).optional().catch(undefined),
  country: z.string().max(2).optional().catch(undefined),
  ageBand: z.string().max(20).optional().catch(undefined),
  gender: z.string().max(20).optional().catch(undefined),
  education: z.string().max(20).optional().catch(undefined),
});
export type TResultsFilter = z.infer<typeof ZResultsFilter>;

/** The JSON body of POST /api/v1/surveys/{slug}/responses (answers are checked against the survey's definition). */
export const ZSurveyResponseBody = z.object({
  answers: z.record(z.string().max(100), z.unknown(), { error: "answersRequired" }),
  demographics: z.record(z.string().max(40), z.string().max(200)).optional().default({}),
  language: z.string().max(5).optional().default("en"),
});
