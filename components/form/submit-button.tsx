"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";

export function SubmitButton({ children, className = "btn-primary" }: { children: React.ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  const t = useTranslations("common");
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? t("working") : children}
    </button>
  );
}
