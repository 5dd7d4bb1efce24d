import { NextResponse, type NextRequest } from "next/server";
import { guardRequest } from "@/lib/http/request-guard";

/**
 * The Content-Security-Policy of a page, with this response's script nonce. Next.js reads the nonce
 * from the request's CSP header and puts it on every script it emits (the bootstrap, the inline RSC
 * payload chunks); 'strict-dynamic' lets those scripts load the build's chunks. Nothing else runs:
 * no inline script without the nonce, no eval, no plugins, no <base> pointing elsewhere.
 *
 * Caching: pages are rendered per request already (the root layout reads the locale and session),
 * and anonymous reading pages are then kept for seconds by the server entry's cache
 * (lib/server/reading-cache.ts) WITH the CSP header they were rendered with. A cached document thus
 * reuses its nonce until the page changes (at most minutes). That is as strong as a hash of its scripts: the document is
 * immutable once rendered, so markup injected later (a new comment) only ever appears in a NEW
 * render, under a new nonce an attacker could not have known when writing it.
 */
export function contentSecurityPolicy(nonce: string, frameAncestors: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (table-of-contents indentation, React's own) need inline styles; scripts do not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

// Every page request first passes the bad-bytes guard (400 for NUL, control characters, malformed
// encoding; API requests pass the same guard in the server entry, lib/server/serve.ts, which the
// matcher below leaves them to). Every page then gets a fresh nonce and its CSP. The embeddable survey page may be
// framed by any site and renders without the site's header and footer: the root layout reads
// `x-parley-embed`; `x-parley-flight` marks a React Server Components request. (Nothing here is an access decision; access is checked by each page.)
export function proxy(request: NextRequest) {
  const refused = guardRequest(request.nextUrl, request.headers);
  if (refused) return refused;
  const embed = /^\/s\/[^/]+\/embed\/?$/.test(request.nextUrl.pathname);
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, embed ? "*" : "'self'", process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  if (embed) headers.set("x-parley-embed", "1");
  else headers.delete("x-parley-embed");
  // Next hides its own `RSC` header from pages; the draft text's side channel needs to know whether
  // an HTML render will follow (lib/render/server-html.ts).
  if (request.headers.get("rsc") === "1") headers.set("x-parley-flight", "1");
  else headers.delete("x-parley-flight");
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = { matcher: "/((?!api/|_next/static|_next/image|favicon.ico).*)" };
