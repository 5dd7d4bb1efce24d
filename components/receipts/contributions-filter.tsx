import { getTranslations } from "next-intl/server";

/** The consultation filter: a plain GET form (works without JavaScript). */
export async function ContributionsFilter({ consultations, selected }: { consultations: Array<{ consultation: string; title: string }>; selected: string | null }) {
  const t = await getTranslations("contributions");
  return (
    <form method="get" action="/profile/contributions" className="card flex flex-wrap items-end gap-3" aria-label={t("filterTitle")}>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor="consultation-filter" className="font-semibold">
          {t("filterLabel")}
        </label>
        <select id="consultation-filter" name="consultation" className="input w-full min-w-0" defaultValue={selected ?? ""}>
          <option value="">{t("allConsultations")}</option>
          {consultations.map((c) => (
            <option key={c.consultation} value={c.consultation}>
              {c.consultation}: {c.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-primary">
        {t("filter")}
      </button>
    </form>
  );
}
