import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { DraftListItem } from "@/lib/drafts/list-drafts";
import { textDirection } from "@/lib/drafts/text-direction";
import { isolate } from "@/lib/i18n/isolate";
import { DraftStatusBadge } from "./draft-status-badge";
import { Highlight } from "./highlight";

/** One consultation in a list: reference, status, title (highlighted when searching), dates. */
export async function DraftListEntry({ draft, headingLevel = 3 }: { draft: DraftListItem; headingLevel?: 2 | 3 }) {
  const [t, ts, format] = await Promise.all([getTranslations("discover"), getTranslations("status"), getFormatter()]);
  const H = `h${headingLevel}` as "h3";
  const lang = draft.language;
  const dir = textDirection(draft.language);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <article className="card flex flex-col gap-2" aria-labelledby={`draft-${draft.reference}`}>
      <p className="flex flex-wrap items-center gap-3 font-mono text-sm text-muted">
        <span>{draft.reference}</span>
        <DraftStatusBadge status={draft.status} label={ts(draft.status)} />
      </p>
      <H id={`draft-${draft.reference}`} className="text-xl font-bold">
        <Link href={`/drafts/${encodeURIComponent(draft.reference)}`} className="link" lang={lang} dir={dir} data-content="title">
          {draft.titleHighlight ? <Highlight text={draft.titleHighlight} /> : draft.title}
        </Link>
      </H>
      {draft.snippet ? (
        <p className="text-muted" data-testid="snippet" lang={lang} dir={dir}>
          <Highlight text={draft.snippet} />
        </p>
      ) : (
        <p lang={lang} dir={dir}>
          {draft.abstract}
        </p>
      )}
      <p className="text-sm text-muted">
        {t("by", { organisation: isolate(draft.organisationName) })}
        {" · "}
        {draft.status === "OPEN" && draft.closesAt ? (
          <time dateTime={draft.closesAt.toISOString()}>{t("closes", { date: date(draft.closesAt) })}</time>
        ) : draft.status === "SCHEDULED" && draft.opensAt ? (
          <time dateTime={draft.opensAt.toISOString()}>{t("opens", { date: date(draft.opensAt) })}</time>
        ) : draft.closesAt ? (
          <time dateTime={draft.closesAt.toISOString()}>{t("closed", { date: date(draft.closesAt) })}</time>
        ) : null}
        {draft.topics.length > 0 ? ` · ${format.list(draft.topics.map(isolate), { type: "unit" })}` : null}
      </p>
    </article>
  );
}
