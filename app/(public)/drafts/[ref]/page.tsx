import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { getDraftSummary } from "@/lib/drafts/list-open-drafts";

type Params = { params: Promise<{ ref: string }> };

async function loadVisibleDraft(ref: string) {
  const draft = await getDraftSummary(decodeURIComponent(ref));
  if (!draft) return null;
  // Private drafts do not exist for anyone outside their organisation.
  if (draft.status === "DRAFT" && !can(await getCurrentUser(), "draft.viewPrivate", { organisationId: draft.organisationId })) return null;
  return draft;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const draft = await loadVisibleDraft((await params).ref);
  return { title: draft?.title };
}

export default async function DraftPage({ params }: Params) {
  const draft = await loadVisibleDraft((await params).ref);
  if (!draft) notFound();
  const [t, ts, format] = await Promise.all([getTranslations("draft"), getTranslations("status"), getFormatter()]);
  const when = (d: Date | null) =>
    d ? <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC</time> : "—";
  return (
    <article className="flex flex-col gap-6" lang={draft.language}>
      <header className="flex flex-col gap-2">
        <p className="font-mono text-sm text-muted">{t("reference", { reference: draft.reference })}</p>
        <h1 className="text-3xl font-bold">{draft.title}</h1>
      </header>
      <dl className="card grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("publishedBy")}</dt>
        <dd>
          <Link className="link" href={`/organisations/${draft.organisation.slug}`}>
            {draft.organisation.name}
          </Link>
        </dd>
        <dt className="font-semibold">{t("status")}</dt>
        <dd>{ts(draft.status)}</dd>
        <dt className="font-semibold">{t("opens")}</dt>
        <dd>{when(draft.opensAt)}</dd>
        <dt className="font-semibold">{t("closes")}</dt>
        <dd>{when(draft.closesAt)}</dd>
      </dl>
      <section aria-labelledby="abstract-heading" className="flex flex-col gap-2">
        <h2 id="abstract-heading" className="text-xl font-semibold">
          {t("abstract")}
        </h2>
        <p className="max-w-3xl text-lg">{draft.abstract}</p>
      </section>
    </article>
  );
}
