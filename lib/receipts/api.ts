import "server-only";
import { NotFoundError } from "@/lib/errors";
import { lookupReceipt, type Receipt } from "./lookup-receipt";

/**
 * GET /api/v1/receipts/{trackingNumber} (shape: ZApiReceipt).
 * @throws NotFoundError for an unknown number, RateLimitedError past the per-address lookup limit
 */
export async function apiGetReceipt(trackingNumber: string, clientAddress: string | null): Promise<Receipt> {
  const receipt = await lookupReceipt(trackingNumber, clientAddress);
  if (!receipt) throw new NotFoundError();
  return receipt;
}
