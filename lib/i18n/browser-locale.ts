import { isLocale, defaultLocale, locales, type Locale } from "./config";

/**
 * The interface language when only the browser is left to ask (the root layout failed, so the
 * server's choice is not available): the NEXT_LOCALE cookie if it names one of the six locales, else
 * the first of `languages` (navigator.languages, e.g. ["ar-EG", "en"]) whose primary subtag is one,
 * else English. Pure, for the browser; the server negotiates in lib/i18n/negotiate.ts.
 */
export function browserLocale(cookieHeader: string, languages: readonly string[]): Locale {
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(cookieHeader)?.[1];
  if (isLocale(cookie)) return cookie;
  for (const tag of languages) {
    const primary = tag.toLowerCase().split("-")[0];
    if ((locales as readonly string[]).includes(primary ?? "")) return primary as Locale;
  }
  return defaultLocale;
}
