import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { unsubscribeWithToken } from "@/lib/notifications/preferences";
import { unfollowWithToken } from "@/lib/notifications/follow-delivery";

export const metadata = { robots: { index: false } };

type Props = { searchParams: Promise<{ u?: string; t?: string; d?: string }> };

/** The one-click unsubscribe link in every email: turns notification emails off, no sign-in needed. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { u, t: token, d: draftId } = await searchParams;
  // Digest emails carry the draft (d): their link stops following that draft only.
  const ok = u && token ? await (draftId ? unfollowWithToken(u, draftId, token) : unsubscribeWithToken(u, token)) : false;
  const [t, td] = await Promise.all([getTranslations("unsubscribe"), getTranslations("digests.unsubscribe")]);
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">{ok ? (draftId ? td("done") : t("done")) : t("invalid")}</h1>
      <p>{ok ? (draftId ? td("doneBody") : t("doneBody")) : t("invalidBody")}</p>
      <p>
        <Link className="link" href="/notifications">
          {t("settings")}
        </Link>
      </p>
    </div>
  );
}
