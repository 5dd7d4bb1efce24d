/**
 * The client's IP address for this request (IPv4 dotted or IPv6 text), as decided by the server
 * entry (lib/server/serve.ts): the socket's peer, or with TRUST_PROXY=<n> the address n hops from
 * the right of X-Forwarded-For. The entry deletes any copy a client sends, so this is never chosen
 * by the client. Null when the app runs without the entry (e.g. under plain `next start`).
 */
export function clientAddress(headers: Headers): string | null {
  return headers.get("x-parley-client-address") || null;
}
