import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { RateLimitedError } from "@/lib/errors";

/**
 * Participation and API abuse limits, shared by every server process: the counters live in
 * PostgreSQL (table RateLimiterFlexible, through rate-limiter-flexible's Prisma store). Once a key
 * has used up its points, each process also blocks it in memory until the window ends
 * (`inMemoryBlockOnConsumed`), so a flood costs the database nothing more.
 *
 * Defaults are far above what a real participant does (see README "Abuse limits").
 */
export const limitPolicies = {
  /** Comments and replies per account. */
  comment: () => ({ points: env.LIMIT_COMMENTS_PER_HOUR, duration: 3600 }),
  /** Votes per account. */
  vote: () => ({ points: env.LIMIT_VOTES_PER_HOUR, duration: 3600 }),
  /** Flags per account. */
  flag: () => ({ points: env.LIMIT_FLAGS_PER_HOUR, duration: 3600 }),
  /** Attached files per account (issue 13). */
  attachment: () => ({ points: env.LIMIT_ATTACHMENTS_PER_HOUR, duration: 3600 }),
} as const;
export type LimitName = keyof typeof limitPolicies;

const limiters = new Map<LimitName, RateLimiterPrisma>();
function limiter(name: LimitName): RateLimiterPrisma {
  let l = limiters.get(name);
  if (!l) {
    const { points, duration } = limitPolicies[name]();
    l = new RateLimiterPrisma({
      storeClient: prisma,
      tableName: "rateLimiterFlexible",
      keyPrefix: `limit:${name}`,
      points,
      duration,
      inMemoryBlockOnConsumed: points,
      inMemoryBlockDuration: duration,
      clearExpiredByTimeout: false,
    });
    limiters.set(name, l);
  }
  return l;
}

/**
 * Spends one point of `name` for `key`.
 *
 * @param name a policy of `limitPolicies`.
 * @param key who is limited (an account id or a client address); null = not limited (no key known).
 * @throws RateLimitedError with the seconds until the window frees a point (→ 429 + Retry-After).
 */
export async function consumeLimit(name: LimitName, key: string | null): Promise<void> {
  if (!key) return;
  try {
    await limiter(name).consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    throw rejection;
  }
}
