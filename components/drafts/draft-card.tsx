import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

type Props = {
  draft: {
    reference: string;
    title: string;
    abstract: string;
    closesAt: Date | null;
    organisation: { slug: string; name: string };
  };
};

export async function DraftCard({ draft }: Props) {
  const [t, format] = await Promise.all([getTranslations("home"), getFormatter()]);
  return (
    <article className="card flex flex-col gap-2" aria-labelledby={`draft-${draft.reference}`}>
      <p className="font-mono text-sm text-muted">
        <span className="sr-only">{t("reference")}: </span>
        {draft.reference}
      </p>
      <h3 id={`draft-${draft.reference}`} className="text-xl font-bold">
        <Link href={`/drafts/${encodeURIComponent(draft.reference)}`} className="link">
          {draft.title}
        </Link>
      </h3>
      <p>{draft.abstract}</p>
      <p className="text-sm text-muted">
        {t("by", { organisation: draft.organisation.name })}
        {" · "}
        {draft.closesAt ? (
          <time dateTime={draft.closesAt.toISOString()}>
            {t("closes", { date: format.dateTime(draft.closesAt, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) + " UTC" })}
          </time>
        ) : (
          t("noClosingDate")
        )}
      </p>
    </article>
  );
}
