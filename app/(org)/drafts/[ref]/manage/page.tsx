import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ExtendDraftForm, OpenDraftForm, TransitionDraftForm } from "@/components/drafts/lifecycle-forms";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDraftForEditing } from "@/lib/drafts/get-draft";
import { lifecycleDefaults } from "@/lib/drafts/lifecycle-defaults";
import { currentTimeZoneName, timeZoneOptions } from "@/lib/time/time-zones";
import { zonedDateTimeFormat } from "@/lib/time/zoned";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { extendDraftAction, openDraftAction, preModerationAction, transitionDraftAction } from "@/lib/drafts/actions";
import { OpenDataSetting } from "@/components/discussion/open-data-setting";
import { openDataSetting } from "@/lib/discussion/open-data";

type Props = { params: Promise<{ ref: string }> };

export const metadata = { robots: { index: false } };

const commonZones = ["UTC", "Europe/Zurich", "Europe/Paris", "Europe/Brussels", "America/New_York", "Africa/Nairobi", "Asia/Bangkok", "Asia/Tokyo"];

/** The consultation's lifecycle: open (now or later), extend, close early, adopt, withdraw. */
export default async function ManageDraftPage({ params }: Props) {
  const reference = decodeURIComponent((await params).ref);
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/drafts/${reference}/manage`)}`);
  const draft = await getDraftForEditing(reference, user);
  if (!draft) notFound();
  const [t, ts, format, openData] = await Promise.all([getTranslations("manage"), getTranslations("status"), getFormatter(), openDataSetting(draft.id)]);
  const zones = timeZoneOptions(commonZones);
  const defaults = lifecycleDefaults(draft);
  const s = draft.status;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}`}>
          {t("back", { title: draft.title })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>
        {t("current", { status: ts(s) })}
        {draft.closesAt ? ` · ${t("closesOn", { date: format.dateTime(draft.closesAt, zonedDateTimeFormat(draft.timeZone)) })}` : null}
      </p>
      {s === "DRAFT" || s === "SCHEDULED" ? (
        <section className="card">
          <OpenDraftForm
            action={openDraftAction}
            draftId={draft.id}
            timeZones={zones}
            defaults={{ opensAt: defaults.opensAt, closesAt: defaults.closesAt, timeZone: currentTimeZoneName(draft.timeZone) }}
          />
        </section>
      ) : null}
      {s === "OPEN" || s === "CLOSED" ? (
        <section className="card">
          <ExtendDraftForm action={extendDraftAction} draftId={draft.id} timeZone={draft.timeZone} timeZones={zones} defaultClosesAt={defaults.extendTo} />
        </section>
      ) : null}
      <section className="card flex flex-col gap-3" aria-labelledby="premod-heading">
        <h2 id="premod-heading" className="text-xl font-semibold">
          {t("preModerationTitle")}
        </h2>
        <p>{draft.preModeration ? t("preModerationOn") : t("preModerationOff")}</p>
        <InlineActionForm action={preModerationAction} hidden={{ draftId: draft.id, enabled: draft.preModeration ? "0" : "1" }}>
          <button type="submit" className="btn-secondary">
            {draft.preModeration ? t("preModerationDisable") : t("preModerationEnable")}
          </button>
        </InlineActionForm>
      </section>
      {openData ? <OpenDataSetting draft={openData} /> : null}
      {s !== "FINAL" && s !== "WITHDRAWN" ? (
        <section className="card flex flex-col gap-4" aria-labelledby="state-heading">
          <h2 id="state-heading" className="text-xl font-semibold">
            {t("stateTitle")}
          </h2>
          {s === "OPEN" ? <TransitionDraftForm action={transitionDraftAction} draftId={draft.id} to="CLOSED" label={t("closeNow")} hint={t("closeHint")} /> : null}
          {s === "CLOSED" ? <TransitionDraftForm action={transitionDraftAction} draftId={draft.id} to="FINAL" label={t("finalise")} hint={t("finaliseHint")} /> : null}
          <TransitionDraftForm action={transitionDraftAction} draftId={draft.id} to="WITHDRAWN" label={t("withdraw")} hint={t("withdrawHint")} danger />
        </section>
      ) : (
        <p>{t("readOnly")}</p>
      )}
    </div>
  );
}
