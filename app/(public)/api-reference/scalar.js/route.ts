import { referenceScript, scalarVersion } from "@/lib/api/reference-bundle";

/** GET /api-reference/scalar.js?v=<version> — the API reference renderer, from our own origin. */
export async function GET(request: Request) {
  const versioned = new URL(request.url).searchParams.get("v") === scalarVersion;
  return new Response(await referenceScript(), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600",
      "x-content-type-options": "nosniff",
    },
  });
}
