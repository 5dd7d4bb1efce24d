import { getTranslations } from "next-intl/server";
import type { SummaryContent } from "@/lib/summaries/snapshot";
import { commentHref } from "./links";

type Statement = SummaryContent["consensus"][number];

/**
 * Statements with how each group voted: consensus and divisive across opinion groups, bridging and
 * split across declared stakeholder groups. Every row links to the comment and gives its vote counts.
 */
export async function StatementList({ reference, statements, caption, empty, groupLabel, testId }: { reference: string; statements: Statement[]; caption: string; empty: string; groupLabel: (key: string) => string; testId: string }) {
  const t = await getTranslations("summaries.statements");
  if (statements.length === 0) return <p className="text-muted">{empty}</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label={caption} data-testid={testId}>
      {statements.map((s) => (
        <li key={s.commentId} className="card flex flex-col gap-2">
          <blockquote dir="auto" className="border-s-4 border-line ps-3" data-content="statement">{s.text}</blockquote>
          <p className="text-sm text-muted">
            {t("votes", { agree: s.votes.agree, disagree: s.votes.disagree, pass: s.votes.pass })} ·{" "}
            <a className="link" href={commentHref(reference, s.commentId)}>
              {t("open")}
            </a>
          </p>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("byGroupCaption")}>
            <table className="text-sm">
              <caption className="sr-only">{t("byGroupCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pe-3 text-start">{t("group")}</th>
                  <th scope="col" className="pe-3 text-end">{t("agree")}</th>
                  <th scope="col" className="pe-3 text-end">{t("disagree")}</th>
                  <th scope="col" className="text-end">{t("pass")}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(s.groups).map(([g, tally]) => {
                  const total = tally.agree + tally.disagree + tally.pass || 1;
                  return (
                    <tr key={g}>
                      <th scope="row" className="pe-3 text-start font-normal">{groupLabel(g)}</th>
                      <td className="pe-3 text-end tabular-nums">{t("share", { percent: Math.round((tally.agree / total) * 100), n: tally.agree })}</td>
                      <td className="pe-3 text-end tabular-nums">{t("share", { percent: Math.round((tally.disagree / total) * 100), n: tally.disagree })}</td>
                      <td className="text-end tabular-nums">{tally.pass}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </li>
      ))}
    </ol>
  );
}

const kinds = {
  consensus: { empty: "statements.noConsensus", across: "opinion" },
  divisive: { empty: "statements.noDivisive", across: "opinion" },
  bridging: { empty: "statements.noBridging", across: "stakeholder" },
  split: { empty: "statements.noSplit", across: "stakeholder" },
} as const;

/** One of the four statement lists of a summary: across opinion groups or declared stakeholder groups. */
export async function AgreementStatements({ reference, content, kind }: { reference: string; content: SummaryContent; kind: keyof typeof kinds }) {
  const [t, tg] = await Promise.all([getTranslations("summaries"), getTranslations("groups")]);
  const { empty, across } = kinds[kind];
  const groupLabel = across === "opinion" ? (k: string) => t("opinions.groupShort", { letter: String.fromCharCode(65 + Number(k)) }) : (k: string) => tg(k as never);
  return <StatementList reference={reference} statements={content[kind]} caption={t(`report.${kind}`)} empty={t(empty)} groupLabel={groupLabel} testId={kind} />;
}
