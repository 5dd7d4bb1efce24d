"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Shows a running analysis's progress and refreshes the page until it is done. */
export function AnalysisProgress({ active, progress, step }: { active: boolean; progress: number; step: string }) {
  const router = useRouter();
  const t = useTranslations("summaries.analysis");
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [active, router]);
  if (!active) return null;
  const percent = Math.round(progress * 100);
  return (
    <div className="flex flex-col gap-1" data-testid="analysis-progress">
      <label htmlFor="analysis-progress-bar" className="text-sm font-semibold">
        {t("running")}
      </label>
      <progress id="analysis-progress-bar" className="w-full max-w-md" value={percent} max={100}>
        {percent}%
      </progress>
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {t("progress", { percent, step: t.has(`steps.${step}`) ? t(`steps.${step}`) : step })}
      </p>
    </div>
  );
}
