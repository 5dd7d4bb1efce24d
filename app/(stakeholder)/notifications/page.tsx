import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { followAction, notificationSettingsAction } from "@/lib/notifications/actions";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { FollowDeliveryForm } from "@/components/notifications/follow-delivery-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getNotificationSettings } from "@/lib/notifications/preferences";

export const metadata = { robots: { index: false } };

/** Which emails a stakeholder gets, and the drafts they follow. */
export default async function NotificationSettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=%2Fnotifications");
  const [settings, t, td] = await Promise.all([getNotificationSettings(user.id), getTranslations("notificationSettings"), getTranslations("digests.delivery")]);
  if (!settings) redirect("/signin");
  const box = (name: "notifyReplies" | "notifyVersions" | "notifyClosing") => (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={settings[name]} className="size-5" />
      {t(name)}
    </label>
  );
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      <section className="card">
        <InlineActionForm action={notificationSettingsAction} hidden={{}} className="flex flex-col gap-3" label={t("title")}>
          {box("notifyReplies")}
          {box("notifyVersions")}
          {box("notifyClosing")}
          <button type="submit" className="btn-primary self-start">
            {t("save")}
          </button>
        </InlineActionForm>
      </section>
      <section aria-labelledby="following" className="flex flex-col gap-3">
        <h2 id="following" className="text-xl font-semibold">
          {t("following")}
        </h2>
        {settings.follows.length === 0 ? <p className="text-muted">{t("followingNone")}</p> : null}
        <ul className="flex flex-col gap-2">
          {settings.follows.map(({ draft, delivery }) => (
            <li key={draft.id} className="flex flex-wrap items-end gap-3">
              <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}`}>
                {draft.reference}: {draft.title}
              </Link>
              <InlineActionForm action={followAction} hidden={{ draftId: draft.id, follow: "0" }}>
                <button type="submit" className="btn-secondary min-h-11 px-3 text-sm">
                  {t("unfollow")}
                </button>
              </InlineActionForm>
              <FollowDeliveryForm draftId={draft.id} delivery={delivery} label={td("labelFor", { reference: draft.reference })} idPrefix="follow-delivery" />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
