import { getTranslations } from "next-intl/server";
import type { WorkspaceData } from "@/lib/summaries/load-workspace";
import { OpinionGroups } from "../opinion-map";
import { AgreementStatements } from "../statement-list";

/**
 * Workspace section: the opinion groups and why the method found them — silhouette (and stability)
 * per number of groups tried, the chosen number and by what, how many participants were grouped and
 * why the others were not, and every setting that departs from Pol.is.
 */
export async function OpinionsSection({ data }: { data: Pick<WorkspaceData, "draft" | "content" | "opinionMethod"> }) {
  const { draft, content, opinionMethod: m } = data;
  const t = await getTranslations("summaries");
  const withStability = !!m?.candidates.some((c) => c.stability !== undefined);
  return (
    <section id="opinions" aria-labelledby="opinions-heading" className="flex flex-col gap-4">
      <h2 id="opinions-heading" className="text-2xl font-bold">{t("workspace.nav.opinions")}</h2>
      {m ? (
        <div className="card flex flex-col gap-2" data-testid="opinion-method">
          <p>{t("opinions.clustered", { considered: m.considered, leftOut: m.leftOut, minVotes: m.minVotes })}</p>
          {m.k > 0 ? <p data-testid="opinion-k">{t("opinions.kChosen", { k: m.k, by: m.kChosenBy })}</p> : null}
          <p className="text-sm">{m.departures.length ? t("opinions.departures", { list: m.departures.join(", ") }) : t("opinions.faithful")}</p>
          {m.candidates.length ? (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("opinions.silhouetteCaption")}>
              <table className="text-sm" data-testid="silhouette-table">
                <caption className="mb-1 text-start font-semibold">{t("opinions.silhouetteCaption")}</caption>
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="py-1 pe-4 text-start">{t("opinions.kHeader")}</th>
                    <th scope="col" className="py-1 pe-4 text-end">{t("opinions.silhouetteHeader")}</th>
                    {withStability ? <th scope="col" className="py-1 pe-4 text-end">{t("opinions.stabilityHeader")}</th> : null}
                    <th scope="col" className="py-1 text-start">{t("opinions.chosenHeader")}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.candidates.map((c) => (
                    <tr key={c.k} className="border-b border-line/60">
                      <th scope="row" className="py-1 pe-4 text-start font-normal tabular-nums">{c.k}</th>
                      <td className="py-1 pe-4 text-end tabular-nums">{c.silhouette.toFixed(2)}</td>
                      {withStability ? <td className="py-1 pe-4 text-end tabular-nums">{c.stability?.toFixed(2) ?? ""}</td> : null}
                      <td className="py-1">{c.k === m.k ? t("opinions.chosenMark") : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
      <OpinionGroups reference={draft.reference} content={content} />
      {(["consensus", "divisive", "bridging", "split"] as const).map((kind) => (
        <div key={kind} className="flex flex-col gap-3">
          <h3 className="text-xl font-semibold">{t(`report.${kind}`)}</h3>
          <AgreementStatements reference={draft.reference} content={content} kind={kind} />
        </div>
      ))}
    </section>
  );
}
