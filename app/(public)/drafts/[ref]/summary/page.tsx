import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { isolate } from "@/lib/i18n/isolate";
import { notFound } from "next/navigation";
import { SummaryReport } from "@/components/summaries/summary-report";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getPublishedSummary } from "@/lib/summaries/publish";
import { OpenDataLinks } from "@/components/discussion/open-data-links";
import { openDataDraft } from "@/lib/discussion/open-data";

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<{ v?: string }> };

async function load({ params, searchParams }: Props) {
  const reference = decodeURIComponent((await params).ref);
  const v = (await searchParams).v;
  const number = v && /^\d{1,4}$/.test(v) ? Number(v) : undefined;
  try {
    return await getPublishedSummary(reference, await getCurrentUser(), number);
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const summary = await load(props);
  const t = await getTranslations("summaries.page");
  return { title: t("title", { title: summary.draft.title }) };
}

/** The published summary of responses: public, versioned, and laid out to print or save as PDF. */
export default async function SummaryPage(props: Props) {
  const summary = await load(props);
  const [t, format, openData] = await Promise.all([getTranslations("summaries.page"), getFormatter(), openDataDraft(summary.draft.reference, await getCurrentUser())]);
  const base = `/drafts/${encodeURIComponent(summary.draft.reference)}`;
  return (
    <article className="flex flex-col gap-8" aria-labelledby="summary-title">
      <header className="flex flex-col gap-2">
        <p className="font-mono text-sm text-muted">
          <Link className="link" href={base}>
            {summary.draft.reference}
          </Link>
        </p>
        <h1 id="summary-title" className="text-3xl font-bold">
          {t("title", { title: isolate(summary.draft.title) })}
        </h1>
        <p className="text-lg">{t("lead", { organisation: isolate(summary.draft.organisation.name), reference: summary.draft.reference })}</p>
        <p data-testid="summary-version">
          {t("version", { number: summary.number, date: format.dateTime(summary.publishedAt, { dateStyle: "long", timeStyle: "short" }) })}
          {summary.publishedBy ? ` ${t("by", { name: summary.publishedBy })}` : null}
        </p>
        {summary.note ? (
          <p className="rounded border-s-4 border-accent bg-white p-3">
            <strong>{t("note")}</strong> {summary.note}
          </p>
        ) : null}
        <nav className="flex flex-wrap gap-x-4 gap-y-1 print:hidden" aria-label={t("versions")}>
          <a className="link" href={`${base}/summary.json?v=${summary.number}`}>
            {t("json")}
          </a>
          <span>{t("print")}</span>
          {summary.versions.length > 1 ? (
            <span>
              {t("versions")}:{" "}
              {summary.versions.map((v, i) => (
                <span key={v.number}>
                  {i > 0 ? ", " : ""}
                  {v.number === summary.number ? (
                    <strong aria-current="page">{v.number}</strong>
                  ) : (
                    <Link className="link" href={`${base}/summary?v=${v.number}`}>
                      {v.number}
                    </Link>
                  )}
                </span>
              ))}
            </span>
          ) : null}
        </nav>
        {openData ? <OpenDataLinks reference={openData.reference} licence={openData.licence} licenceUrl={openData.licenceUrl} /> : null}
      </header>
      <SummaryReport reference={summary.draft.reference} content={summary.content} version={summary.number} />
    </article>
  );
}
