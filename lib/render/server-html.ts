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

const maxAgeMs = 60_000;
const maxBytes = 64 * 1024 * 1024;
const store: Map<string, Entry> = ((globalThis as { __parleyServerHtml?: Map<string, Entry> }).__parleyServerHtml ??= new Map());
let bytes = 0;

function sweep(now: number) {
  for (const [token, entry] of store) {
    if (now - entry.at < maxAgeMs && bytes <= maxBytes) break;
    store.delete(token);
    bytes -= entry.html.length;
  }
}

/**
 * Keeps `html` for this request's HTML render and returns the token that names it (UUID). Entries
 * live at most 60 s and 64 MiB in total (oldest dropped first): a render that never comes (an RSC
 * request, an aborted one) leaks nothing.
 */
export function putServerHtml(html: string): string {
  const now = Date.now();
  sweep(now);
  const token = crypto.randomUUID();
  store.set(token, { html, at: now });
  bytes += html.length;
  return token;
}

/** The HTML stored under `token` by this process, or undefined (never in the browser). */
export function readServerHtml(token: string): string | undefined {
  return store.get(token)?.html;
}
