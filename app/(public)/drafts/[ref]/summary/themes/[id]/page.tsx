import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { commentHref } from "@/components/summaries/links";
import { Pagination } from "@/components/pagination";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getPublishedSummary } from "@/lib/summaries/publish";
import { commentsForList } from "@/lib/summaries/queries";

type Props = { params: Promise<{ ref: string; id: string }>; searchParams: Promise<{ v?: string; page?: string }> };

const PAGE_SIZE = 50;

async function load({ params, searchParams }: Props) {
  const { ref, id } = await params;
  const query = await searchParams;
  const number = query.v && /^\d{1,4}$/.test(query.v) ? Number(query.v) : undefined;
  try {
    const summary = await getPublishedSummary(decodeURIComponent(ref), await getCurrentUser(), number);
    const theme = summary.content.themes.find((t) => t.id === id);
    const ids = summary.content.themeComments?.[id];
    if (!theme || !ids) notFound();
    return { summary, theme, ids, page: Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? "1", 10) || 1)) };
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { theme } = await load(props);
  return { title: theme.label };
}

/** Every comment of one theme of a published summary, as it stood when the summary was published. */
export default async function SummaryThemePage(props: Props) {
  const { summary, theme, ids, page } = await load(props);
  const [t, tg, tk] = await Promise.all([getTranslations("summaries"), getTranslations("groups"), getTranslations("participation.kinds")]);
  const comments = await commentsForList(ids.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
  const base = `/drafts/${encodeURIComponent(summary.draft.reference)}/summary`;
  return (
    <article className="flex flex-col gap-6" aria-labelledby="theme-title">
      <p>
        <Link className="link" href={`${base}?v=${summary.number}`}>
          {t("themePage.back", { title: summary.draft.title, number: summary.number })}
        </Link>
      </p>
      <h1 id="theme-title" dir="auto" className="text-3xl font-bold">
        {theme.label}
      </h1>
      <p>{t("themePage.lead", { count: ids.length, number: summary.number })}</p>
      <ol className="flex flex-col gap-3" data-testid="theme-comments">
        {comments.map((c) => (
          <li key={c.id} className="card flex flex-col gap-1">
            {c.body ? <blockquote dir="auto" className="border-s-4 border-line ps-3">{c.body}</blockquote> : <p className="text-muted">{t("themePage.removed")}</p>}
            <p className="text-sm text-muted">
              {[c.group ? tg(c.group as never) : t("themes.undeclared"), c.kind ? tk(c.kind as never) : null, t("statements.votes", { agree: c.agree, disagree: c.disagree, pass: c.pass })].filter(Boolean).join(" · ")}{" "}
              <a className="link" href={commentHref(summary.draft.reference, c.id)}>
                {t("themes.openComment")}
              </a>
            </p>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={Math.ceil(ids.length / PAGE_SIZE)} href={(p) => `${base}/themes/${encodeURIComponent(theme.id)}?v=${summary.number}&page=${p}`} />
    </article>
  );
}
