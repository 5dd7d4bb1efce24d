import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getPublishedSummary } from "@/lib/summaries/publish";
import { parseVersionNumber } from "@/lib/api/respond";

type Ctx = { params: Promise<{ ref: string }> };

/** The published summary (latest, or ?v=N) as JSON, for download. */
export async function GET(request: Request, { params }: Ctx) {
  const v = parseVersionNumber(new URL(request.url).searchParams.get("v"));
  try {
    const summary = await getPublishedSummary(decodeURIComponent((await params).ref), await getCurrentUser(), v ?? undefined);
    return new Response(JSON.stringify({ reference: summary.draft.reference, version: summary.number, publishedAt: summary.publishedAt, note: summary.note, ...summary.content }, null, 2), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${summary.draft.reference}-summary-${summary.number}.json"` },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
