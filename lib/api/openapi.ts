import { z } from "zod";
import {
  ZApiDiff,
  ZApiDraftDetail,
  ZApiDraftList,
  ZApiError,
  ZApiVersion,
} from "@/lib/drafts/api-schemas";
import { publicBaseUrl } from "./base-url";

/**
 * The OpenAPI 3.1 description of Parley's public API, generated from the same zod schemas that
 * shape the responses (OpenAPI 3.1 uses JSON Schema 2020-12, which zod emits directly).
 */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: "draft-2020-12", unrepresentable: "any", io: "output" });

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (name: string, description: string) => ({ description, content: { "application/json": { schema: ref(name) } } });
const notFound = jsonBody("Error", "Not found, or a private draft you may not see");
const refParam = { name: "ref", in: "path", required: true, description: "Draft reference, e.g. GDPF-RFC-2026-004", schema: { type: "string" } };

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Parley public API",
      version: "1.0.0",
      description:
        "Read access to public consultations (drafts, versions, paragraphs with stable anchors, diffs). Private drafts are invisible: they answer 404 to anyone outside their organisation.",
    },
    servers: [{ url: publicBaseUrl() }],
    paths: {
      "/api/v1/drafts": {
        get: {
          operationId: "listDrafts",
          summary: "List public consultations",
          parameters: [
            { name: "q", in: "query", description: "Full-text search over titles, abstracts and bodies", schema: { type: "string" } },
            { name: "organisation", in: "query", description: "Organisation slug", schema: { type: "string" } },
            { name: "topic", in: "query", schema: { type: "string" } },
            { name: "status", in: "query", schema: { type: "string", enum: ["SCHEDULED", "OPEN", "CLOSED", "FINAL", "WITHDRAWN"] } },
            { name: "language", in: "query", schema: { type: "string", enum: ["en", "fr", "es", "ar", "zh", "ru"] } },
            { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
            { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: { "200": jsonBody("DraftList", "A page of consultations") },
        },
      },
      "/api/v1/drafts/{ref}": {
        get: {
          operationId: "getDraft",
          summary: "A consultation: metadata, versions, and the current version's sections and paragraphs",
          parameters: [refParam],
          responses: { "200": jsonBody("DraftDetail", "The draft"), "404": notFound },
        },
      },
      "/api/v1/drafts/{ref}/versions/{n}": {
        get: {
          operationId: "getDraftVersion",
          summary: "One published version (-00 is 0)",
          parameters: [refParam, { name: "n", in: "path", required: true, schema: { type: "integer", minimum: 0 } }],
          responses: { "200": jsonBody("Version", "The version"), "404": notFound },
        },
      },
      "/api/v1/drafts/{ref}/diff": {
        get: {
          operationId: "diffDraftVersions",
          summary: "Compare two versions paragraph by paragraph, with word-level changes",
          parameters: [
            refParam,
            { name: "from", in: "query", required: true, schema: { type: "integer", minimum: 0 } },
            { name: "to", in: "query", required: true, schema: { type: "integer", minimum: 0 } },
          ],
          responses: { "200": jsonBody("Diff", "The comparison"), "400": jsonBody("Error", "Missing or unreadable version numbers"), "404": notFound },
        },
      },
    },
    components: {
      schemas: {
        DraftList: schema(ZApiDraftList),
        DraftDetail: schema(ZApiDraftDetail),
        Version: schema(ZApiVersion),
        Diff: schema(ZApiDiff),
        Error: schema(ZApiError),
      },
    },
  };
}
