import { isolate } from "@/lib/i18n/isolate";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { positionsAction } from "@/lib/comments/actions";
import { followAction } from "@/lib/notifications/actions";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { positionValues } from "@/lib/comments/schemas";
import { FollowDeliveryForm } from "@/components/notifications/follow-delivery-form";
import type { FollowDelivery } from "@/lib/notifications/schemas";

type Props = {
  draftId: string;
  base: string;
  open: boolean;
  signedIn: boolean;
  /** The reader is suspended from this organisation's consultations: a notice instead of the forms. */
  suspended?: boolean;
  following: boolean;
  /** Digests: how the reader gets emails about this draft while following it. */
  delivery?: FollowDelivery | null;
  /** Scheduled or open for comment (lib/drafts/visibility `isFollowable`): Follow is offered; otherwise only "Stop following". */
  followable: boolean;
  generalCount: number;
  sections: Array<{ number: string; title: string }>;
  distribution: Record<string, Record<string, number>>;
  mine: Record<string, string>;
  surveys?: Array<{ slug: string; title: string }>;
};

/** Under the draft's header: how to take part, follow, your positions, and everyone's positions. */
export async function ParticipationPanel({ draftId, base, open, signedIn, suspended = false, following, delivery = null, followable, generalCount, sections, distribution, mine, surveys = [] }: Props) {
  const [t, td] = await Promise.all([getTranslations("participation"), getTranslations("deck.entry")]);
  const rows = [{ number: "", title: t("overall") }, ...sections];
  return (
    <section aria-labelledby="take-part" className="card flex min-w-0 flex-col gap-4 print:hidden">
      <h2 id="take-part" className="text-xl font-semibold">
        {t("takePart")}
      </h2>
      {open && suspended ? (
        <p role="note" data-testid="suspended-notice">
          {t("suspendedNotice")}
        </p>
      ) : (
        <p>{open ? t("openLead") : t("closedNotice")}</p>
      )}
      <p className="flex flex-wrap gap-4">
        <Link className="link" href={`${base}/p/general`}>
          {t("generalLink", { count: generalCount })}
        </Link>
        {surveys.map((s) => (
          <Link key={s.slug} className="link" href={`/s/${s.slug}`}>
            {t("surveyLink", { title: isolate(s.title) })}
          </Link>
        ))}
        {!signedIn && open ? (
          <Link className="link" href={`/signin?callbackUrl=${encodeURIComponent(base)}`}>
            {t("signInToComment")}
          </Link>
        ) : null}
        {/* Voting deck (lib/deck): signed-in participants vote; others are asked to sign in first. */}
        {open && signedIn && !suspended ? (
          <Link className="link font-semibold" href={`${base}/vote`}>
            {td("link")}
          </Link>
        ) : null}
        {open && !signedIn ? (
          <Link className="link" href={`/signin?callbackUrl=${encodeURIComponent(`${base}/vote`)}`}>
            {td("signIn")}
          </Link>
        ) : null}
      </p>
      {signedIn && (following || followable) ? (
        <InlineActionForm action={followAction} hidden={{ draftId, follow: following ? "0" : "1" }}>
          <button type="submit" className="btn-secondary" aria-pressed={following}>
            {following ? t("unfollow") : t("follow")}
          </button>
          <span className="text-sm text-muted">{t("followHint")}</span>
        </InlineActionForm>
      ) : null}
      {signedIn && following && delivery ? <FollowDeliveryForm draftId={draftId} delivery={delivery} /> : null}

      <div className="w-full max-w-[calc(100vw-4.5rem)] overflow-x-auto" tabIndex={0} role="region" aria-label={t("positionsTitle")}>
        <table className="w-full text-sm" data-testid="positions">
          <caption className="mb-2 text-start text-base font-semibold">{t("positionsTitle")}</caption>
          <thead>
            <tr>
              <th scope="col" className="pe-3 text-start">{t("section")}</th>
              {positionValues.map((v) => (
                <th key={v} scope="col" className="pe-3 text-end">
                  {t(`positions.${v}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.number} className="border-t border-line">
                <th scope="row" className="py-1 pe-3 text-start font-normal">
                  {r.number ? `${r.number} ${r.title}` : r.title}
                </th>
                {positionValues.map((v) => (
                  <td key={v} className="pe-3 text-end tabular-nums">
                    {distribution[r.number]?.[v] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {signedIn && open && !suspended ? (
        <details>
          <summary className="cursor-pointer font-semibold text-accent">{t("recordPosition")}</summary>
          <InlineActionForm action={positionsAction} hidden={{ draftId }} className="mt-3 flex flex-col gap-3">
            {rows.map((r) => {
              const name = r.number ? `position:${r.number}` : "position";
              return (
                <div key={r.number} className="flex flex-col gap-1">
                  <label htmlFor={`pos-${r.number || "overall"}`} className="font-semibold">
                    {r.number ? `${r.number} ${r.title}` : t("overallPosition")}
                  </label>
                  <select id={`pos-${r.number || "overall"}`} name={name} defaultValue={mine[r.number] ?? ""} className="input max-w-md">
                    <option value="">{t("noAnswer")}</option>
                    {positionValues.map((v) => (
                      <option key={v} value={v}>
                        {t(`positions.${v}`)}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
            <button type="submit" className="btn-primary self-start">
              {t("savePosition")}
            </button>
          </InlineActionForm>
        </details>
      ) : null}
    </section>
  );
}
