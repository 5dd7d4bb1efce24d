import "server-only";

/** JSON responses of the public API: readable by any origin (read-only, no cookies needed). */
const headers = { "access-control-allow-origin": "*", "cache-control": "no-store" };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers });
}


/** A path segment that must be a small non-negative integer (version numbers). */
export function parseVersionNumber(value: string | null | undefined): number | null {
  return value && /^\d{1,4}$/.test(value) ? Number(value) : null;
}
