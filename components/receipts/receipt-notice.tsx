import { useTranslations } from "next-intl";
import Link from "next/link";

/**
 * The tracking number shown with the success message after a comment, reply or survey answer, with
 * a link to its public receipt page. Works in server and client components (no state).
 */
export function ReceiptNotice({ trackingNumber }: { trackingNumber: string }) {
  // Under "participation" (a namespace sent to the browser): the comment form is a client component.
  const t = useTranslations("participation.receipt");
  return (
    <span className="mt-2 block" data-testid="tracking-number-notice">
      {t.rich("notice", {
        trackingNumber,
        number: (chunks) => (
          <strong className="font-mono break-all" dir="ltr" data-testid="tracking-number">
            {chunks}
          </strong>
        ),
      })}{" "}
      <Link className="link" href={`/receipts/${encodeURIComponent(trackingNumber)}`}>
        {t("noticeLink")}
      </Link>
    </span>
  );
}
