import { getFormatter, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/form/inline-action-form";
import type { ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Session = { id: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date };

/** The account's sessions still in force, with "sign out" per session and everywhere. */
export async function SessionsList({
  sessions,
  currentSessionId,
  endSession,
  endAllSessions,
}: {
  sessions: ReadonlyArray<Session>;
  currentSessionId: string;
  endSession: Action;
  endAllSessions: Action;
}) {
  const [t, format] = await Promise.all([getTranslations("sessions"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-3" aria-label={t("title")}>
        {sessions.map((session) => {
          const device = session.userAgent ?? t("unknownDevice");
          const current = session.id === currentSessionId;
          return (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3" data-testid="session-row">
              <div className="flex flex-col">
                <span className="font-semibold">
                  <bdi>{device}</bdi>
                  {current ? <span className="ms-2 text-sm font-normal text-success">({t("thisDevice")})</span> : null}
                </span>
                <span className="text-sm text-muted">
                  {t("lastSeen", { date: when(session.lastSeenAt) })} · {t("signedInAt", { date: when(session.createdAt) })}
                </span>
              </div>
              <InlineActionForm action={endSession} hidden={{ sessionId: session.id }}>
                <button type="submit" className="btn-secondary min-h-11 px-3 text-sm" aria-label={t("signOutOne", { device })}>
                  {t("signOut")}
                </button>
              </InlineActionForm>
            </li>
          );
        })}
      </ul>
      <InlineActionForm action={endAllSessions} hidden={{}}>
        <button type="submit" className="btn-secondary min-h-11 px-3">
          {t("signOutEverywhere")}
        </button>
        <span className="text-sm text-muted">{t("signOutEverywhereHint")}</span>
      </InlineActionForm>
    </div>
  );
}
