"use client";

import { useSyncExternalStore } from "react";
import { browserLocale } from "@/lib/i18n/browser-locale";
import type { Locale } from "@/lib/i18n/config";
import ar from "@/lib/i18n/messages/edge/ar.json";
import en from "@/lib/i18n/messages/edge/en.json";
import es from "@/lib/i18n/messages/edge/es.json";
import fr from "@/lib/i18n/messages/edge/fr.json";
import ru from "@/lib/i18n/messages/edge/ru.json";
import zh from "@/lib/i18n/messages/edge/zh.json";

// The root layout itself failed, so next-intl's provider is not there: the page takes its three
// strings straight from the small edge catalogs (all six, ~8 KB) and the language from the browser.
const catalogs: Record<Locale, typeof en> = { en, fr, es, ru, zh, ar };

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // English while rendered on the server, the browser's language once hydrated.
  const locale = useSyncExternalStore(
    () => () => {},
    () => browserLocale(document.cookie, navigator.languages),
    (): Locale => "en",
  );
  const t = catalogs[locale].unavailablePage;
  return (
    <html lang={locale} dir={locale === "ar" ? "rtl" : "ltr"}>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", lineHeight: 1.5 }}>
        <main role="alert">
          <h1>{t.title}</h1>
          <p>{t.body}</p>
          <button type="button" onClick={reset} style={{ minHeight: "44px", padding: "0 1rem" }}>
            {t.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
