import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { unsubscribeWithToken } from "@/lib/notifications/preferences";

export const metadata = { robots: { index: false } };

type Props = { searchParams: Promise<{ u?: string; t?: string }> };

/** The one-click unsubscribe link in every email: turns notification emails off, no sign-in needed. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { u, t: token } = await searchParams;
  const ok = u && token ? await unsubscribeWithToken(u, token) : false;
  const t = await getTranslations("unsubscribe");
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold">{ok ? t("done") : t("invalid")}</h1>
      <p>{ok ? t("doneBody") : t("invalidBody")}</p>
      <p>
        <Link className="link" href="/notifications">
          {t("settings")}
        </Link>
      </p>
    </div>
  );
}
