// The client's address, decided once in the server entry and handed to the app in a request header.
import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";

/** The request header the server entry sets (any inbound copy is deleted first). */
const clientAddressHeader = CLIENT_ADDRESS_HEADER;

/**
 * Parses TRUST_PROXY: the number of proxies you run in front of the app ("0" or unset = none; "1"
 * = one, e.g. nginx). Anything else is a configuration error.
 */
export function trustedHops(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  if (!/^\d{1,2}$/.test(value)) throw new Error(`TRUST_PROXY must be the number of proxies in front of the app (got "${value}")`);
  return Number(value);
}

function normalise(address: string | undefined): string | null {
  if (!address) return null;
  const a = address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return isIP(a) ? a : null;
}

/**
 * The client address of a request: the socket's peer, or with `hops` trusted proxies the entry
 * `hops` places from the right of X-Forwarded-For (each proxy appends the address it received the
 * request from, so entries to the left of that one were written by the client and are ignored).
 * With fewer entries than hops, the leftmost one. Returns null only without any valid address.
 */
export function resolveClientAddress(req: Pick<IncomingMessage, "headers" | "socket">, hops: number): string | null {
  const peer = normalise(req.socket.remoteAddress);
  if (hops === 0) return peer;
  const raw = req.headers["x-forwarded-for"];
  const list = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) return peer;
  return normalise(list[Math.max(0, list.length - hops)]) ?? peer;
}

/** Deletes any inbound copy of the header and sets it from the resolved address. */
export function setClientAddress(req: IncomingMessage, hops: number): void {
  delete req.headers[clientAddressHeader];
  const address = resolveClientAddress(req, hops);
  if (address) req.headers[clientAddressHeader] = address;
}
