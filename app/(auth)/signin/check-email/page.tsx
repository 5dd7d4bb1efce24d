import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormMessage } from "@/components/form/form-message";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("checkEmailTitle") };
}

export default async function CheckEmailPage() {
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("checkEmailTitle")}</h1>
      <FormMessage kind="success">{t("checkEmailGeneric")}</FormMessage>
    </div>
  );
}
