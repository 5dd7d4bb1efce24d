import { z } from "zod";

/** /profile/contributions and its export: ?consultation=<draft reference or survey slug>&page=N. Junk is ignored. */
export const ZContributionsQuery = z.object({
  consultation: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
    .nullable()
    .optional()
    .catch(null)
    .transform((v) => v || null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type TContributionsQuery = z.output<typeof ZContributionsQuery>;
