import { NextResponse, type NextRequest } from "next/server";
import { guardRequest } from "@/lib/http/request-guard";

// Every request first passes the bad-bytes guard (400 for NUL, control characters, malformed
// encoding). The embeddable survey page renders without the site's header and footer: the root
// layout reads the x-parley-embed request header. Access is checked by each page, not here.
export function proxy(request: NextRequest) {
  const refused = guardRequest(request.nextUrl, request.headers);
  if (refused) return refused;
  if (/^\/s\/[^/]+\/embed\/?$/.test(request.nextUrl.pathname)) {
    const headers = new Headers(request.headers);
    headers.set("x-parley-embed", "1");
    return NextResponse.next({ request: { headers } });
  }
  return NextResponse.next();
}

export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
