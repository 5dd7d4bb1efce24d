import { json, notFoundJson, parseVersionNumber } from "@/lib/api/respond";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { ZApiSummary } from "@/lib/summaries/api-schemas";
import { getPublishedSummary } from "@/lib/summaries/publish";

type Ctx = { params: Promise<{ ref: string }> };

/** GET /api/v1/drafts/{ref}/summary[?version=N] — the published summary of responses. */
export async function GET(request: Request, { params }: Ctx) {
  const version = parseVersionNumber(new URL(request.url).searchParams.get("version"));
  try {
    const summary = await getPublishedSummary(decodeURIComponent((await params).ref), await getCurrentUser(), version ?? undefined);
    return json(ZApiSummary.parse({
      reference: summary.draft.reference,
      version: summary.number,
      publishedAt: summary.publishedAt.toISOString(),
      note: summary.note,
      versions: summary.versions.map((v) => ({ version: v.number, publishedAt: v.publishedAt.toISOString() })),
      ...summary.content,
    }));
  } catch (error) {
    if (error instanceof AppError) return notFoundJson();
    throw error;
  }
}
