import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { cookies, headers } from "next/headers";
import { prisma } from "@/lib/db/client";
import { env, oidcEnabled } from "@/lib/env";
import { localeCookie } from "@/lib/i18n/config";
import { clientAddress } from "@/lib/http/client-address";
import { safeRedirectUrl } from "@/lib/http/safe-redirect";
import { sendAuthEmail } from "@/lib/mail/auth-emails";
import { ZSignInInput } from "./schemas";
import { authenticateWithPassword } from "./authenticate";
import { endSession, startSession } from "./sessions";

async function requestUserAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
}

async function requestLocale(): Promise<string | undefined> {
  try {
    return (await cookies()).get(localeCookie)?.value;
  } catch {
    return undefined;
  }
}

type OidcProfile = { sub: string; email: string; name?: string; preferred_username?: string };

function oidcProvider(): OAuthConfig<OidcProfile> {
  const issuer = env.OIDC_ISSUER!.replace(/\/$/, "");
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (p) => ({ id: p.sub, email: p.email, name: p.name ?? p.preferred_username ?? null }),
  };
}

export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma as never) as Adapter,
  secret: env.NEXTAUTH_SECRET,
  // Credentials sign-in in next-auth v4 requires JWT sessions; the JWT only carries a UserSession
  // id, and every request re-reads that row with its user (lib/auth/current-user.ts), so sign-out,
  // suspension and password changes take effect at once.
  session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, req) {
        const parsed = ZSignInInput.safeParse(raw);
        if (!parsed.success) throw new Error("invalidCredentials");
        const address = clientAddress(new Headers((req.headers ?? {}) as Record<string, string>));
        const result = await authenticateWithPassword(parsed.data.email, parsed.data.password, address);
        if (!result.ok) throw new Error(result.error);
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
    EmailProvider({
      // Sent through our own mailer (SMTP_URL, or the server log when unset).
      server: "smtp://unused.invalid",
      from: env.MAIL_FROM,
      maxAge: 30 * 60,
      async sendVerificationRequest({ identifier, url }) {
        await sendAuthEmail("magicLink", identifier, url, await requestLocale());
      },
    }),
    ...(oidcEnabled ? [oidcProvider()] : []),
  ],
  callbacks: {
    async signIn({ user }) {
      if (!user?.id) return true;
      const row = await prisma.user.findUnique({ where: { id: user.id }, select: { suspendedAt: true } });
      return row?.suspendedAt ? "/signin?error=suspended" : true;
    },
    async jwt({ token, user }) {
      // `user` is present only at sign-in (any provider): that is when the server-side session starts.
      if (user) {
        token.sub = user.id;
        token.sid = await startSession(user.id, await requestUserAgent());
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub ?? "" }, sid: token.sid };
    },
    // Every redirect next-auth makes (callbackUrl after sign-in/out) stays on this site.
    async redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, new URL(baseUrl).origin);
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid);
    },
  },
};
