"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      {error.digest ? <p className="font-mono text-sm text-muted">{error.digest}</p> : null}
      <div>
        <button type="button" className="btn-primary" onClick={reset}>
          {t("retry")}
        </button>
      </div>
    </div>
  );
}
