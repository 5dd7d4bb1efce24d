import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("codeOfConduct");
  return { title: t("title") };
}

const rules = ["respect", "onTopic", "evidence", "noHarm", "privacy", "oneVoice", "moderation"] as const;

/** The published code of conduct participants agree to and moderators apply. */
export default async function CodeOfConductPage() {
  const t = await getTranslations("codeOfConduct");
  return (
    <article className="flex max-w-3xl flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-lg">{t("lead")}</p>
      <ol className="flex list-decimal flex-col gap-3 ps-6">
        {rules.map((r) => (
          <li key={r}>
            <strong>{t(`rules.${r}.title`)}</strong> {t(`rules.${r}.body`)}
          </li>
        ))}
      </ol>
      <p>{t("closing")}</p>
    </article>
  );
}
