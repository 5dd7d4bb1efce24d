import { getFormatter, getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { deadLetters } from "@/lib/jobs/dead-letters";
import { getOrganisationPage } from "@/lib/orgs/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export const metadata = { robots: { index: false } };

const kinds = new Set(["reply", "newVersion", "closingSoon", "closed", "digest"]);

/** Emails about the organisation's consultations that failed after every retry (the dead-letter list), for its owners. */
export default async function UndeliverableEmailsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/organisations/${slug}/undeliverable-emails`)}`);
  const org = await getOrganisationPage(slug, user);
  if (!org || !can(user, "org.viewAuditLog", { organisationId: org.org.id })) notFound();
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const list = await deadLetters(user, org.org.id, page);
  const [t, format] = await Promise.all([getTranslations("outboxPage"), getFormatter()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {list.items.length === 0 ? (
        <p data-testid="dead-letters-empty">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("title")}>
          <table className="w-full text-sm" data-testid="dead-letters">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="text-start">
                <th scope="col" className="pe-3 text-start">{t("when")}</th>
                <th scope="col" className="pe-3 text-start">{t("to")}</th>
                <th scope="col" className="pe-3 text-start">{t("kind")}</th>
                <th scope="col" className="pe-3 text-start">{t("attempts")}</th>
                <th scope="col" className="pe-3 text-start">{t("error")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((e) => (
                <tr key={e.id} className="border-t border-line align-top">
                  <td className="py-2 pe-3">
                    <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                  </td>
                  <td className="pe-3 break-all">
                    <bdi>{e.to}</bdi>
                  </td>
                  <td className="pe-3">{kinds.has(e.kind) ? t(`kinds.${e.kind as "reply"}`) : e.kind}</td>
                  <td className="pe-3">{format.number(e.attempts)}</td>
                  <td className="pe-3 break-all" dir="ltr">
                    {e.lastError}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={Math.ceil(list.total / list.pageSize)} href={(p) => `/organisations/${slug}/undeliverable-emails?page=${p}`} />
    </div>
  );
}
