import { z } from "zod";
import { demographicFields } from "./definition";
import { ageBands, educationLevels, genders, stakeholderGroups } from "./demographics";

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

// Filters come from the query string: anything that is not one of the known values (a NUL byte,
// an over-long value, a typo) is dropped rather than sent to the database.
export const ZResultsFilter = z.object({
  group: z.enum(stakeholderGroups).optional().catch(undefined),
  country: z.string().regex(/^[A-Za-z]{2}$/).transform((v) => v.toUpperCase()).optional().catch(undefined),
  ageBand: z.enum(ageBands).optional().catch(undefined),
  gender: z.enum(genders).optional().catch(undefined),
  education: z.enum(educationLevels).optional().catch(undefined),
});
export type TResultsFilter = z.infer<typeof ZResultsFilter>;

/**
 * An anonymous respondent's device token (the `parley_device` cookie or the API's X-Device-Token
 * header): a UUID, 36 characters, as `crypto.randomUUID()` makes it.
 */
export const ZDeviceToken = z.string().length(36, { error: "deviceTokenInvalid" }).pipe(z.uuid({ error: "deviceTokenInvalid" }));

/** The answer form's fixed fields (the answers themselves are checked against the definition). */
export const ZSubmitAnswerForm = z.object({
  slug: z.string().min(1).max(80),
  idempotencyKey: z.string().max(100).optional().default(""),
  embed: z.string().optional().transform((v) => v === "1"),
});

/** A survey manager's decision on held answers: some (by id) or all of them. */
export const ZReviewHeldInput = z.object({
  surveyId: z.string().min(1).max(40),
  decision: z.enum(["accept", "reject"]),
  responseId: z.string().max(40).optional().default(""),
});
export type TReviewHeldInput = z.infer<typeof ZReviewHeldInput>;

/** What the answer form's action returns: errors keyed by question id, and what was typed. */
export type SurveyFormState = { status: "idle" | "error"; errors?: Record<string, string>; formError?: string; values?: Record<string, string[]> };
/** The JSON body of POST /api/v1/surveys/{slug}/responses (answers are checked against the survey's definition). */
export const ZSurveyResponseBody = z.object({
  answers: z.record(z.string().max(100), z.unknown(), { error: "answersRequired" }),
  demographics: z.record(z.string().max(40), z.string().max(200)).optional().default({}),
  language: z.string().max(5).optional().default("en"),
});
