import { getCurrentUser } from "@/lib/auth/current-user";
import { openDataResponse, polisFiles } from "@/lib/discussion/open-data";

type Ctx = { params: Promise<{ ref: string; file: string }> };

/** Open data in the Pol.is export format: polis/comments.csv and polis/votes.csv; 404 until opened or closed. */
export async function GET(_request: Request, { params }: Ctx) {
  const { ref, file } = await params;
  if (!polisFiles.includes(file as (typeof polisFiles)[number])) return new Response("Not found", { status: 404 });
  return (await openDataResponse(decodeURIComponent(ref), await getCurrentUser(), `polis/${file as (typeof polisFiles)[number]}`)) ?? new Response("Not found", { status: 404 });
}
