import "server-only";
import { headers } from "next/headers";
import { RateLimitedError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { lookupReceipt, type Receipt } from "./lookup-receipt";
import { parseTrackingNumber } from "./tracking-number";

export type ReceiptPageData = { state: "found"; receipt: Receipt } | { state: "invalid" | "notFound"; input: string } | { state: "limited"; input: string; retryAfterSeconds: number };

/**
 * What /receipts/{trackingNumber} shows: the receipt, or why not (not a tracking number, unknown,
 * or too many lookups from this address). Junk input does not spend a lookup.
 */
export async function loadReceiptPage(input: string): Promise<ReceiptPageData> {
  if (!parseTrackingNumber(input)) return { state: "invalid", input };
  try {
    const receipt = await lookupReceipt(input, clientAddress(await headers()));
    return receipt ? { state: "found", receipt } : { state: "notFound", input };
  } catch (error) {
    if (error instanceof RateLimitedError) return { state: "limited", input, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}
