import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/errors";
import { openDataResponse, type OpenDataFormat } from "./open-data";

import type { openDataApiFormats } from "./schemas";

const formats = { json: "comments.json", csv: "comments.csv", "polis-comments": "polis/comments.csv", "polis-votes": "polis/votes.csv" } as const satisfies Record<(typeof openDataApiFormats)[number], OpenDataFormat>;

/**
 * GET /api/v1/drafts/{ref}/open-data: the same streamed files as /drafts/{ref}/comments.json etc.
 * @throws NotFoundError while the draft's open data is not available (or the draft is unknown/private).
 */
export async function apiOpenData(reference: string, actor: Actor | null, format: keyof typeof formats): Promise<Response> {
  const response = await openDataResponse(reference, actor, formats[format]);
  if (!response) throw new NotFoundError();
  return response;
}
