import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { registerAction } from "@/lib/auth/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("registerTitle")}</h1>
      <p>{t("registerLead")}</p>
      <RegisterForm action={registerAction} />
      <p>
        {t("haveAccount")}{" "}
        <Link href="/signin" className="link">
          {t("signInButton")}
        </Link>
      </p>
    </div>
  );
}
