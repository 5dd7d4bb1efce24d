"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { localeNames, locales } from "@/lib/i18n/config";
import { setLocale } from "@/lib/i18n/set-locale";

/** A plain form (works without JavaScript): choose, then press the button. No change on select alone (WCAG 3.2.2). */
export function LanguageSwitcher() {
  const t = useTranslations("language");
  const locale = useLocale();
  const pathname = usePathname();
  return (
    <form action={setLocale} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="returnTo" value={pathname || "/"} />
      <label htmlFor="language-select" className="text-sm">
        {t("label")}
      </label>
      <select id="language-select" name="locale" defaultValue={locale} className="min-h-11 rounded-md border border-gray-500 bg-white px-2 text-sm">
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-secondary min-h-11 px-3 text-sm">
        {t("apply")}
      </button>
    </form>
  );
}
