import { getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { openDataAction } from "@/lib/discussion/actions";
import { dataLicences } from "@/lib/discussion/schemas";

/** The management page's open-data section: open the comments as open data early, and choose the licence. */
export async function OpenDataSetting({ draft }: { draft: { id: string; openData: boolean; dataLicence: string | null; closed: boolean; organisationLicence: string } }) {
  const t = await getTranslations("discussion.openData");
  return (
    <section className="card flex flex-col gap-3" aria-labelledby="open-data-setting-heading" data-testid="open-data-setting">
      <h2 id="open-data-setting-heading" className="text-xl font-semibold">
        {t("settingTitle")}
      </h2>
      <p>{draft.closed ? t("stateClosed") : draft.openData ? t("stateOpened") : t("stateNotYet")}</p>
      <InlineActionForm action={openDataAction} hidden={{ draftId: draft.id }} className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="open-data-choice" className="font-semibold">
            {t("openLabel")}
          </label>
          <select id="open-data-choice" name="openData" defaultValue={draft.openData ? "1" : "0"} className="input">
            <option value="0">{t("openNo")}</option>
            <option value="1">{t("openYes")}</option>
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="open-data-licence" className="font-semibold">
            {t("licenceLabel")}
          </label>
          <select id="open-data-licence" name="dataLicence" defaultValue={draft.dataLicence ?? ""} className="input">
            <option value="">{t("organisationLicence", { licence: draft.organisationLicence })}</option>
            {dataLicences.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="btn-secondary">
            {t("save")}
          </button>
        </div>
      </InlineActionForm>
    </section>
  );
}
