import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { Pagination } from "@/components/pagination";
import { moderateCommentAction } from "@/lib/moderation/actions";
import { hiddenComments } from "@/lib/moderation/queries";
import { loadStaffList } from "@/lib/orgs/staff-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export const metadata = { robots: { index: false } };

/** The organisation's hidden comments with their public reason, for its moderators and owners (paginated). */
export default async function HiddenCommentsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { list } = await loadStaffList(slug, `/organisations/${slug}/moderation/hidden`, searchParams, hiddenComments);
  const [t, format] = await Promise.all([getTranslations("moderationPage"), getFormatter()]);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={`/organisations/${slug}/moderation`}>
          {t("title")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("hiddenTitle")}</h1>
      <p>{t("hiddenCount", { count: list.total })}</p>
      <ul className="flex flex-col gap-4" data-testid="hidden-comments">
        {list.items.map((c) => (
          <li key={c.id} className="card flex flex-col gap-2">
            <p className="text-sm">
              <Link className="link" href={`/drafts/${encodeURIComponent(c.draft.reference)}/p/${c.anchor ?? "general"}#comment-${c.id}`}>
                {c.draft.reference} {c.anchor ? `§ ${c.anchor.replace(/^[ps]-/, "")}` : ""}
              </Link>
              {" · "}
              <bdi>{c.author.name ?? c.author.email}</bdi>
              {c.hiddenAt ? (
                <>
                  {" · "}
                  {t("hiddenOn", { date: format.dateTime(c.hiddenAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </>
              ) : null}
            </p>
            <p className="whitespace-pre-wrap text-muted" dir="auto" id={`hidden-${c.id}`}>
              {c.body}
            </p>
            <p className="text-sm">
              <span className="font-semibold">{t("publicReasonShown")}</span> <bdi>{c.moderationNote ?? ""}</bdi>
            </p>
            <InlineActionForm action={moderateCommentAction} hidden={{ commentId: c.id, action: "RESTORE", reason: "" }}>
              <button type="submit" className="btn-secondary" aria-describedby={`hidden-${c.id}`}>
                {t("restore")}
              </button>
            </InlineActionForm>
          </li>
        ))}
      </ul>
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `/organisations/${slug}/moderation/hidden?page=${p}`} />
    </div>
  );
}
