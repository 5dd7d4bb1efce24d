import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { draftForSummary } from "@/lib/summaries/access";
import { commentsCsv, polisExport } from "@/lib/summaries/export";
import { buildSummary } from "@/lib/summaries/snapshot";

type Ctx = { params: Promise<{ ref: string; file: string }> };

const files = ["comments.csv", "summary.json", "polis-comments.csv", "polis-votes.csv"] as const;

/** The workspace's exports, for the organisation's members who summarise (404 for anyone else). */
export async function GET(_request: Request, { params }: Ctx) {
  const { ref, file } = await params;
  if (!files.includes(file as (typeof files)[number])) return new Response("Not found", { status: 404 });
  let draft;
  try {
    draft = await draftForSummary(await getCurrentUser(), { reference: decodeURIComponent(ref) });
  } catch (error) {
    if (error instanceof AppError) return new Response("Not found", { status: 404 });
    throw error;
  }
  const name = `${draft.reference}-${file}`;
  const headers = (type: string) => ({ "content-type": type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" });
  if (file === "summary.json") return new Response(JSON.stringify(await buildSummary(draft), null, 2), { headers: headers("application/json; charset=utf-8") });
  if (file === "comments.csv") return new Response(await commentsCsv(draft.id), { headers: headers("text/csv; charset=utf-8") });
  const polis = await polisExport(draft.id);
  return new Response(file === "polis-comments.csv" ? polis.comments : polis.votes, { headers: headers("text/csv; charset=utf-8") });
}
