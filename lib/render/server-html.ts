// A side channel for large, already-sanitised HTML (a draft's text) from a server component to the
// server-side render of the client component that displays it, so the text is sent once, in the
// document, and not a second time inside the React Server Components payload (a 50-page draft's
// text is ~600 KiB: doubling it doubled every reader's download).
//
// Both renders of one request run in this process (Next renders the RSC tree, then streams it into
// the HTML render), so a process-wide map keyed by a random token carries the text across. Nothing
// here is needed in the browser: there the client component keeps the HTML the document brought
// (React does not touch `dangerouslySetInnerHTML` content on hydration) or, after a client-side
// navigation, fetches the document and takes the text from it (components/render/server-html.tsx).
// No Node-only imports: the client component's module graph includes this file.

type Entry = { html: string; at: number };

const maxAgeMs = 10_000;
const maxBytes = 64 * 1024 * 1024;
// Shared through globalThis, counter included: the server component that puts and the client
// component that reads are bundled into different chunks, each with its own copy of this module.
type Store = { entries: Map<string, Entry>; bytes: number };
const shared: Store = ((globalThis as { __parleyServerHtml?: Store }).__parleyServerHtml ??= { entries: new Map(), bytes: 0 });
const store = shared.entries;

function sweep(now: number) {
  for (const [token, entry] of store) {
    if (now - entry.at < maxAgeMs && shared.bytes <= maxBytes) break;
    store.delete(token);
    shared.bytes -= entry.html.length;
  }
}

/**
 * Keeps `html` for this request's HTML render and returns the token that names it (UUID). An entry
 * is dropped when read; one never read (an aborted render) lives at most 10 s, and all at most
 * 64 MiB (oldest dropped first), so a burst of renders leaves nothing behind.
 */
export function putServerHtml(html: string): string {
  const now = Date.now();
  sweep(now);
  const token = crypto.randomUUID();
  store.set(token, { html, at: now });
  shared.bytes += html.length;
  return token;
}

/**
 * The HTML stored under `token` by this process, or undefined (never in the browser). Reading takes
 * it: the one HTML render of the request reads it once.
 */
export function readServerHtml(token: string): string | undefined {
  const entry = store.get(token);
  sweep(Date.now());
  if (!entry) return undefined;
  if (store.delete(token)) shared.bytes -= entry.html.length;
  return entry.html;
}
