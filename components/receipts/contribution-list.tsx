import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Contribution } from "@/lib/receipts/list-contributions";

/** One participant's contributions: what, where, when, status, tracking number and disposition. */
export async function ContributionList({ items }: { items: Contribution[] }) {
  const [t, tp, format] = await Promise.all([getTranslations("contributions"), getTranslations("participation"), getFormatter()]);
  const what = (c: Contribution) => {
    if (c.type === "vote") return c.value === "AGREE" ? tp("agree") : c.value === "DISAGREE" ? tp("disagree") : tp("pass");
    if (c.type === "position") return `${tp(`positions.${c.value as "SUPPORT"}`)} · ${c.section ? t("section", { section: c.section }) : tp("overall")}`;
    if ((c.type === "comment") && c.value) return tp(`kinds.${c.value as "SUPPORT"}`);
    return null;
  };
  return (
    <ul className="flex flex-col gap-3" data-testid="contributions">
      {items.map((c) => (
        <li key={`${c.type}-${c.id}`} className="card flex flex-col gap-2" data-testid="contribution" data-type={c.type}>
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-semibold">{t(`types.${c.type}`)}</span>
            {what(c) ? <span>— {what(c)}</span> : null}
            <span className="text-sm text-muted">
              <time dateTime={c.at}>{format.dateTime(new Date(c.at), { dateStyle: "medium", timeZone: "UTC" })}</time>
            </span>
          </p>
          <p>
            <Link className="link" href={c.path}>
              <bdi dir="ltr">{c.consultation}</bdi>: <bdi dir="auto">{c.type === "surveyAnswer" && c.value ? c.value : c.consultationTitle}</bdi>
            </Link>
          </p>
          {c.status || c.trackingNumber || c.type === "comment" ? (
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              {c.status ? (
                <>
                  <dt className="font-semibold">{t("status")}</dt>
                  <dd data-testid="contribution-status">{t(`statuses.${c.status as "published"}`)}</dd>
                </>
              ) : null}
              {c.trackingNumber ? (
                <>
                  <dt className="font-semibold">{t("trackingNumber")}</dt>
                  <dd>
                    <Link className="link font-mono break-all" dir="ltr" href={`/receipts/${encodeURIComponent(c.trackingNumber)}`} data-testid="contribution-number">
                      {c.trackingNumber}
                    </Link>
                  </dd>
                </>
              ) : null}
              {c.type === "comment" ? (
                <>
                  <dt className="font-semibold">{t("disposition")}</dt>
                  <dd data-testid="contribution-disposition">{c.disposition ? t(`dispositions.${c.disposition.value as "NOTED"}`) : t("noDisposition")}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
