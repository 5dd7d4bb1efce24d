import { json } from "@/lib/api/respond";
import { listPublicSurveys } from "@/lib/surveys/queries";

/** GET /api/v1/surveys — published surveys, newest first. */
export async function GET(request: Request) {
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  const result = await listPublicSurveys({ page });
  return json({
    data: result.items.map((s) => ({ slug: s.slug, title: s.title, description: s.description, status: s.status, allowAnonymous: s.allowAnonymous, publicResults: s.publicResults, organisation: s.organisation, draft: s.draft?.reference ?? null, createdAt: s.createdAt.toISOString() })),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    pageCount: result.pageCount,
  });
}
