import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const [t, tc] = await Promise.all([getTranslations("notFound"), getTranslations("common")]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/" className="link">
          {tc("backHome")}
        </Link>
      </p>
    </div>
  );
}
