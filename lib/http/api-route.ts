import "server-only";
import { z } from "zod";
import { apiActor } from "@/lib/api-tokens/api-tokens";
import type { Actor } from "@/lib/authz/permissions";
import { NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { localeCookie } from "@/lib/i18n/config";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { consumeLimit, type LimitName } from "@/lib/rate-limit/limits";
import { clientAddress } from "./client-address";
import { errorMessage } from "./error-messages";
import { mapError } from "./error-map";
import { readJsonBody } from "./read-body";
import { assertCleanText, decodePathSegment } from "./bad-bytes";

/**
 * How an API endpoint is called: its method and path (for OpenAPI and the authorisation matrix),
 * who may call it, and the zod schemas of its path, query, headers and JSON body.
 */
export type EndpointSpec<P extends z.ZodType, Q extends z.ZodType, H extends z.ZodType, B extends z.ZodType> = {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI path, e.g. `/api/v1/drafts/{ref}`. */
  path: string;
  /** `required`: 401 before anything else is looked at. `optional`: anonymous callers allowed. */
  auth: "required" | "optional";
  params?: P;
  query?: Q;
  headers?: H;
  body?: B;
  /** Largest JSON body accepted, in bytes (default 64 KiB). */
  maxBodyBytes?: number;
  /**
   * Spent once per call, keyed by the caller's account id or else the client address. For endpoints
   * whose limit may be checked before the use case; the write endpoints of /api/v1 limit inside their
   * use case instead, after the idempotency lookup, so a retry of a stored write never meets a 429.
   */
  limit?: LimitName;
  /** Statuses the use case itself may answer (e.g. 409 closed, 429 from a domain limit), for OpenAPI. */
  statuses?: readonly number[];
};

export type ApiContext<P, Q, H, B> = {
  actor: Actor | null;
  params: P;
  query: Q;
  headers: H;
  body: B;
  request: Request;
  clientAddress: string | null;
};

/** What a handler returns: a body with its status (JSON) or a ready Response. */
export type ApiResult = { status?: number; body: unknown; headers?: Record<string, string> } | Response;

const jsonHeaders = { "access-control-allow-origin": "*", "cache-control": "no-store" };

const anyZ = z.unknown();
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/**
 * The one wrapper every `app/api/v1/**` handler goes through. In this order: resolve the caller
 * (session cookie or personal token) → 401 for an anonymous caller of an `auth: "required"`
 * endpoint → 415 for a body that is not JSON → 413 over `maxBodyBytes` → parse path, query,
 * headers and body with the endpoint's zod schemas (400 for bad bytes, 404 for a path that cannot
 * exist, 422 with per-field catalog keys otherwise) → rate limit (429 + Retry-After) → the use
 * case → map any error through `lib/http/error-map.ts` (`{error:{code,message}}`, Retry-After on
 * 429 and 503; messages in the caller's language).
 */
export function apiRoute<P extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown, H extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown>(
  spec: EndpointSpec<P, Q, H, B>,
  handler: (ctx: ApiContext<Out<P>, Out<Q>, Out<H>, Out<B>>) => Promise<ApiResult>,
) {
  return async function route(request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
    try {
      const actor = await apiActor(request);
      if (spec.auth === "required" && !actor) throw new UnauthenticatedError();

      let body: unknown = undefined;
      if (spec.body) body = await readJsonBody(request, spec.maxBodyBytes ?? 64 * 1024);

      const rawParams = (await context.params) ?? {};
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(rawParams)) params[key] = decodePathSegment(Array.isArray(value) ? value.join("/") : value);
      const url = new URL(request.url);
      const query: Record<string, string> = {};
      for (const [key, value] of url.searchParams) {
        assertCleanText(key, 100);
        assertCleanText(value, 2000);
        query[key] = value;
      }
      const headerValues: Record<string, string> = {};
      request.headers.forEach((value, key) => (headerValues[key] = value));

      const parsedParams = (spec.params ?? anyZ).safeParse(params);
      if (!parsedParams.success) throw new NotFoundError();
      const parsedQuery = (spec.query ?? anyZ).safeParse(query);
      const parsedHeaders = (spec.headers ?? anyZ).safeParse(headerValues);
      const parsedBody = (spec.body ?? anyZ).safeParse(body);
      const issues = [
        ...(parsedQuery.success ? [] : parsedQuery.error.issues),
        ...(parsedHeaders.success ? [] : parsedHeaders.error.issues),
        ...(parsedBody.success ? [] : parsedBody.error.issues),
      ];
      if (issues.length > 0) {
        const fields: Record<string, string> = {};
        for (const issue of issues) fields[issue.path.map(String).join(".") || "_"] ??= issue.message;
        throw new ValidationError(fields);
      }

      const address = clientAddress(request.headers);
      if (spec.limit) await consumeLimit(spec.limit, actor?.id ?? address);

      const result = await handler({
        actor,
        params: parsedParams.data as Out<P>,
        query: parsedQuery.data as Out<Q>,
        headers: parsedHeaders.data as Out<H>,
        body: parsedBody.data as Out<B>,
        request,
        clientAddress: address,
      });
      if (result instanceof Response) return result;
      return Response.json(result.body, { status: result.status ?? 200, headers: { ...jsonHeaders, ...result.headers } });
    } catch (error) {
      return errorResponse(request, error);
    }
  };
}

/** The JSON error answer for any thrown value (also used by non-v1 routes). */
export async function errorResponse(request: Request, error: unknown): Promise<Response> {
  const mapped = mapError(error);
  if (mapped.status === 500) console.error("[api] unexpected error", request.method, new URL(request.url).pathname, error);
  const locale = negotiateLocale(cookieValue(request.headers.get("cookie"), localeCookie), request.headers.get("accept-language"));
  const message = await errorMessage(locale, mapped.messageKey, mapped.status);
  const fields = mapped.fields ? Object.fromEntries(await Promise.all(Object.entries(mapped.fields).map(async ([k, v]) => [k, await errorMessage(locale, v, 422)] as const))) : undefined;
  const headers: Record<string, string> = { ...jsonHeaders, "content-language": locale };
  if (mapped.retryAfter !== undefined) headers["retry-after"] = String(mapped.retryAfter);
  return Response.json({ error: { code: mapped.code, message, ...(fields ? { fields } : {}) } }, { status: mapped.status, headers });
}

function cookieValue(cookie: string | null, name: string): string | undefined {
  return cookie?.match(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`))?.[1];
}
