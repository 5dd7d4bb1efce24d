import { env } from "@/lib/env";

const fallback = "/";
const maxLength = 2000;
// Browsers strip tab/CR/LF inside URLs and treat "\" like "/", so "/\t/evil.org" and "/\evil.org"
// become protocol-relative; any such character (raw or percent-encoded) disqualifies the target.
const unsafeCharacters = /[\u0000-\u001f\u007f\\]/;

/** This site's origin (scheme, host, port), from NEXTAUTH_URL or PUBLIC_URL. */
export function siteOrigin(): string {
  return new URL(env.NEXTAUTH_URL ?? env.PUBLIC_URL ?? "http://localhost:3000").origin;
}

function decodedForms(value: string): string[] {
  const forms = [value];
  let current = value;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return [...forms, "\\"]; // malformed escapes: treat as hostile
    }
    if (next === current) break;
    forms.push(next);
    current = next;
  }
  return forms;
}

/**
 * The one check for every redirect target taken from user input (`callbackUrl`, the language
 * switcher's `returnTo`, next-auth's redirect callback).
 *
 * @param target the untrusted value (a path such as "/drafts/x?page=2#c1", or an absolute URL).
 * @param origin this site's origin; defaults to {@link siteOrigin}.
 * @returns a same-origin path beginning with exactly one "/" (path, query and fragment), or "/"
 *   when the target is missing, longer than 2000 characters, points to another origin, or uses a
 *   backslash, control character, whitespace, protocol-relative or encoded form of those.
 */
export function safeRedirectPath(target: unknown, origin: string = siteOrigin()): string {
  if (typeof target !== "string" || target === "" || target.length > maxLength) return fallback;
  if (/\s/.test(target)) return fallback;
  for (const form of decodedForms(target)) {
    if (unsafeCharacters.test(form)) return fallback;
    if (form.startsWith("//")) return fallback;
  }
  const base = new URL(origin);
  // Only site-absolute paths or absolute URLs: "evil.org" or "javascript:..." are not paths.
  if (!target.startsWith("/") && !/^https?:\/\//i.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}

/** The same check, as an absolute URL on this site (for next-auth's redirect callback). */
export function safeRedirectUrl(target: unknown, origin: string = siteOrigin()): string {
  return new URL(safeRedirectPath(target, origin), origin).toString();
}
