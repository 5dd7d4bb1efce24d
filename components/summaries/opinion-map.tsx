import { getTranslations } from "next-intl/server";
import type { SummaryContent } from "@/lib/summaries/snapshot";
import { commentHref, excerpt } from "./links";

/** Colour-blind-safe colours (Okabe–Ito) and a distinct shape per group, so colour is never the only cue. */
const colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"];

function Marker({ group, x, y }: { group: number; x: number; y: number }) {
  const fill = colours[group % colours.length];
  switch (group % 5) {
    case 1:
      return <rect x={x - 1.6} y={y - 1.6} width={3.2} height={3.2} fill={fill} />;
    case 2:
      return <path d={`M${x} ${y - 2}L${x + 2} ${y + 1.6}L${x - 2} ${y + 1.6}Z`} fill={fill} />;
    case 3:
      return <path d={`M${x} ${y - 2}L${x + 2} ${y}L${x} ${y + 2}L${x - 2} ${y}Z`} fill={fill} />;
    default:
      return <circle cx={x} cy={y} r={1.6} fill={fill} />;
  }
}

/** The opinion groups: a 2-D map of participants (PCA of their votes) and what sets each group apart. */
export async function OpinionGroups({ reference, content }: { reference: string; content: SummaryContent }) {
  const t = await getTranslations("summaries.opinions");
  const stats = content.opinionStats;
  if (!stats || content.opinionGroups.length === 0) return <p className="text-muted">{t("none")}</p>;
  const xs = content.opinionMap.map((p) => p.x);
  const ys = content.opinionMap.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (x: number) => 5 + ((x - minX) / (maxX - minX || 1)) * 90;
  const sy = (y: number) => 5 + ((y - minY) / (maxY - minY || 1)) * 90;
  const description = t("mapDescription", { groups: content.opinionGroups.length, sizes: content.opinionGroups.map((g) => g.size).join(", "), considered: stats.considered, leftOut: stats.leftOut });
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,20rem)_1fr]">
        <figure className="flex flex-col gap-2">
          <svg viewBox="0 0 100 100" className="aspect-square w-full rounded border border-line bg-white" role="img" aria-label={description} data-testid="opinion-map">
            {content.opinionMap.map((p, i) => (
              <Marker key={i} group={p.group} x={sx(p.x)} y={sy(p.y)} />
            ))}
          </svg>
          <figcaption className="text-sm text-muted">{description}</figcaption>
        </figure>
        <ul className="flex flex-col gap-3">
          {content.opinionGroups.map((g) => (
            <li key={g.index} className="card flex flex-col gap-2" data-testid="opinion-group">
              <h4 className="flex items-center gap-2 font-semibold">
                <svg viewBox="0 0 6 6" className="h-4 w-4" aria-hidden>
                  <Marker group={g.index} x={3} y={3} />
                </svg>
                {t("group", { letter: String.fromCharCode(65 + g.index), size: g.size })}
              </h4>
              {g.distinctive.length ? (
                <ul className="flex flex-col gap-1 text-sm">
                  {g.distinctive.map((d) => (
                    <li key={`${d.statementId}-${d.direction}`}>
                      {t(d.direction === "agree" ? "distinctAgree" : "distinctDisagree", { inGroup: Math.round(d.inGroup * 100), others: Math.round(d.others * 100) })}{" "}
                      <a className="link" href={commentHref(reference, d.statementId)} dir="auto" data-content="group-statement">
                        {excerpt(d.text, 160)}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted">{t("noDistinct")}</p>
              )}
            </li>
          ))}
        </ul>
      </div>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("tableCaption")}>
        <table className="text-sm" data-testid="opinion-table">
          <caption className="mb-1 text-start font-semibold">{t("tableCaption")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pe-4 text-start">{t("tableGroup")}</th>
              <th scope="col" className="py-1 pe-4 text-end">{t("tableSize")}</th>
              <th scope="col" className="py-1 pe-4 text-end">{t("tableShare")}</th>
              <th scope="col" className="py-1 pe-4 text-end">{t("tableX")}</th>
              <th scope="col" className="py-1 text-end">{t("tableY")}</th>
            </tr>
          </thead>
          <tbody>
            {content.opinionGroups.map((g) => (
              <tr key={g.index} className="border-b border-line/60">
                <th scope="row" className="py-1 pe-4 text-start font-normal">{t("groupShort", { letter: String.fromCharCode(65 + g.index) })}</th>
                <td className="py-1 pe-4 text-end tabular-nums">{g.size}</td>
                <td className="py-1 pe-4 text-end tabular-nums">{Math.round((100 * g.size) / Math.max(1, stats.considered))}%</td>
                <td className="py-1 pe-4 text-end tabular-nums">{(g.centre?.x ?? 0).toFixed(2)}</td>
                <td className="py-1 text-end tabular-nums">{(g.centre?.y ?? 0).toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {stats.method ? (
        <p className="text-sm text-muted" data-testid="opinion-provenance">
          {t("kChosen", { k: stats.method.k, by: stats.method.kChosenBy })} {stats.method.departures.length ? t("departures", { list: stats.method.departures.join(", ") }) : t("faithful")}
        </p>
      ) : null}
      <p className="text-sm text-muted">{t("method", { silhouette: stats.silhouette.toFixed(2), variance: Math.round((stats.explainedVariance[0] + stats.explainedVariance[1]) * 100) })}</p>
    </div>
  );
}
