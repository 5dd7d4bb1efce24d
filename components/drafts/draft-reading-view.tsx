import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReaderDraft } from "@/lib/drafts/get-draft";
import type { getDraftTimeline, getVersionBlocks } from "@/lib/drafts/get-draft";
import { textDirection } from "@/lib/drafts/text-direction";
import { isolate } from "@/lib/i18n/isolate";
import { versionLabel, versionSuffix } from "@/lib/drafts/version-label";
import { zonedDateTimeFormat } from "@/lib/time/zoned";
import { argumentTemplate, memoizeLabel } from "@/lib/i18n/memo-labels";
import { DraftText, DraftToc } from "./draft-text";
import { DraftStatusBadge } from "./draft-status-badge";

type Version = NonNullable<Awaited<ReturnType<typeof getVersionBlocks>>>;
type Timeline = Awaited<ReturnType<typeof getDraftTimeline>>;

/**
 * The public reading view of one version: metadata, announcements, table of contents, the numbered
 * text with paragraph permalinks, versions and the timeline. Built for long documents: the text is
 * pre-rendered HTML per paragraph, so a 50-page draft is one query and a string join.
 */
export async function DraftReadingView({ draft, version, timeline, isCurrent, commentCounts, participation }: { draft: ReaderDraft; version: Version; timeline: Timeline; isCurrent: boolean; commentCounts?: Record<string, number>; participation?: React.ReactNode }) {
  const [t, ts, format, locale] = await Promise.all([getTranslations("draftPage"), getTranslations("status"), getFormatter(), getLocale()]);
  // The draft's own text is marked with its declared language and direction; the interface around
  // it stays in the reader's. User-written text of unknown direction gets dir="auto".
  const lang = draft.language;
  const dir = textDirection(draft.language);
  const when = (d: Date | null) =>
    d ? (
      <time dateTime={d.toISOString()}>{format.dateTime(d, zonedDateTimeFormat(draft.timeZone))}</time>
    ) : (
      "—"
    );
  const sections = version.blocks.filter((b) => b.kind === "heading");
  const base = `/drafts/${encodeURIComponent(draft.reference)}`;
  const latest = draft.currentVersion ?? version.number;
  // Closed by an editor before the planned time (kept in originalClosesAt), with their note.
  const closedEarly =
    draft.status === "CLOSED" && draft.originalClosesAt && draft.closesAt && draft.originalClosesAt > draft.closesAt
      ? { note: [...timeline].reverse().find((e) => e.type === "CLOSED")?.note ?? "" }
      : null;
  return (
    <article className="flex flex-col gap-8">
      <header className="flex flex-col gap-3">
        <p className="flex flex-wrap items-center gap-3 font-mono text-sm text-muted">
          <span>{versionLabel(draft.reference, version.number)}</span>
          <DraftStatusBadge status={draft.status} label={ts(draft.status)} />
        </p>
        <h1 className="text-3xl font-bold text-balance" lang={lang} dir={dir} data-content="title">
          {version.title}
        </h1>
        {draft.authors.length > 0 ? (
          <p className="text-muted">
            {t("authors", { names: format.list(draft.authors.map(isolate), { type: "conjunction" }) })}
          </p>
        ) : null}
      </header>

      {!isCurrent ? (
        <div role="note" className="rounded-md border-s-4 border-accent bg-blue-50 p-4">
          {t("oldVersion", { version: versionSuffix(version.number) })}{" "}
          <Link className="link" href={base}>
            {t("readCurrent", { version: versionSuffix(latest) })}
          </Link>
        </div>
      ) : null}
      {draft.extensionNote && draft.originalClosesAt ? (
        <div role="note" className="rounded-md border-s-4 border-accent bg-blue-50 p-4" data-testid="extension-notice">
          <p className="font-semibold">{t("extendedTitle")}</p>
          <p>
            {t("extendedBody")} {when(draft.originalClosesAt)} → {when(draft.closesAt)}
          </p>
          <p dir="auto">{draft.extensionNote}</p>
        </div>
      ) : null}
      {closedEarly ? (
        <div role="note" className="rounded-md border-s-4 border-accent bg-blue-50 p-4" data-testid="closed-early-notice">
          <p className="font-semibold">{t("closedEarlyTitle")}</p>
          <p>
            {t("closedEarlyBody")} {when(draft.originalClosesAt)}. {t("closedEarlyAt")} {when(draft.closesAt)}
          </p>
          {closedEarly.note ? <p dir="auto">{closedEarly.note}</p> : null}
        </div>
      ) : null}
      {draft.status === "WITHDRAWN" ? (
        <div role="note" className="rounded-md border-s-4 border-danger bg-red-50 p-4">
          {t("withdrawnNotice")}
        </div>
      ) : null}

      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("publishedBy")}</dt>
        <dd>
          <Link className="link" href={`/organisations/${draft.organisation.slug}`}>
            <bdi>{draft.organisation.name}</bdi>
          </Link>
        </dd>
        <dt className="font-semibold">{t("status")}</dt>
        <dd>{ts(draft.status)}</dd>
        <dt className="font-semibold">{t("opens")}</dt>
        <dd>{when(draft.opensAt)}</dd>
        <dt className="font-semibold">{t("closes")}</dt>
        <dd data-testid="closes-at">{when(draft.closesAt)}</dd>
        {draft.topics.length > 0 ? (
          <>
            <dt className="font-semibold">{t("topics")}</dt>
            <dd className="flex flex-wrap gap-2">
              {draft.topics.map((topic) => (
                <Link key={topic} href={`/drafts?topic=${encodeURIComponent(topic)}`} className="link" dir="auto">
                  {topic}
                </Link>
              ))}
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("version")}</dt>
        <dd>
          {t("versionOf", { version: versionSuffix(version.number), date: format.dateTime(version.publishedAt, { dateStyle: "long", timeZone: draft.timeZone }), words: version.wordCount })}
        </dd>
      </dl>

      {version.abstract ? (
        <section aria-labelledby="abstract-heading" className="flex flex-col gap-2">
          <h2 id="abstract-heading" className="text-xl font-semibold">
            {t("abstract")}
          </h2>
          <p className="max-w-3xl text-lg" lang={lang} dir={dir} data-content="abstract">
            {version.abstract}
          </p>
        </section>
      ) : null}

      {participation}

      <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
        {sections.length > 0 ? (
          <nav aria-labelledby="toc-heading" className="toc min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-auto print:static">
            <h2 id="toc-heading" className="mb-2 text-lg font-semibold">
              {t("contents")}
            </h2>
            <DraftToc sections={sections} lang={lang} dir={dir} />
          </nav>
        ) : null}
        <section aria-label={t("text")} className="min-w-0 max-w-3xl">
          <DraftText
            blocks={version.blocks}
            commentCounts={commentCounts}
            lang={lang}
            dir={dir}
            labels={{
              lang: locale,
              dir: textDirection(locale),
              permalink: argumentTemplate((n) => t("permalink", { number: n })),
              comments: memoizeLabel((count: number) => t("comments", { count })),
              commentHref: isCurrent ? (anchor) => `${base}/p/${anchor}` : undefined,
            }}
          />
        </section>
      </div>

      <section aria-labelledby="versions-heading" className="flex flex-col gap-3 print:hidden">
        <h2 id="versions-heading" className="text-xl font-semibold">
          {t("versions")}
        </h2>
        <ol className="flex flex-col gap-2">
          {[...draft.versions].reverse().map((v) => (
            <li key={v.number} className="flex flex-wrap gap-x-3">
              <Link className="link font-mono" href={v.number === latest ? base : `${base}/versions/${v.number}`} aria-current={v.number === version.number ? "page" : undefined}>
                -{versionSuffix(v.number)}
              </Link>
              <span className="text-muted">{format.dateTime(v.publishedAt, { dateStyle: "medium", timeZone: draft.timeZone })}</span>
              {v.changeNote ? <span dir="auto">{v.changeNote}</span> : <span>{v.number === 0 ? t("initialVersion") : ""}</span>}
            </li>
          ))}
        </ol>
        {draft.versions.length > 1 ? (
          <p>
            <Link className="link" href={`${base}/diff?from=${Math.max(0, latest - 1)}&to=${latest}`}>
              {t("compare")}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3 print:hidden">
        <h2 id="timeline-heading" className="text-xl font-semibold">
          {t("timeline")}
        </h2>
        <ol className="flex flex-col gap-2 border-s-2 border-line ps-4" data-testid="timeline">
          {timeline.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt.toISOString()} className="text-sm text-muted">
                {format.dateTime(e.createdAt, zonedDateTimeFormat(draft.timeZone, "short"))}
              </time>
              <p>
                {t(`event.${e.type}`, { version: e.versionNumber === null ? "" : versionSuffix(e.versionNumber) })}
                {" · "}
                <span className="text-muted">{e.actor?.name ? <bdi>{e.actor.name}</bdi> : t("automatic")}</span>
              </p>
              {e.note ? (
                <p className="text-muted" dir="auto">
                  {e.note}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
