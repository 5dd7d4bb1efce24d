import { localeCookie } from "@/lib/i18n/config";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import edgeAr from "@/lib/i18n/messages/edge/ar.json";
import edgeEn from "@/lib/i18n/messages/edge/en.json";
import edgeEs from "@/lib/i18n/messages/edge/es.json";
import edgeFr from "@/lib/i18n/messages/edge/fr.json";
import edgeRu from "@/lib/i18n/messages/edge/ru.json";
import edgeZh from "@/lib/i18n/messages/edge/zh.json";

const catalogs = { en: edgeEn, fr: edgeFr, es: edgeEs, ar: edgeAr, zh: edgeZh, ru: edgeRu };

// C0 controls and DEL; U+FFFD marks invalid UTF-8 decoded leniently.
const forbidden = /[\u0000-\u001F\u007F\uFFFD]/;
const MAX_PATH = 2048;
const MAX_QUERY_VALUE = 2000;

/**
 * The first check on every request, before any page, action or route runs: a path or query with
 * bytes no person types (NUL and other control characters, malformed percent-encoding, invalid
 * UTF-8) or of absurd length gets a 400 with a short localised message, instead of reaching
 * PostgreSQL and failing there.
 *
 * @returns the 400 response to send, or null to let the request through.
 */
export function guardRequest(url: URL, headers: Headers): Response | null {
  const problem = findProblem(url);
  if (!problem) return null;
  const cookie = headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${localeCookie}=([^;]*)`))?.[1];
  const locale = negotiateLocale(cookie, headers.get("accept-language"));
  const message = catalogs[locale].errors[problem];
  const body = url.pathname.startsWith("/api/") ? JSON.stringify({ error: { code: "bad_request", message } }) : message;
  return new Response(body, {
    status: 400,
    headers: { "content-type": url.pathname.startsWith("/api/") ? "application/json" : "text/plain; charset=utf-8", "cache-control": "no-store", "content-language": locale },
  });
}

function findProblem(url: URL): "invalidEncoding" | "invalidCharacters" | "tooLong" | null {
  if (url.pathname.length > MAX_PATH) return "tooLong";
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return "invalidEncoding";
  }
  if (forbidden.test(path)) return "invalidCharacters";
  const rawQuery = url.search.slice(1);
  if (rawQuery) {
    for (const part of rawQuery.split("&")) {
      try {
        decodeURIComponent(part.replace(/\+/g, " "));
      } catch {
        return "invalidEncoding";
      }
    }
    for (const [key, value] of url.searchParams) {
      if (key.length > 100 || value.length > MAX_QUERY_VALUE) return "tooLong";
      if (forbidden.test(key) || forbidden.test(value)) return "invalidCharacters";
    }
  }
  return null;
}
