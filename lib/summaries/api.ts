import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { ZApiSummary } from "./api-schemas";
import { getPublishedSummary } from "./publish";

/**
 * GET /api/v1/drafts/{ref}/summary: the published summary (latest or `version`), shaped by ZApiSummary.
 * @throws NotFoundError when there is none or the draft is not readable by `actor`.
 */
export async function apiGetPublishedSummary(reference: string, actor: Actor | null, version?: number) {
  const summary = await getPublishedSummary(reference, actor, version);
  return ZApiSummary.parse({
    reference: summary.draft.reference,
    version: summary.number,
    publishedAt: summary.publishedAt.toISOString(),
    note: summary.note,
    versions: summary.versions.map((v) => ({ version: v.number, publishedAt: v.publishedAt.toISOString() })),
    ...summary.content,
  });
}
