"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useState } from "react";

/**
 * The page failed. If the database is what is missing (readiness answers 503: down, restarting or
 * too slow), this says so calmly and retries by itself; otherwise the usual error message.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const u = useTranslations("unavailablePage");
  const router = useRouter();
  const [unavailable, setUnavailable] = useState(false);
  // A server component failed: fetch it again from the server, then re-render the segment.
  const retry = useCallback(
    () =>
      startTransition(() => {
        router.refresh();
        reset();
      }),
    [router, reset],
  );
  useEffect(() => {
    console.error(error);
    const controller = new AbortController();
    fetch("/api/health/ready", { cache: "no-store", signal: controller.signal })
      .then((r) => setUnavailable(r.status === 503))
      .catch(() => {});
    return () => controller.abort();
  }, [error]);
  useEffect(() => {
    if (!unavailable) return;
    // Try again after the same pause the API asks of its clients.
    const timer = setTimeout(retry, 5_000);
    return () => clearTimeout(timer);
  }, [unavailable, retry]);
  return (
    <div role="alert" className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{unavailable ? u("title") : t("title")}</h1>
      <p>{unavailable ? u("body") : t("body")}</p>
      {!unavailable && error.digest ? <p className="font-mono text-sm text-muted">{error.digest}</p> : null}
      <div>
        <button type="button" className="btn-primary" onClick={retry}>
          {unavailable ? u("retry") : t("retry")}
        </button>
      </div>
    </div>
  );
}
