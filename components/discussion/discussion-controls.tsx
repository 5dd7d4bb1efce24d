import { getTranslations } from "next-intl/server";
import { discussionKinds, discussionSorts, stakeholderGroups, type TDiscussionFilters } from "@/lib/discussion/schemas";

/**
 * The sort and filters of a discussion: a plain GET form (works without JavaScript); submitting
 * starts again at page 1 with the chosen values in the URL.
 */
export async function DiscussionControls({ action, filters }: { action: string; filters: TDiscussionFilters }) {
  const [t, tk, tg] = await Promise.all([getTranslations("discussion"), getTranslations("participation.kinds"), getTranslations("groups")]);
  const field = (name: "sort" | "kind" | "group", label: string, value: string, options: Array<{ value: string; label: string }>) => (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`discussion-${name}`} className="text-sm font-semibold">
        {label}
      </label>
      <select id={`discussion-${name}`} name={name} defaultValue={value} className="input w-full min-w-0">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={action} className="card grid gap-3 sm:grid-cols-4" aria-label={t("controls")} data-testid="discussion-controls">
      {field("sort", t("sortLabel"), filters.sort, discussionSorts.map((s) => ({ value: s, label: t(`sorts.${s}`) })))}
      {field("kind", t("kindLabel"), filters.kind ?? "", [{ value: "", label: t("allKinds") }, ...discussionKinds.map((k) => ({ value: k, label: tk(k) }))])}
      {field("group", t("groupLabel"), filters.group ?? "", [{ value: "", label: t("allGroups") }, ...stakeholderGroups.map((g) => ({ value: g, label: tg(g) }))])}
      <div className="flex items-end">
        <button type="submit" className="btn-secondary w-full">
          {t("apply")}
        </button>
      </div>
      {filters.sort === "divisive" ? <p className="text-sm sm:col-span-4">{t("divisiveHint")}</p> : null}
    </form>
  );
}
