import { z } from "zod";
import { StakeholderGroup } from "@/lib/generated/prisma/enums";
import { isCountryCode } from "./countries";

export const stakeholderGroups = Object.values(StakeholderGroup);

/** Profile form and server share this schema; messages are keys under "validation". */
export const ZProfileInput = z.object({
  name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(80, { error: "tooLong80" }),
  stakeholderGroup: z.enum(StakeholderGroup, { error: "chooseGroup" }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === "" || isCountryCode(v), { error: "countryInvalid" })
    .transform((v) => (v === "" ? null : v)),
  affiliation: z
    .string()
    .trim()
    .max(120, { error: "tooLong120" })
    .default("")
    .transform((v) => (v === "" ? null : v)),
  speaksForOrganisation: z
    .enum(["on", "true", "false", ""])
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type TProfileInput = z.infer<typeof ZProfileInput>;
