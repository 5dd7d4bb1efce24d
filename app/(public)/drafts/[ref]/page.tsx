import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DraftBlocks } from "@/components/drafts/draft-blocks";
import { DraftReadingView } from "@/components/drafts/draft-reading-view";
import { FormMessage } from "@/components/form/form-message";
import { ParticipationPanel } from "@/components/participation/participation-panel";
import { commentCountsByAnchor, positionDistribution, viewerPositions } from "@/lib/comments/queries";
import { isFollowable, isOpenForComment } from "@/lib/drafts/visibility";
import { participationBlock } from "@/lib/comments/participation";
import { getFollowDelivery } from "@/lib/notifications/follow-delivery";
import { translated } from "@/lib/surveys/definition";
import { listDraftSurveys } from "@/lib/surveys/queries";
import { getCurrentUser } from "@/lib/auth/current-user";
import { applyScheduledTransitionsThrottled } from "@/lib/drafts/apply-scheduled-transitions";
import { parseDraftMarkdown } from "@/lib/drafts/document/parse";
import { getDraftForReader, getDraftPreview, getDraftTimeline, getVersionBlocks } from "@/lib/drafts/get-draft";
import { versionSuffix } from "@/lib/drafts/version-label";
import { can } from "@/lib/authz/permissions";
import { latestSummaryVersion } from "@/lib/summaries/publish";
import { OpenDataLinks } from "@/components/discussion/open-data-links";
import { openDataAvailable } from "@/lib/discussion/open-data";

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const draft = await getDraftForReader(decodeURIComponent((await params).ref), await getCurrentUser());
  return draft ? { title: draft.title, description: draft.abstract, alternates: { types: { "application/atom+xml": "/drafts/feed.atom" } } } : {};
}

export default async function DraftPage({ params, searchParams }: Props) {
  await applyScheduledTransitionsThrottled();
  const reference = decodeURIComponent((await params).ref);
  const user = await getCurrentUser();
  const draft = await getDraftForReader(reference, user);
  if (!draft) notFound();
  const [t, flags, locale] = await Promise.all([getTranslations("draftPage"), searchParams, getLocale()]);
  const base = `/drafts/${encodeURIComponent(draft.reference)}`;
  const notice = flags.created ? t("notice.created") : flags.saved ? t("notice.saved") : flags.opened ? t("notice.opened") : flags.extended ? t("notice.extended") : flags.published ? t("notice.published", { version: versionSuffix(Number(flags.published) || 0) }) : null;

  const canSummarise = can(user, "summary.manage", { organisationId: draft.organisationId });
  const [ts, summaryVersion] = await Promise.all([getTranslations("summaries"), latestSummaryVersion(draft.id)]);
  const tools = draft.canEdit || canSummarise ? (
    <nav aria-label={t("editorTools")} className="card flex flex-wrap items-center gap-3 print:hidden">
      <span className="font-semibold">{t("editorTools")}</span>
      {draft.canEdit && draft.status !== "FINAL" && draft.status !== "WITHDRAWN" ? (
        <Link className="btn-secondary" href={`${base}/edit`}>
          {draft.currentVersion === null ? t("editText") : t("publishRevision")}
        </Link>
      ) : null}
      {draft.canEdit ? (
        <Link className="btn-secondary" href={`${base}/manage`}>
          {t("manage")}
        </Link>
      ) : null}
      {canSummarise && draft.currentVersion !== null ? (
        <Link className="btn-secondary" href={`${base}/workspace`}>
          {ts("workspace.title")}
        </Link>
      ) : null}
    </nav>
  ) : null;
  const summaryLink = summaryVersion ? (
    <aside className="card flex flex-col gap-1 border-s-4 border-s-accent" aria-labelledby="summary-link-heading" data-testid="summary-link">
      <h2 id="summary-link-heading" className="text-lg font-semibold">
        <Link className="link" href={`${base}/summary`}>
          {ts("page.link")}
        </Link>
      </h2>
      <p className="text-sm">{ts("page.linkLead")}</p>
    </aside>
  ) : null;

  if (draft.currentVersion === null) {
    // Not yet published: only the organisation sees this, as a preview of the working copy.
    const editing = await getDraftPreview(reference, user);
    if (!editing) notFound();
    const doc = parseDraftMarkdown(editing.body);
    return (
      <div className="flex flex-col gap-6">
        {notice ? <FormMessage kind="success">{notice}</FormMessage> : null}
        {tools}
        <div role="note" className="rounded-md border-s-4 border-accent bg-blue-50 p-4">
          {t("privateNotice")}
        </div>
        <p className="font-mono text-sm text-muted">{draft.reference}</p>
        <h1 className="text-3xl font-bold">{editing.title}</h1>
        <p className="max-w-3xl text-lg">{editing.abstract}</p>
        <section aria-label={t("text")} className="max-w-3xl">
          <DraftBlocks
            blocks={doc.blocks.map((b) => ({ ...b, anchor: `${b.kind === "heading" ? "s" : "p"}-${b.number}` }))}
            labels={{ permalink: (n) => t("permalink", { number: n }) }}
          />
        </section>
      </div>
    );
  }

  const [version, timeline, counts, distribution, mine, delivery, surveys, blocked, openData] = await Promise.all([
    getVersionBlocks(draft.id, draft.currentVersion),
    getDraftTimeline(draft.id),
    commentCountsByAnchor(draft.id),
    positionDistribution(draft.id),
    viewerPositions(draft.id, user),
    getFollowDelivery(draft.id, user),
    listDraftSurveys(draft.id),
    participationBlock(user, draft.organisationId),
    openDataAvailable(draft.id),
  ]);
  if (!version) notFound();
  const participation = (
    <ParticipationPanel
      draftId={draft.id}
      base={base}
      open={isOpenForComment(draft)}
      signedIn={Boolean(user)}
      suspended={blocked !== null}
      following={delivery !== null}
      delivery={delivery}
      followable={isFollowable(draft)}
      generalCount={counts[""] ?? 0}
      sections={version.blocks.filter((b) => b.kind === "heading" && b.level === 1).map((b) => ({ number: b.number, title: b.text }))}
      distribution={distribution}
      mine={mine}
      surveys={surveys.map((s) => ({ slug: s.slug, title: translated(s.title, s.titleI18n, locale) }))}
    />
  );
  return (
    <div className="flex flex-col gap-6">
      {notice ? <FormMessage kind="success">{notice}</FormMessage> : null}
      {tools}
      {summaryLink}
      {openData ? <OpenDataLinks reference={draft.reference} licence={openData.licence} licenceUrl={openData.licenceUrl} /> : null}
      <DraftReadingView draft={draft} version={version} timeline={timeline} isCurrent commentCounts={counts} participation={participation} />
    </div>
  );
}
