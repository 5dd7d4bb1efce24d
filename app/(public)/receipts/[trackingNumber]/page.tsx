import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReceiptLookupForm } from "@/components/receipts/lookup-form";
import { ReceiptView } from "@/components/receipts/receipt-view";
import { loadReceiptPage } from "@/lib/receipts/receipt-page";

type Props = { params: Promise<{ trackingNumber: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("receipts");
  return { title: t("receiptTitle", { trackingNumber: decodeURIComponent((await params).trackingNumber).slice(0, 160).toUpperCase() }), robots: { index: false } };
}

/** A tracking number's public receipt: status and disposition, never the author. */
export default async function ReceiptPage({ params }: Props) {
  const input = decodeURIComponent((await params).trackingNumber).slice(0, 160);
  const [t, data] = await Promise.all([getTranslations("receipts"), loadReceiptPage(input)]);
  const number = data.state === "found" ? data.receipt.trackingNumber : data.input;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold break-all">
        {t("numberLabel")}{" "}
        <span className="font-mono" dir="ltr" data-testid="receipt-number">
          {number}
        </span>
      </h1>
      {data.state === "found" ? (
        <ReceiptView receipt={data.receipt} />
      ) : (
        <p className="card" role="status" data-testid="receipt-missing">
          {data.state === "limited" ? t("limited", { minutes: Math.ceil(data.retryAfterSeconds / 60) }) : data.state === "invalid" ? t("invalid") : t("notFound")}
        </p>
      )}
      <section aria-labelledby="another" className="flex flex-col gap-2">
        <h2 id="another" className="text-xl font-semibold">
          {t("anotherLookup")}
        </h2>
        <ReceiptLookupForm />
      </section>
    </div>
  );
}
