import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/surveys/bar-chart";
import type { Participation } from "@/lib/summaries/workspace";

/** Counts per category with their share and a warning for missing or under-represented ones. */
export async function RepresentationTable({ caption, rows, labelOf }: { caption: string; rows: Participation["groups"]; labelOf: (key: string) => string }) {
  const t = await getTranslations("summaries.participation");
  const flagged = rows.filter((r) => r.status !== "ok");
  return (
    // min-w-0: as a grid item it may shrink below its table's width; the table scrolls in its own region.
    <div className="flex min-w-0 flex-col gap-2">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
        <table className="w-full text-sm">
          <caption className="mb-2 text-start text-base font-semibold">{caption}</caption>
          <thead>
            <tr className="border-b border-line text-start">
              <th scope="col" className="py-1 pe-3 text-start">{t("category")}</th>
              <th scope="col" className="py-1 pe-3 text-end">{t("participants")}</th>
              <th scope="col" className="py-1 pe-3 text-end">{t("share")}</th>
              <th scope="col" className="py-1 text-start">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-line/60">
                <th scope="row" className="py-1 pe-3 text-start font-normal">{labelOf(r.key)}</th>
                <td className="py-1 pe-3 text-end tabular-nums">{r.count}</td>
                <td className="py-1 pe-3 text-end tabular-nums">{Math.round(r.share * 100)}%</td>
                <td className={`py-1 ${r.status === "ok" ? "" : "font-semibold text-danger"}`}>{t(`statuses.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {flagged.length ? (
        <p className="rounded border-s-4 border-danger bg-white p-3 text-sm" role="note">
          <strong>{t("warningTitle")}</strong> {t("warning", { list: flagged.map((r) => labelOf(r.key)).join(", ") })}
        </p>
      ) : null}
    </div>
  );
}

/** Who took part: totals, by stakeholder group and by region, with under-representation warnings. */
export async function ParticipationFigures({ data, volume }: { data: Participation; volume?: { day: string; comments: number; votes: number }[] }) {
  const [t, tg] = await Promise.all([getTranslations("summaries.participation"), getTranslations("groups")]);
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="participation-figures">
        {(["participants", "comments", "replies", "votes", "positions"] as const).map((k) => (
          <div key={k} className="card flex flex-col">
            <dt className="text-sm text-muted">{t(`totals.${k}`)}</dt>
            <dd className="text-2xl font-bold tabular-nums">{data[k]}</dd>
          </div>
        ))}
      </dl>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <RepresentationTable caption={t("byGroup")} rows={data.groups} labelOf={(k) => tg(k as never)} />
        <RepresentationTable caption={t("byRegion")} rows={data.regions} labelOf={(k) => t(`regions.${k}` as never)} />
      </div>
      <p className="text-sm text-muted">{t("undeclared", { groups: data.undeclaredGroup, regions: data.unknownRegion })}</p>
      {volume && volume.length ? (
        <section aria-labelledby="volume-heading" className="flex flex-col gap-2">
          <h3 id="volume-heading" className="text-lg font-semibold">{t("volume")}</h3>
          <BarChart caption={t("volume")} labelHeader={t("day")} valueLabel={t("commentsAndVotes")} rows={volume.slice(-60).map((v) => ({ label: v.day, value: v.comments + v.votes, display: t("dayFigures", { comments: v.comments, votes: v.votes }) }))} />
        </section>
      ) : null}
    </div>
  );
}
