import { getTranslations } from "next-intl/server";
import type { SummaryContent } from "@/lib/summaries/snapshot";
import { commentHref, excerpt } from "./links";

/** Campaigns: one text with its number of signatures, linked to the first comment. */
export async function CampaignList({ reference, campaigns, length = 240 }: { reference: string; campaigns: SummaryContent["campaigns"]; length?: number }) {
  const t = await getTranslations("summaries");
  return (
    <ul className="flex flex-col gap-2" data-testid="campaigns">
      {campaigns.map((c) => (
        <li key={c.id} className="card text-sm">
          <strong>{t("campaigns.signatures", { n: c.signatures })}</strong> <span dir="auto">{excerpt(c.text, length)}</span>{" "}
          <a className="link" href={commentHref(reference, c.id)}>
            {t("themes.openComment")}
          </a>
        </li>
      ))}
    </ul>
  );
}
