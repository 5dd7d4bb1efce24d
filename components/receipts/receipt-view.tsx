import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { isolate } from "@/lib/i18n/isolate";
import type { Receipt } from "@/lib/receipts/lookup-receipt";

/** A receipt: kind, consultation, date, status (with a hidden comment's public reason) and disposition. */
export async function ReceiptView({ receipt }: { receipt: Receipt }) {
  const [t, format] = await Promise.all([getTranslations("receipts"), getFormatter()]);
  const d = receipt.disposition;
  return (
    <div className="flex flex-col gap-4">
      <dl className="card grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t("kindLabel")}</dt>
        <dd data-testid="receipt-kind">{t(`kinds.${receipt.kind}`)}</dd>
        <dt className="font-semibold">{t("consultation")}</dt>
        <dd>
          <Link className="link" href={receipt.consultation.path}>
            <bdi dir="ltr">{receipt.consultation.reference}</bdi>: <bdi dir="auto">{receipt.consultation.title}</bdi>
          </Link>
        </dd>
        <dt className="font-semibold">{t("submitted")}</dt>
        <dd>
          <time dateTime={receipt.submittedAt}>{format.dateTime(new Date(receipt.submittedAt), { dateStyle: "long", timeZone: "UTC" })}</time>
        </dd>
        <dt className="font-semibold">{t("statusLabel")}</dt>
        <dd>
          <p className="font-semibold" data-testid="receipt-status" data-status={receipt.status}>
            {t(`statuses.${receipt.status}`)}
          </p>
          <p className="text-sm text-muted">{t(`statusHelp.${receipt.status}`)}</p>
          {receipt.hiddenReason !== null ? (
            <p data-testid="receipt-hidden-reason">{t("hiddenReason", { reason: isolate(receipt.hiddenReason) })}</p>
          ) : null}
        </dd>
      </dl>
      {receipt.path ? (
        <p>
          <Link className="link" href={receipt.path}>
            {t("viewContribution")}
          </Link>
        </p>
      ) : null}
      {receipt.kind === "comment" ? (
        <section aria-labelledby="disposition-heading" className="card flex flex-col gap-2" data-testid="receipt-disposition">
          <h2 id="disposition-heading" className="text-xl font-semibold">
            {t("dispositionTitle")}
          </h2>
          {d ? (
            <>
              <p className="font-semibold" data-disposition={d.value}>
                {t(`dispositions.${d.value}`)}
              </p>
              <p className="text-sm text-muted">{t(`dispositionScope.${d.scope}`)}</p>
              {d.response ? (
                <blockquote dir="auto" className="border-s-4 border-line ps-3 whitespace-pre-line">
                  {d.response}
                </blockquote>
              ) : null}
              {d.changedAt ? (
                <p>
                  <Link className="link" href={d.changedAt.path}>
                    {t("changedAt", { version: String(d.changedAt.version).padStart(2, "0") })}
                  </Link>
                </p>
              ) : null}
            </>
          ) : (
            <p>{t("dispositionPending")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
