import { endpoints } from "@/lib/api/endpoints";
import { attachmentResponse } from "@/lib/attachments/attachment-response";
import { apiRoute } from "@/lib/http/api-route";

/** GET /api/v1/attachments/{id} — the file, as a download, if its comment is visible to the caller. */
export const GET = apiRoute(endpoints.downloadAttachment, async ({ params, actor }) => attachmentResponse(actor, params.id));
