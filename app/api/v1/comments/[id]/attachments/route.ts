import { endpoints } from "@/lib/api/endpoints";
import { env } from "@/lib/env";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { readCappedBody } from "@/lib/http/read-body";
import { apiRoute } from "@/lib/http/api-route";

/** POST /api/v1/comments/{id}/attachments — the raw file as the body, its name in X-Filename. */
export const POST = apiRoute(endpoints.uploadAttachment, async ({ params, headers, actor, request }) => {
  const bytes = await readCappedBody(request, env.ATTACHMENT_MAX_BYTES);
  const result = await uploadAttachment(actor!, params.id, { bytes, filename: headers["x-filename"], idempotencyKey: headers["idempotency-key"] ?? null });
  return { status: result.created ? 201 : 200, body: result.body };
});
