import { getTranslations } from "next-intl/server";
import { DENSITY_BUCKETS, type VoteDensity } from "@/lib/deck/vote-density";

/** Workspace: how many participants cast how many votes, and how full the vote matrix is. */
export async function VoteDensityTable({ data }: { data: VoteDensity }) {
  const t = await getTranslations("deck.density");
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("caption")}>
        <table className="w-full text-sm" data-testid="vote-density">
          <caption className="mb-2 text-start text-lg font-semibold">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pe-3 text-start">{t("votes")}</th>
              <th scope="col" className="py-1 text-end">{t("participants")}</th>
            </tr>
          </thead>
          <tbody>
            {DENSITY_BUCKETS.map((b) => (
              <tr key={b.key} className="border-b border-line/60">
                <th scope="row" className="py-1 pe-3 text-start font-normal">{t(`buckets.${b.key}`)}</th>
                <td className="py-1 text-end tabular-nums">{data.buckets[b.key]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm" data-testid="vote-density-matrix">
        {data.density === null ? t("empty") : t("matrix", { density: data.density, votes: data.votes, participants: data.participants, comments: data.comments })}
      </p>
    </div>
  );
}
