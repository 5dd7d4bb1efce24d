import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

/**
 * Abuse limits on the ways into an account. Counters live in PostgreSQL (the RateLimiterFlexible
 * table, through rate-limiter-flexible's RateLimiterPrisma), so every server process and restart
 * sees the same counts. Limits and windows come from lib/env.ts (see the README's table).
 *
 * A missing client address (a request that did not pass through the server entry, e.g. a use case
 * called from a script) skips the per-address limit; the per-account/per-recipient limit still holds.
 */
export type LimitSpec = { keyPrefix: string; points: number; durationSeconds: number };

type StoreClient = ConstructorParameters<typeof RateLimiterPrisma>[0]["storeClient"];

/** A limiter over the shared table; two limiters with the same spec share their counts. */
export function createLimiter(spec: LimitSpec, storeClient: StoreClient = prisma): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient,
    tableName: "rateLimiterFlexible",
    keyPrefix: spec.keyPrefix,
    points: spec.points,
    duration: spec.durationSeconds,
    clearExpiredByTimeout: false,
  });
}

export const limitSpecs = {
  signInPerAccount: { keyPrefix: "signin", points: env.SIGNIN_MAX_FAILURES, durationSeconds: env.SIGNIN_WINDOW_SECONDS },
  signInPerAddress: { keyPrefix: "signin-addr", points: env.SIGNIN_MAX_FAILURES_PER_ADDRESS, durationSeconds: env.SIGNIN_WINDOW_SECONDS },
  authMailPerRecipient: { keyPrefix: "mail", points: env.AUTH_EMAILS_PER_RECIPIENT_PER_HOUR, durationSeconds: 60 * 60 },
  authMailPerAddress: { keyPrefix: "mail-addr", points: env.AUTH_EMAILS_PER_ADDRESS_PER_HOUR, durationSeconds: 60 * 60 },
  registrationPerAddress: { keyPrefix: "register-addr", points: env.REGISTRATIONS_PER_ADDRESS_PER_HOUR, durationSeconds: 60 * 60 },
} satisfies Record<string, LimitSpec>;

const limiters = new Map<string, RateLimiterPrisma>();
function limiter(spec: LimitSpec): RateLimiterPrisma {
  let found = limiters.get(spec.keyPrefix);
  if (!found) limiters.set(spec.keyPrefix, (found = createLimiter(spec)));
  return found;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Takes one point from each (limiter, key) pair, skipping null keys.
 * @throws RateLimitedError (retryAfterSeconds: the longest wait among the exhausted limits).
 */
export async function consumeOrThrow(entries: ReadonlyArray<[RateLimiterPrisma, string | null]>): Promise<void> {
  let wait = 0;
  for (const [l, key] of entries) {
    if (key === null) continue;
    try {
      await l.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      wait = Math.max(wait, seconds(error.msBeforeNext));
    }
  }
  if (wait > 0) throw new RateLimitedError(wait);
}

/** Seconds to wait before another attempt is allowed, or 0 when every key has points left. */
export async function exhaustedFor(entries: ReadonlyArray<[RateLimiterPrisma, string | null]>): Promise<number> {
  let wait = 0;
  for (const [l, key] of entries) {
    if (key === null) continue;
    const res = await l.get(key);
    if (res && res.remainingPoints <= 0) wait = Math.max(wait, seconds(res.msBeforeNext));
  }
  return wait;
}

const signInKeys = (email: string | null, address: string | null): Array<[RateLimiterPrisma, string | null]> => [
  [limiter(limitSpecs.signInPerAccount), email],
  [limiter(limitSpecs.signInPerAddress), address],
];

/**
 * Password sign-in: throws RateLimitedError when this account, or this client address (spraying
 * across many accounts), has used up its failed attempts in the window.
 */
export async function assertSignInAllowed(email: string | null, address: string | null = null): Promise<void> {
  const wait = await exhaustedFor(signInKeys(email, address));
  if (wait > 0) throw new RateLimitedError(wait);
}

/** Counts one failed password sign-in against the account and the client address. */
export async function recordFailedSignIn(email: string, address: string | null = null): Promise<void> {
  await consumeOrThrow(signInKeys(email, address)).catch((error: unknown) => {
    if (!(error instanceof RateLimitedError)) throw error;
  });
}

/** A successful sign-in or password reset clears the account's failures (not the address's). */
export async function clearFailedSignIns(email: string): Promise<void> {
  await limiter(limitSpecs.signInPerAccount).delete(email);
}

export type AuthMailKind = "magicLink" | "register" | "reset";

/**
 * One email sent on request (magic link, verification, password reset), counted per recipient and
 * per client address. @throws RateLimitedError
 */
export async function consumeAuthMail(kind: AuthMailKind, recipient: string, address: string | null = null): Promise<void> {
  await consumeOrThrow([
    [limiter(limitSpecs.authMailPerRecipient), `${kind}:${recipient}`],
    [limiter(limitSpecs.authMailPerAddress), address],
  ]);
}

/** One registration attempt from this client address. @throws RateLimitedError */
export async function consumeRegistration(address: string | null): Promise<void> {
  await consumeOrThrow([[limiter(limitSpecs.registrationPerAddress), address]]);
}
