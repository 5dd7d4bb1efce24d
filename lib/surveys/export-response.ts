import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ZDefinition } from "./definition";
import { exportResponses } from "./export-responses";

/** The export download (CSV or JSON), for the organisation's editors and moderators only. */
export async function exportResponse(slug: string, format: "csv" | "json"): Promise<Response> {
  const survey = await prisma.survey.findUnique({ where: { slug }, select: { id: true, organisationId: true, definition: true } });
  const user = await getCurrentUser();
  if (!survey || !can(user, "survey.viewResults", { organisationId: survey.organisationId })) return new Response("Not found", { status: 404 });
  const chunks = exportResponses(survey.id, ZDefinition.parse(survey.definition), format);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new TextEncoder().encode(next.value));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${slug}-responses.${format}"`,
      "cache-control": "no-store",
    },
  });
}
