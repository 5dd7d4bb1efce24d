import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ThemeSummary } from "@/lib/summaries/queries";
import { isolate } from "@/lib/i18n/isolate";
import { commentHref } from "./links";

/**
 * The themes: label (a moderator's name or the distinctive key phrases), size, who is behind it, the
 * stance mix, the disposition, and the most representative comments, linked. `tools` adds the
 * workspace's editing forms under each theme.
 */
export async function ThemeList({ reference, themes, tools, themeHref }: { reference: string; themes: ThemeSummary[]; tools?: (theme: ThemeSummary) => React.ReactNode; themeHref?: (id: string) => string }) {
  const [t, tg, tk, td] = await Promise.all([getTranslations("summaries.themes"), getTranslations("groups"), getTranslations("participation.kinds"), getTranslations("summaries.dispositions.values")]);
  if (themes.length === 0) return <p className="text-muted">{t("none")}</p>;
  const total = themes.reduce((n, th) => n + th.comments, 0) || 1;
  return (
    <ol className="flex flex-col gap-4" data-testid="themes">
      {themes.map((theme) => {
        const groups = Object.entries(theme.groups).sort((a, b) => b[1] - a[1]);
        const stance = (Object.entries(theme.stance) as [keyof ThemeSummary["stance"], number][]).filter(([, n]) => n > 0);
        return (
          <li key={theme.id} className="card flex flex-col gap-3" data-testid="theme" aria-labelledby={`theme-${theme.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`theme-${theme.id}`} dir="auto" className="text-lg font-semibold" data-content="theme-label">
                {theme.label}
              </h3>
              <p className="text-sm tabular-nums">
                {t("size", { comments: theme.comments, voices: theme.voices, percent: Math.round((theme.comments / total) * 100) })}
              </p>
            </div>
            {theme.customLabel || theme.suggestedLabel ? <p className="text-sm text-muted">{t("keyPhrases", { phrases: theme.keyPhrases.map(isolate).join(", ") })}</p> : null}
            <div className="h-2 w-full rounded bg-line" aria-hidden>
              <div className="h-2 rounded bg-accent" style={{ width: `${(theme.comments / total) * 100}%` }} />
            </div>
            <p className="text-sm">
              <span className="font-semibold">{t("groups")}</span> {groups.map(([g, n]) => `${g === "UNDECLARED" ? t("undeclared") : tg(g as never)} (${n})`).join(", ")}
            </p>
            <p className="text-sm">
              <span className="font-semibold">{t("stance")}</span> {stance.map(([k, n]) => `${k === "NONE" ? t("noKind") : tk(k)} (${n})`).join(", ")}
            </p>
            {theme.votes ? (
              <p className="text-sm">
                <span className="font-semibold">{t("votesLabel")}</span> {t("votes", theme.votes)}
              </p>
            ) : null}
            {theme.disposition ? (
              <p className="text-sm" data-testid="theme-disposition">
                <span className="font-semibold">{t("disposition")}</span> {td(theme.disposition.value)}
                {theme.disposition.response ? (
                  <>
                    {" — "}
                    <span dir="auto" data-content="disposition">
                      {theme.disposition.response}
                    </span>
                  </>
                ) : null}
              </p>
            ) : null}
            <div>
              <h4 className="text-sm font-semibold">{t("quotes")}</h4>
              <ul className="mt-1 flex flex-col gap-2">
                {theme.quotes.map((q) => (
                  <li key={q.id}>
                    <blockquote dir="auto" className="border-s-4 border-line ps-3 text-sm" data-content="quote">
                      {q.text}{" "}
                      <a className="link whitespace-nowrap" href={commentHref(reference, q.id)}>
                        {t("openComment")}
                      </a>
                    </blockquote>
                  </li>
                ))}
              </ul>
            </div>
            {themeHref ? (
              <p className="text-sm">
                <Link className="link" href={themeHref(theme.id)}>
                  {t("allComments", { count: theme.comments })}
                </Link>
              </p>
            ) : null}
            {tools ? tools(theme) : null}
          </li>
        );
      })}
    </ol>
  );
}
