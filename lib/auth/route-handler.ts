import "server-only";
import NextAuth from "next-auth";
import { RateLimitedError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { siteOrigin } from "@/lib/http/safe-redirect";
import { authOptions } from "./options";
import { assertSignInAllowed, consumeAuthMail } from "./rate-limit";
import { ZEmail } from "./schemas";

const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * 429 for next-auth's own endpoints. The body keeps next-auth's `{url}` shape (its client reads the
 * `error` query parameter, so the sign-in form shows the localised "rateLimited" message) and adds
 * the API's `{error:{code,message}}`.
 */
function tooManyRequests(retryAfterSeconds: number): Response {
  return Response.json(
    {
      url: `${siteOrigin()}/signin?error=rateLimited`,
      error: { code: "rateLimited", message: `Too many attempts. Wait ${retryAfterSeconds} seconds (see Retry-After), then try again.` },
    },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

async function emailIn(request: Request): Promise<string | null> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const parsed = ZEmail.safeParse(form?.get("email"));
  return parsed.success ? parsed.data : null;
}

/**
 * /api/auth/* (next-auth), with the abuse limits in front: a password sign-in is refused with 429 +
 * Retry-After once the account or the client address has used up its failed attempts (failures are
 * counted by the credentials provider), and each sign-in link request takes one point per
 * recipient and per address.
 */
export async function authRoute(request: Request, context: Context): Promise<Response> {
  if (request.method === "POST") {
    const action = (await context.params).nextauth?.join("/");
    try {
      if (action === "callback/credentials") {
        await assertSignInAllowed(await emailIn(request), clientAddress(request.headers));
      } else if (action === "signin/email") {
        const email = await emailIn(request);
        if (email) await consumeAuthMail("magicLink", email, clientAddress(request.headers));
      }
    } catch (error) {
      if (error instanceof RateLimitedError) return tooManyRequests(error.retryAfterSeconds);
      throw error;
    }
  }
  return nextAuth(request, context) as Promise<Response>;
}
