import { z } from "zod";

/** Path and header schemas shared by the public API's endpoints (see lib/api/endpoints.ts). */
export const ZReference = z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
export const ZRefParams = z.object({ ref: ZReference });
export const ZVersionParams = z.object({ ref: ZReference, n: z.string().regex(/^\d{1,4}$/).transform(Number) });
export const ZIdParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
export const ZSlugParams = z.object({ slug: z.string().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/) });

/** An Idempotency-Key header: printable ASCII, 1–100 characters. */
export const ZIdempotencyKey = z.string({ error: "idempotencyKeyRequired" }).regex(/^[\x21-\x7E]{1,100}$/, { error: "idempotencyKeyInvalid" });

export const ZOptionalVersionQuery = z.object({ version: z.coerce.number().int().min(1).max(9999).optional() });
export const ZDiffQuery = z.object({
  from: z.coerce.number({ error: "versionNumberRequired" }).int().min(0).max(9999),
  to: z.coerce.number({ error: "versionNumberRequired" }).int().min(0).max(9999),
});
export const ZPageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) });
