import { json } from "@/lib/api/respond";
import { openApiDocument } from "@/lib/api/openapi";

/** GET /api/openapi.json — the public API's OpenAPI 3.1 document. */
export function GET() {
  return json(openApiDocument());
}
