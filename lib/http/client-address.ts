/**
 * The name of the request header carrying the client's address. The server entry sets it from the
 * socket (or from the configured trusted proxy hops of X-Forwarded-For) after deleting any copy the
 * client sent, so a client cannot choose its own address.
 */
export const CLIENT_ADDRESS_HEADER = "x-parley-client-address";

/**
 * The client's network address for rate limiting, as set by the server entry.
 *
 * @param headers the incoming request's headers (a route's `request.headers` or `await headers()`).
 * @returns an IPv4/IPv6 address string (at most 64 characters), or null when the request did not
 *   pass through the server entry (e.g. a unit test calling a use case directly).
 */
export function clientAddress(headers: Headers): string | null {
  const value = headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  if (!value || value.length > 64 || !/^[0-9A-Fa-f:.]+$/.test(value)) return null;
  return value;
}
