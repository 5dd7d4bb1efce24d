import { z } from "zod";

/** Messages are keys under "validation". */
export const ZCreateApiTokenInput = z.object({ name: z.string().trim().min(1, { error: "required" }).max(80, { error: "tooLong80" }) });
export type TCreateApiTokenInput = z.infer<typeof ZCreateApiTokenInput>;

export const ZRevokeApiTokenInput = z.object({ tokenId: z.string().min(1).max(64) });
