import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { Pagination } from "@/components/pagination";
import { liftSuspensionAction } from "@/lib/moderation/actions";
import { suspendedParticipants } from "@/lib/moderation/queries";
import { loadStaffList } from "@/lib/orgs/staff-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export const metadata = { robots: { index: false } };

/** The participants the organisation has suspended, with "Lift the suspension", for its moderators and owners (paginated). */
export default async function SuspendedParticipantsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { organisationId, list } = await loadStaffList(slug, `/organisations/${slug}/moderation/suspended`, searchParams, suspendedParticipants);
  const [t, format] = await Promise.all([getTranslations("moderationPage"), getFormatter()]);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={`/organisations/${slug}/moderation`}>
          {t("title")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("suspendedTitle")}</h1>
      <p>{t("suspendedCount", { count: list.total })}</p>
      <ul className="flex flex-col gap-4" data-testid="suspended-participants">
        {list.items.map((b) => (
          <li key={b.userId} className="card flex flex-col gap-2">
            <p className="font-semibold" id={`suspended-${b.userId}`}>
              <bdi>{b.user.name ?? b.user.email}</bdi>
            </p>
            <p className="text-sm">
              {t("suspendedOn", { date: format.dateTime(b.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
            <p className="text-sm">
              <span className="font-semibold">{t("moderatorsReason")}</span> <bdi>{b.reason}</bdi>
            </p>
            <InlineActionForm action={liftSuspensionAction} hidden={{ organisationId, userId: b.userId }}>
              <button type="submit" className="btn-secondary" aria-describedby={`suspended-${b.userId}`}>
                {t("unsuspend")}
              </button>
            </InlineActionForm>
          </li>
        ))}
      </ul>
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `/organisations/${slug}/moderation/suspended?page=${p}`} />
    </div>
  );
}
