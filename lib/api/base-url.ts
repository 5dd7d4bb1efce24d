import { env } from "@/lib/env";

/** Absolute base URL for links in feeds and API responses. */
export function publicBaseUrl(): string {
  return (env.PUBLIC_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
