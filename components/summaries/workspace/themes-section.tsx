import { getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { isolate } from "@/lib/i18n/isolate";
import { dispositionAction, mergeThemesAction, renameThemeAction, splitThemeAction } from "@/lib/summaries/actions";
import type { WorkspaceData } from "@/lib/summaries/load-workspace";
import { CampaignList } from "../campaign-list";
import { workspaceHref } from "../links";
import { ThemeList } from "../theme-list";
import { DispositionFields } from "./disposition-fields";

/** Workspace section: themes with their tools (rename, merge, split, disposition) and campaigns. */
export async function ThemesSection({ data }: { data: Pick<WorkspaceData, "draft" | "content" | "themeFilter" | "openOnly"> }) {
  const { draft, content, themeFilter, openOnly } = data;
  const t = await getTranslations("summaries");
  const themeOptions = content.themes.map((th) => ({ id: th.id, label: th.label }));
  return (
    <section id="themes" aria-labelledby="themes-heading" className="flex flex-col gap-4">
      <h2 id="themes-heading" className="text-2xl font-bold">
        {t("workspace.nav.themes")}
      </h2>
      <p>{t("themes.lead")}</p>
      <ThemeList
        reference={draft.reference}
        themes={content.themes}
        themeHref={(id) => workspaceHref(draft.reference, { theme: themeFilter, open: openOnly }, { theme: id })}
        tools={(theme) => (
          <details className="border-t border-line pt-2" data-testid="theme-tools">
            <summary className="cursor-pointer font-semibold">{t("themes.edit", { label: isolate(theme.label) })}</summary>
            <div className="mt-3 flex flex-col gap-4">
              <InlineActionForm action={renameThemeAction} hidden={{ themeId: theme.id }} label={t("themes.rename")}>
                <label className="flex flex-col gap-1">
                  <span className="text-sm font-semibold">{t("themes.newName")}</span>
                  <input name="label" dir="auto" className="input" required maxLength={120} defaultValue={theme.customLabel ?? ""} />
                </label>
                <button type="submit" className="btn-secondary self-end">{t("themes.rename")}</button>
              </InlineActionForm>
              {themeOptions.length > 1 ? (
                <InlineActionForm action={mergeThemesAction} hidden={{ themeId: theme.id }} label={t("themes.merge")}>
                  <label className="flex flex-col gap-1">
                    <span className="text-sm font-semibold">{t("themes.mergeInto")}</span>
                    <select name="intoThemeId" className="input" required defaultValue="">
                      <option value="" disabled>{t("themes.choose")}</option>
                      {themeOptions.filter((o) => o.id !== theme.id).map((o) => (
                        <option key={o.id} value={o.id}>{o.label}</option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" className="btn-secondary self-end">{t("themes.merge")}</button>
                </InlineActionForm>
              ) : null}
              {theme.voices > 1 ? (
                <InlineActionForm action={splitThemeAction} hidden={{ themeId: theme.id, size: String(theme.comments) }} label={t("themes.split")}>
                  <button type="submit" className="btn-secondary">{t("themes.split")}</button>
                </InlineActionForm>
              ) : null}
              <InlineActionForm action={dispositionAction} hidden={{ draftId: draft.id, themeId: theme.id }} className="flex flex-col gap-2" label={t("dispositions.forTheme")}>
                <DispositionFields idPrefix={`theme-${theme.id}`} initial={theme.disposition} />
                <button type="submit" className="btn-secondary self-start">{t("dispositions.saveForTheme")}</button>
              </InlineActionForm>
            </div>
          </details>
        )}
      />
      {content.campaigns.length ? (
        <section aria-labelledby="campaigns-heading" className="flex flex-col gap-2">
          <h3 id="campaigns-heading" className="text-xl font-semibold">{t("report.campaigns")}</h3>
          <p className="text-sm">{t("campaigns.lead")}</p>
          <CampaignList reference={draft.reference} campaigns={content.campaigns} length={200} />
        </section>
      ) : null}
    </section>
  );
}
