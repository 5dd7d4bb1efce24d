import { getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { env } from "@/lib/env";
import { followDeliveryAction } from "@/lib/notifications/actions";
import { followDeliveries, type FollowDelivery } from "@/lib/notifications/schemas";

/**
 * Digests: immediate emails or a daily / weekly digest for one followed draft. A plain select and a
 * submit button, so it works without JavaScript. `label` names the draft where several are listed.
 */
export async function FollowDeliveryForm({ draftId, delivery, label, idPrefix = "delivery" }: { draftId: string; delivery: FollowDelivery; label?: string; idPrefix?: string }) {
  const t = await getTranslations("digests.delivery");
  const id = `${idPrefix}-${draftId}`;
  const hour = `${String(env.DIGEST_HOUR_UTC).padStart(2, "0")}:00`;
  return (
    <InlineActionForm action={followDeliveryAction} hidden={{ draftId }} className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-semibold">
          {label ?? t("label")}
        </label>
        <select id={id} name="delivery" defaultValue={delivery} className="input min-h-11" aria-describedby={`${id}-hint`}>
          {followDeliveries.map((d) => (
            <option key={d} value={d}>
              {t(d)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary min-h-11 px-3 text-sm">
        {t("save")}
      </button>
      <p id={`${id}-hint`} className="w-full text-sm text-muted">
        {t("hint", { hour })}
      </p>
    </InlineActionForm>
  );
}
