import { getTranslations } from "next-intl/server";
import { dispositionValues } from "@/lib/summaries/schemas";

type Initial = { value: string; response: string; versionNumber: number | null; anchor: string | null } | null;

/** The fields of a disposition form (decision, response, paragraph changed), shared by themes and comments. */
export async function DispositionFields({ idPrefix, initial }: { idPrefix: string; initial: Initial }) {
  const [t, tv] = await Promise.all([getTranslations("summaries"), getTranslations("summaries.dispositions.values")]);
  return (
    <>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
        <legend className="text-sm font-semibold">{t("dispositions.decision")}</legend>
        {dispositionValues.map((v) => (
          <label key={v} className="flex items-center gap-1">
            <input type="radio" name="value" value={v} required defaultChecked={initial?.value === v} id={`${idPrefix}-${v}`} />
            <span>{tv(v)}</span>
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold">{t("dispositions.response")}</span>
        <textarea name="response" dir="auto" className="input min-h-16" maxLength={2000} defaultValue={initial?.response ?? ""} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold">{t("dispositions.changedAt")}</span>
        <input name="changedAt" list="changed-paragraphs" className="input max-w-xs" pattern="(\d+:[a-z0-9.\-]+)?" defaultValue={initial?.versionNumber && initial.anchor ? `${initial.versionNumber}:${initial.anchor}` : ""} aria-describedby={`${idPrefix}-changed-hint`} />
        <span id={`${idPrefix}-changed-hint`} className="text-sm text-muted">{t("dispositions.changedAtHint")}</span>
      </label>
    </>
  );
}
