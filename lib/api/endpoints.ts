import { ZUploadHeaders } from "@/lib/attachments/rules";
import { ZCommentListQuery, ZCreateCommentBody, ZVoteBody } from "@/lib/comments/schemas";
import { ZDraftListQuery } from "@/lib/drafts/schemas";
import type { EndpointSpec } from "@/lib/http/api-route";
import { ZSurveyResponseBody } from "@/lib/surveys/schemas";
import { z } from "zod";
import { ZDiffQuery, ZIdempotencyKey, ZIdParams, ZOptionalVersionQuery, ZPageQuery, ZRefParams, ZSlugParams, ZVersionParams } from "./schemas";

// Typed identity: keeps each endpoint's schema types for apiRoute while checking the shape.
const endpoint = <P extends z.ZodType, Q extends z.ZodType, H extends z.ZodType, B extends z.ZodType>(spec: EndpointSpec<P, Q, H, B>) => spec;

/**
 * Every public API endpoint: the route files under app/api/v1 pass these to `apiRoute`, the
 * OpenAPI document adds each one's edge statuses from them, and the authorisation matrix test
 * checks that every route file has a row here.
 */
export const endpoints = {
  listDrafts: endpoint({ operationId: "listDrafts", method: "GET", path: "/api/v1/drafts", auth: "optional", query: ZDraftListQuery }),
  getDraft: endpoint({ operationId: "getDraft", method: "GET", path: "/api/v1/drafts/{ref}", auth: "optional", params: ZRefParams }),
  getDraftVersion: endpoint({ operationId: "getDraftVersion", method: "GET", path: "/api/v1/drafts/{ref}/versions/{n}", auth: "optional", params: ZVersionParams }),
  diffDraftVersions: endpoint({ operationId: "diffDraftVersions", method: "GET", path: "/api/v1/drafts/{ref}/diff", auth: "optional", params: ZRefParams, query: ZDiffQuery }),
  getDraftSummary: endpoint({ operationId: "getDraftSummary", method: "GET", path: "/api/v1/drafts/{ref}/summary", auth: "optional", params: ZRefParams, query: ZOptionalVersionQuery }),
  listComments: endpoint({ operationId: "listComments", method: "GET", path: "/api/v1/drafts/{ref}/comments", auth: "optional", params: ZRefParams, query: ZCommentListQuery }),
  createComment: endpoint({
    operationId: "createComment",
    method: "POST",
    path: "/api/v1/drafts/{ref}/comments",
    auth: "required",
    params: ZRefParams,
    headers: z.object({ "idempotency-key": ZIdempotencyKey.optional() }),
    body: ZCreateCommentBody,
    maxBodyBytes: 128 * 1024,
    statuses: [200, 201, 403, 404, 409, 429],
  }),
  voteOnComment: endpoint({ operationId: "voteOnComment", method: "POST", path: "/api/v1/comments/{id}/votes", auth: "required", params: ZIdParams, body: ZVoteBody, maxBodyBytes: 1024, statuses: [200, 403, 404, 409, 429] }),
  // ── Attachments (issue 13) ──
  // The upload is the raw file as the body (no JSON: apiRoute leaves the body to the use case,
  // which caps it at ATTACHMENT_MAX_BYTES → 413 and sniffs its type → 415).
  uploadAttachment: endpoint({
    operationId: "uploadAttachment",
    method: "POST",
    path: "/api/v1/comments/{id}/attachments",
    auth: "required",
    params: ZIdParams,
    headers: ZUploadHeaders.extend({ "idempotency-key": ZIdempotencyKey.optional() }),
    statuses: [200, 201, 403, 404, 409, 413, 415, 429],
  }),
  downloadAttachment: endpoint({ operationId: "downloadAttachment", method: "GET", path: "/api/v1/attachments/{id}", auth: "optional", params: ZIdParams }),
  listSurveys: endpoint({ operationId: "listSurveys", method: "GET", path: "/api/v1/surveys", auth: "optional", query: ZPageQuery }),
  getSurvey: endpoint({ operationId: "getSurvey", method: "GET", path: "/api/v1/surveys/{slug}", auth: "optional", params: ZSlugParams }),
  submitSurveyResponse: endpoint({
    operationId: "submitSurveyResponse",
    method: "POST",
    path: "/api/v1/surveys/{slug}/responses",
    auth: "optional",
    params: ZSlugParams,
    headers: z.object({ "idempotency-key": ZIdempotencyKey, "x-device-token": z.string().max(200).optional() }),
    body: ZSurveyResponseBody,
    maxBodyBytes: 256 * 1024,
    statuses: [201, 401, 403, 404, 409, 429],
  }),
} as const;

export type EndpointName = keyof typeof endpoints;

/**
 * The statuses the edge itself can answer for an endpoint (beyond the handler's own), for OpenAPI.
 */
export function edgeStatusesOf(spec: { auth: string; params?: unknown; query?: unknown; headers?: unknown; body?: unknown; limit?: unknown; statuses?: readonly number[] }): number[] {
  const statuses = new Set<number>([400, 500, 503, ...(spec.statuses ?? [])]);
  if (spec.auth === "required") statuses.add(401);
  if (spec.params) statuses.add(404);
  if (spec.query || spec.headers || spec.body) statuses.add(422);
  if (spec.body) {
    statuses.add(413);
    statuses.add(415);
  }
  if (spec.limit) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}
