import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { moderationLog } from "@/lib/moderation/queries";
import { loadStaffList } from "@/lib/orgs/staff-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export const metadata = { robots: { index: false } };

/** The organisation's audit log (who, what, when, why): every entry for its owners, the moderation entries for its moderators. */
export default async function AuditLogPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { list: log } = await loadStaffList(slug, `/organisations/${slug}/audit-log`, searchParams, moderationLog);
  const [t, format] = await Promise.all([getTranslations("moderationPage"), getFormatter()]);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={`/organisations/${slug}/moderation`}>
          {t("title")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("auditLog")}</h1>
      <p className="text-muted" data-testid="audit-scope">
        {log.scope === "all" ? t("auditScopeAll") : t("auditScopeModeration")}
      </p>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("auditLog")}>
        <table className="w-full text-sm" data-testid="audit-log">
          <caption className="sr-only">{t("auditLog")}</caption>
          <thead>
            <tr className="text-start">
              <th scope="col" className="pe-3 text-start">{t("when")}</th>
              <th scope="col" className="pe-3 text-start">{t("who")}</th>
              <th scope="col" className="pe-3 text-start">{t("what")}</th>
              <th scope="col" className="pe-3 text-start">{t("why")}</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((e) => (
              <tr key={e.id} className="border-t border-line align-top">
                <td className="py-2 pe-3">
                  <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </td>
                <td className="pe-3">
                  <bdi>{e.actorName}</bdi>
                </td>
                <td className="pe-3">
                  {t(`actions.${e.action}`)}
                  {e.comment ? (
                    <>
                      {" · "}
                      <span className="text-muted">
                        “<bdi>{e.comment.body.slice(0, 120)}</bdi>”
                      </span>{" "}
                      ({e.comment.draft.reference})
                    </>
                  ) : null}
                  {e.targetName ? (
                    <>
                      {" · "}
                      <bdi>{e.targetName}</bdi>
                    </>
                  ) : null}
                </td>
                <td className="pe-3">
                  <bdi>{e.reason}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={log.page} pageCount={log.pageCount} href={(p) => `/organisations/${slug}/audit-log?page=${p}`} />
    </div>
  );
}
