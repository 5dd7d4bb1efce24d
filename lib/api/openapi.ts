import { z } from "zod";
import {
  ZApiDiff,
  ZApiDraftDetail,
  ZApiDraftList,
  ZApiError,
  ZApiVersion,
} from "@/lib/drafts/api-schemas";
import { ZApiAttachment } from "@/lib/attachments/api-schemas";
import { ZApiCommentList, ZApiCreatedComment, ZApiNewComment, ZApiNewVote, ZApiVoteResult } from "@/lib/comments/api-schemas";
import { ZApiSummary } from "@/lib/summaries/api-schemas";
import { ZApiNewSurveyResponse, ZApiSurvey } from "@/lib/surveys/api-schemas";
import { publicBaseUrl } from "./base-url";
import { edgeStatusesOf, endpoints } from "./endpoints";

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
  return withEdgeStatuses({
    openapi: "3.1.0",
    info: {
      title: "Parley public API",
      version: "1.0.0",
      description:
        "Reads: public consultations (drafts, versions, paragraphs with stable anchors, diffs), their published comments and summaries of responses, and published surveys. Writes: comments and replies, their attachments, votes on comments (with a personal API token sent as `Authorization: Bearer`, or a signed-in session), and survey answers (anonymously where the survey allows it). Private drafts are invisible: they answer 404 to anyone outside their organisation.",
    },
    // The configured public URL (PUBLIC_URL, else NEXTAUTH_URL: lib/env.ts), so clients call this instance.
    servers: [{ url: publicBaseUrl(), description: "This Parley instance" }],
    tags: [
      { name: "Drafts", description: "Consultations, their versions and diffs (read)" },
      { name: "Summaries", description: "Published summaries of responses (read)" },
      { name: "Comments", description: "Comments and votes (read and write)" },
      { name: "Surveys", description: "Surveys and their answers (read and write)" },
    ],
    paths: {
      "/api/v1/drafts": {
        get: {
          operationId: "listDrafts",
          tags: ["Drafts"],
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
          tags: ["Drafts"],
          summary: "A consultation: metadata, versions, and the current version's sections and paragraphs",
          parameters: [refParam],
          responses: { "200": jsonBody("DraftDetail", "The draft"), "404": notFound },
        },
      },
      "/api/v1/drafts/{ref}/versions/{n}": {
        get: {
          operationId: "getDraftVersion",
          tags: ["Drafts"],
          summary: "One published version (-00 is 0)",
          parameters: [refParam, { name: "n", in: "path", required: true, schema: { type: "integer", minimum: 0 } }],
          responses: { "200": jsonBody("Version", "The version"), "404": notFound },
        },
      },
      "/api/v1/drafts/{ref}/diff": {
        get: {
          operationId: "diffDraftVersions",
          tags: ["Drafts"],
          summary: "Compare two versions paragraph by paragraph, with word-level changes",
          parameters: [
            refParam,
            { name: "from", in: "query", required: true, schema: { type: "integer", minimum: 0 } },
            { name: "to", in: "query", required: true, schema: { type: "integer", minimum: 0 } },
          ],
          responses: { "200": jsonBody("Diff", "The comparison"), "422": jsonBody("Error", "Missing or unreadable version numbers: give ?from=0&to=1"), "404": notFound },
        },
      },
      "/api/v1/drafts/{ref}/summary": {
        get: {
          operationId: "getDraftSummary",
          tags: ["Summaries"],
          summary: "The published summary of responses: participation, themes, opinion groups, consensus, bridging statements, dispositions and provenance",
          parameters: [refParam, { name: "version", in: "query", description: "A published summary version; the latest when omitted", schema: { type: "integer", minimum: 1 } }],
          responses: { "200": jsonBody("Summary", "The summary"), "404": jsonBody("Error", "No published summary, or a private draft you may not see") },
        },
      },
      "/api/v1/drafts/{ref}/comments": {
        get: {
          operationId: "listComments",
          tags: ["Comments"],
          summary: "Published comments on a draft, newest first",
          parameters: [
            refParam,
            { name: "anchor", in: "query", description: "A paragraph anchor, or 'general' for comments on the whole draft", schema: { type: "string" } },
            { name: "kind", in: "query", schema: { type: "string", enum: ["SUPPORT", "CONCERN", "QUESTION", "CHANGE"] } },
            { name: "group", in: "query", description: "Author's stakeholder group", schema: { type: "string" } },
            { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
            { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: { "200": jsonBody("CommentList", "A page of comments"), "404": notFound },
        },
        post: {
          operationId: "createComment",
          tags: ["Comments"],
          summary: "Comment on a paragraph or the whole draft, or reply (signed-in users)",
          security: [{ bearer: [] }, { session: [] }],
          parameters: [refParam, { name: "Idempotency-Key", in: "header", description: "A retried request with the same key returns the first comment (200) instead of creating another", schema: { type: "string", maxLength: 100 } }],
          requestBody: { required: true, content: { "application/json": { schema: ref("NewComment") } } },
          responses: {
            "201": jsonBody("CreatedComment", "Created"),
            "200": jsonBody("CreatedComment", "Already created with this Idempotency-Key"),
            "401": jsonBody("Error", "Not signed in"),
            "403": jsonBody("Error", "Suspended"),
            "404": notFound,
            "409": jsonBody("Error", "The draft is not open for comment"),
            "422": jsonBody("Error", "Invalid input (e.g. an unknown paragraph anchor)"),
          },
        },
      },
      "/api/v1/comments/{id}/votes": {
        post: {
          operationId: "voteOnComment",
          tags: ["Comments"],
          summary: "Agree, disagree or pass on a comment (one vote per person, changeable)",
          security: [{ bearer: [] }, { session: [] }],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { schema: ref("NewVote") } } },
          responses: { "200": jsonBody("VoteResult", "The vote and the comment's totals"), "401": jsonBody("Error", "Not signed in"), "404": notFound, "409": jsonBody("Error", "The draft is not open for comment") },
        },
      },
      "/api/v1/comments/{id}/attachments": {
        post: {
          operationId: "uploadAttachment",
          tags: ["Comments"],
          summary: "Attach a file to your own comment or official reply (PDF, DOCX, ODT, TXT, PNG, JPEG; at most 3 per comment)",
          description:
            "The request body is the file itself (any Content-Type: the type is read from the bytes, never from the name or the header). Its name goes in X-Filename, percent-encoded UTF-8. Each file may be at most ATTACHMENT_MAX_BYTES (10 MiB by default).",
          security: [{ bearer: [] }, { session: [] }],
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "X-Filename", in: "header", required: true, description: "The file's name, percent-encoded UTF-8 (e.g. position%20paper.pdf)", schema: { type: "string", maxLength: 600 } },
            { name: "Idempotency-Key", in: "header", description: "A retried upload with the same key returns the first attachment (200)", schema: { type: "string", maxLength: 100 } },
          ],
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: {
            "201": jsonBody("Attachment", "Attached"),
            "200": jsonBody("Attachment", "Already attached with this Idempotency-Key"),
            "401": jsonBody("Error", "Not signed in"),
            "403": jsonBody("Error", "Suspended"),
            "404": jsonBody("Error", "No such comment of yours (or it was hidden or withdrawn)"),
            "409": jsonBody("Error", "Already three files, or the draft is not open for comment"),
            "413": jsonBody("Error", "The file is larger than the limit"),
            "415": jsonBody("Error", "Not an accepted file type (by its content)"),
          },
        },
      },
      "/api/v1/attachments/{id}": {
        get: {
          operationId: "downloadAttachment",
          tags: ["Comments"],
          summary: "Download an attachment (as a file: Content-Disposition attachment, sandboxed)",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": { description: "The file, with its sniffed Content-Type", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
            "404": jsonBody("Error", "No such attachment, or its comment is not public (hidden, pending, withdrawn)"),
          },
        },
      },
      "/api/v1/surveys": {
        get: {
          operationId: "listSurveys",
          tags: ["Surveys"],
          summary: "Published surveys, newest first",
          parameters: [{ name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } }],
          responses: { "200": { description: "A page of surveys", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
      "/api/v1/surveys/{slug}": {
        get: {
          operationId: "getSurvey",
          tags: ["Surveys"],
          summary: "A survey and its questions (ids, types, options, translations, skip logic)",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": jsonBody("Survey", "The survey"), "404": notFound },
        },
      },
      "/api/v1/surveys/{slug}/responses": {
        post: {
          operationId: "submitSurveyResponse",
          tags: ["Surveys"],
          summary: "Answer a survey (signed in, or anonymously where the survey allows it)",
          security: [{ bearer: [] }, { session: [] }, {}],
          parameters: [
            { name: "slug", in: "path", required: true, schema: { type: "string" } },
            { name: "Idempotency-Key", in: "header", required: true, description: "A retried request with the same key returns the first response's body again, and never creates a second response", schema: { type: "string", maxLength: 100 } },
            { name: "X-Device-Token", in: "header", description: "Anonymous respondents: a stable random token for this device (one response per device)", schema: { type: "string" } },
          ],
          requestBody: { required: true, content: { "application/json": { schema: ref("NewSurveyResponse") } } },
          responses: {
            "201": jsonBody("CreatedSurveyResponse", "Recorded (or already recorded with this key)"),
            "400": jsonBody("Error", "Missing Idempotency-Key"),
            "401": jsonBody("Error", "The survey needs an account"),
            "404": notFound,
            "409": jsonBody("Error", "Closed, or already answered from this account or device"),
            "422": jsonBody("Error", "Answers that do not fit the survey: unknown questions, options out of range, missing required answers"),
            "429": jsonBody("Error", "Too many anonymous answers from one address"),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token created on the profile page" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: {
        CommentList: schema(ZApiCommentList),
        NewComment: schema(ZApiNewComment),
        CreatedComment: schema(ZApiCreatedComment),
        NewVote: schema(ZApiNewVote),
        VoteResult: schema(ZApiVoteResult),
        Survey: schema(ZApiSurvey),
        NewSurveyResponse: schema(ZApiNewSurveyResponse),
        CreatedSurveyResponse: schema(z.object({ id: z.string() })),
        DraftList: schema(ZApiDraftList),
        DraftDetail: schema(ZApiDraftDetail),
        Version: schema(ZApiVersion),
        Diff: schema(ZApiDiff),
        Summary: schema(ZApiSummary),
        Error: schema(ZApiError),
        Attachment: schema(ZApiAttachment),
      },
    },
  });
}

const statusText: Record<number, string> = {
  200: "OK",
  400: "Unreadable request: bad bytes (NUL, invalid UTF-8), malformed JSON or an over-long value",
  401: "Not signed in: sign in, or send a personal API token as Authorization: Bearer",
  403: "Not allowed (e.g. suspended)",
  404: "Not found, or a private resource you may not see",
  409: "Not possible in the current state (e.g. the comment period is closed)",
  413: "Request body too large",
  415: "Request body is not JSON (send Content-Type: application/json)",
  422: "Invalid input: `error.fields` names each field and what to do",
  429: "Too many requests: wait the number of seconds in Retry-After",
  500: "Unexpected error on our side",
  503: "Temporarily unavailable (database down or busy): retry after the seconds in Retry-After",
};
const retryAfterHeader = { "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer", minimum: 1 } } };

type Operation = { responses: Record<string, { description: string; content?: unknown; headers?: unknown }> };
/** Adds every status the edge (lib/http/api-route.ts) and the use case can answer to each operation. */
function withEdgeStatuses<D extends { paths: Record<string, Record<string, unknown>> }>(doc: D): D {
  for (const spec of Object.values(endpoints)) {
    const operation = doc.paths[spec.path]?.[spec.method.toLowerCase()] as Operation | undefined;
    if (!operation) throw new Error(`OpenAPI: no operation for ${spec.method} ${spec.path}`);
    for (const status of edgeStatusesOf(spec)) {
      const key = String(status);
      if (!operation.responses[key]) operation.responses[key] = status === 200 ? { description: statusText[200]! } : { description: statusText[status]!, content: { "application/json": { schema: ref("Error") } } };
      if (status === 429 || status === 503) operation.responses[key]!.headers = retryAfterHeader;
    }
  }
  return doc;
}
