import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ReceiptLookupForm } from "@/components/receipts/lookup-form";
import { parseTrackingNumber } from "@/lib/receipts/tracking-number";

type Props = { searchParams: Promise<{ n?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("receipts"))("lookupTitle") };
}

/** Type a tracking number in (a GET form): a valid one opens its page, anything else is explained here. */
export default async function ReceiptLookupPage({ searchParams }: Props) {
  const raw = (await searchParams).n;
  const n = typeof raw === "string" ? raw.slice(0, 160) : "";
  const parsed = n ? parseTrackingNumber(n) : null;
  if (parsed) redirect(`/receipts/${encodeURIComponent(parsed.trackingNumber)}`);
  const t = await getTranslations("receipts");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("lookupTitle")}</h1>
      <p>{t("lookupLead")}</p>
      <div className="card">
        <ReceiptLookupForm value={n} error={n ? t("invalid") : undefined} />
      </div>
    </div>
  );
}
