import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { confirmEmailAction } from "@/lib/auth/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("verifyTitle") };
}

type Search = { token?: string; error?: string };

/**
 * Confirming takes a button press (a POST), not the page load: mail scanners that prefetch links
 * would otherwise use up the single-use token before the person opens it.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { token = "", error } = await searchParams;
  const [t, te] = await Promise.all([getTranslations("auth"), getTranslations("errors")]);
  if (error === "invalid" || error === "expired" || !token) {
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-6">
        <h1 className="text-3xl font-bold">{t("verifyFailedTitle")}</h1>
        <FormMessage kind="error">{te(error === "expired" ? "expired" : "invalid")}</FormMessage>
        <p>
          <Link className="link" href="/register">
            {t("registerLink")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("verifyTitle")}</h1>
      <p>{t("verifyLead")}</p>
      <form action={confirmEmailAction} className="card flex flex-col gap-4">
        <input type="hidden" name="token" value={token.slice(0, 200)} />
        <div>
          <SubmitButton>{t("verifyButton")}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
