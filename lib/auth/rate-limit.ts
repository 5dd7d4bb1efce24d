import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

/**
 * Failed sign-ins are counted in PostgreSQL (not in process memory) so the limit holds across
 * server instances and restarts. rate-limiter-flexible does the windowing.
 */
let limiter: RateLimiterPrisma | undefined;
function signInLimiter(): RateLimiterPrisma {
  limiter ??= new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimiterFlexible",
    keyPrefix: "signin",
    points: env.SIGNIN_MAX_FAILURES,
    duration: env.SIGNIN_WINDOW_SECONDS,
    clearExpiredByTimeout: false,
  });
  return limiter;
}

/** Throws RateLimitedError when this email has used up its failed attempts. */
export async function assertSignInAllowed(email: string): Promise<void> {
  const res = await signInLimiter().get(email);
  if (res && res.remainingPoints <= 0) throw new RateLimitedError(Math.ceil(res.msBeforeNext / 1000));
}

export async function recordFailedSignIn(email: string): Promise<void> {
  await signInLimiter()
    .consume(email)
    .catch(() => undefined);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await signInLimiter().delete(email);
}

/** A general-purpose limiter for emails we send on request (registration, reset, magic links). */
let mailLimiter: RateLimiterPrisma | undefined;
export async function assertMailAllowed(key: string): Promise<void> {
  mailLimiter ??= new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimiterFlexible",
    keyPrefix: "mail",
    points: 5,
    duration: 60 * 60,
    clearExpiredByTimeout: false,
  });
  try {
    await mailLimiter.consume(key);
  } catch (res) {
    const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? 60_000;
    throw new RateLimitedError(Math.ceil(ms / 1000));
  }
}
