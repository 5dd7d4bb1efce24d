import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** A per-user, unguessable token for the one-click unsubscribe link (no sign-in needed). */
export function unsubscribeToken(userId: string): string {
  return createHmac("sha256", env.NEXTAUTH_SECRET ?? "parley-development-secret").update(`unsubscribe:${userId}`).digest("base64url");
}

export function verifyUnsubscribeToken(userId: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(userId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Digests: a per-(user, draft) token for the one-click "stop following this draft" link. */
export function unfollowToken(userId: string, draftId: string): string {
  return createHmac("sha256", env.NEXTAUTH_SECRET ?? "parley-development-secret").update(`unfollow:${userId}:${draftId}`).digest("base64url");
}

export function verifyUnfollowToken(userId: string, draftId: string, token: string): boolean {
  const expected = Buffer.from(unfollowToken(userId, draftId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
