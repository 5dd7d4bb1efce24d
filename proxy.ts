import { NextResponse, type NextRequest } from "next/server";

// The embeddable survey page renders without the site's header and footer: the root layout reads
// this request header. (Nothing here is a security decision; access is checked by each page.)
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-parley-embed", "1");
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: "/s/:slug/embed" };
