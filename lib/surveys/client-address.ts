import { env } from "@/lib/env";

/**
 * The client's address for rate limiting, from X-Forwarded-For when TRUST_PROXY=1 (behind a proxy
 * you run). Next.js does not expose the socket address, so without a trusted proxy this is null and
 * anonymous answers are limited by device only.
 */
export function clientAddress(headers: Headers): string | null {
  if (env.TRUST_PROXY !== "1") return null;
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}
