import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { WorkspaceData } from "@/lib/summaries/load-workspace";
import { excerpt } from "../links";
import { ParticipationFigures } from "../participation-figures";
import { VoteDensityTable } from "@/components/deck/vote-density-table";

const POSITIONS = ["SUPPORT", "SUPPORT_WITH_CHANGES", "OPPOSE", "NO_POSITION"] as const;

/** Workspace section: who took part, positions per section, comments per paragraph (heat map). */
export async function ParticipationSection({ data }: { data: Pick<WorkspaceData, "draft" | "content" | "volume" | "heat" | "positions" | "density"> }) {
  const { draft, content, volume, heat, positions, density } = data;
  const [t, tp] = await Promise.all([getTranslations("summaries"), getTranslations("participation.positions")]);
  const maxHeat = Math.max(1, ...heat.map((h) => h.count));
  return (
    <section id="participation" aria-labelledby="participation-heading" className="flex flex-col gap-4">
      <h2 id="participation-heading" className="text-2xl font-bold">
        {t("workspace.nav.participation")}
      </h2>
      <ParticipationFigures data={content.participation} volume={volume} />
      {/* Voting deck (lib/deck) */}
      <VoteDensityTable data={density} />
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("positions.caption")}>
        <table className="w-full text-sm" data-testid="workspace-positions">
          <caption className="mb-2 text-start text-lg font-semibold">{t("positions.caption")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pe-3 text-start">{t("positions.section")}</th>
              {POSITIONS.map((v) => (
                <th key={v} scope="col" className="py-1 pe-3 text-end">{tp(v)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Object.keys(positions).sort().map((section) => (
              <tr key={section} className="border-b border-line/60">
                <th scope="row" className="py-1 pe-3 text-start font-normal">{section === "" ? t("positions.overall") : t("positions.sectionN", { n: section })}</th>
                {POSITIONS.map((v) => (
                  <td key={v} className="py-1 pe-3 text-end tabular-nums">{positions[section]?.[v] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("heat.caption")}>
        <table className="w-full text-sm" data-testid="heat-map">
          <caption className="mb-2 text-start text-lg font-semibold">{t("heat.caption")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pe-3 text-start">{t("heat.paragraph")}</th>
              <th scope="col" className="py-1 pe-3 text-start">{t("heat.text")}</th>
              <th scope="col" className="py-1 text-end">{t("heat.comments")}</th>
            </tr>
          </thead>
          <tbody>
            {heat.filter((h) => h.kind !== "heading").map((h) => (
              <tr key={h.anchor} className="border-b border-line/60">
                <th scope="row" className="py-1 pe-3 text-start font-normal">
                  <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}/p/${h.anchor}`}>{h.number}</Link>
                </th>
                <td className="max-w-xl truncate py-1 pe-3">{excerpt(h.text, 120)}</td>
                <td className="py-1 text-end tabular-nums" style={{ background: `rgba(180, 35, 24, ${(0.35 * h.count) / maxHeat})` }}>
                  {h.count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
