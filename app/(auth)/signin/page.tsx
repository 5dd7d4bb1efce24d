import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/form/form-message";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env, oidcEnabled } from "@/lib/env";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

type Search = { callbackUrl?: string; error?: string; signedOut?: string; verified?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("signInTitle")}</h1>
      <p>{t("signInLead")}</p>
      {params.signedOut ? <FormMessage kind="success">{t("signedOut")}</FormMessage> : null}
      {params.verified ? (
        <FormMessage kind="success" title={t("verifiedTitle")}>
          {t("verifiedBody")}
        </FormMessage>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} initialError={params.error} oidcName={oidcEnabled ? env.OIDC_NAME : undefined} />
      <p>
        {t("noAccount")}{" "}
        <Link href="/register" className="link">
          {t("registerLink")}
        </Link>
      </p>
    </div>
  );
}
