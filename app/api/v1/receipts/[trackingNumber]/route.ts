import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/http/api-route";
import { apiGetReceipt } from "@/lib/receipts/api";

/** GET /api/v1/receipts/{trackingNumber} — a contribution's status and disposition (never its author). */
export const GET = apiRoute(endpoints.getReceipt, async ({ params, clientAddress }) => ({ body: await apiGetReceipt(params.trackingNumber, clientAddress) }));
