import { z } from "zod";
import { isCountryCode } from "@/lib/users/countries";

/** The optional demographic questions a survey may ask anonymous respondents. */
export const ageBands = ["under18", "18-24", "25-34", "35-44", "45-54", "55-64", "65plus"] as const;
export const genders = ["woman", "man", "nonBinary", "selfDescribed", "preferNot"] as const;
export const educationLevels = ["primary", "secondary", "tertiary", "postgraduate", "none"] as const;
export const stakeholderGroups = ["GOVERNMENT", "INTERGOVERNMENTAL", "CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY", "INDIVIDUAL"] as const;

const optional = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.literal("")]).optional().transform((v) => v || null);

export const ZDemographics = z.object({
  ageBand: optional(ageBands),
  gender: optional(genders),
  education: optional(educationLevels),
  group: optional(stakeholderGroups),
  country: z
    .string()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine((v) => v === null || isCountryCode(v), { error: "countryInvalid" }),
});
export type Demographics = z.infer<typeof ZDemographics>;
