import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { defaultLocale, isLocale, locales, type Locale } from "./config";

/** Picks the locale: an explicit cookie choice wins, then the browser's Accept-Language. */
export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (!acceptLanguage) return defaultLocale;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  try {
    const chosen = match(requested, locales as unknown as string[], defaultLocale);
    return isLocale(chosen) ? chosen : defaultLocale;
  } catch {
    return defaultLocale;
  }
}
