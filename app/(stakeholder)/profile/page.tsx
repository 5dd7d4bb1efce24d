import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { ApiTokenForm } from "@/components/profile/api-token-form";
import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { ProfileForm } from "@/components/profile/profile-form";
import { SessionsList } from "@/components/profile/sessions-list";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { listApiTokens } from "@/lib/api-tokens/api-tokens";
import { changePasswordAction, endAllSessionsAction, endSessionAction } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listActiveSessions } from "@/lib/auth/sessions";
import { updateProfileAction } from "@/lib/users/actions";
import { countryOptions } from "@/lib/users/countries";
import { getProfile } from "@/lib/users/profile";
import { stakeholderGroups } from "@/lib/users/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/profile");
  const [t, tg, tr, locale, profile] = await Promise.all([
    getTranslations("profile"),
    getTranslations("groups"),
    getTranslations("roles"),
    getLocale(),
    getProfile(user.id),
  ]);
  if (!profile) redirect("/signin?callbackUrl=/profile");
  const [ta, ts, format, tokens, sessions] = await Promise.all([
    getTranslations("apiTokens"),
    getTranslations("sessions"),
    getFormatter(),
    listApiTokens(user.id),
    listActiveSessions(user.id),
  ]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      <p>
        <Link className="link" href="/profile/contributions">
          {(await getTranslations("contributions"))("profileLink")}
        </Link>
      </p>
      <p>
        <span className="font-semibold">{t("email")}: </span>
        {profile.email}
      </p>
      <ProfileForm
        action={updateProfileAction}
        profile={{
          name: profile.name ?? "",
          stakeholderGroup: profile.stakeholderGroup ?? "",
          country: profile.country ?? "",
          affiliation: profile.affiliation ?? "",
          speaksForOrganisation: profile.speaksForOrganisation,
        }}
        groups={stakeholderGroups.map((g) => ({ value: g, label: tg(g) }))}
        countries={countryOptions(locale)}
      />
      <section aria-labelledby="memberships-heading" className="flex flex-col gap-2">
        <h2 id="memberships-heading" className="text-xl font-semibold">
          {t("memberships")}
        </h2>
        {profile.memberships.length === 0 ? (
          <p>{t("noMemberships")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {profile.memberships.map((m) => (
              <li key={m.organisation.slug}>
                <Link className="link" href={`/organisations/${m.organisation.slug}`}>
                  {m.organisation.name}
                </Link>{" "}
                — {tr(m.role)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="notifications-heading" className="flex flex-col gap-2">
        <h2 id="notifications-heading" className="text-xl font-semibold">
          {ta("notificationsTitle")}
        </h2>
        <p>
          <Link className="link" href="/notifications">
            {ta("notificationsLink")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="sessions-heading" className="card flex flex-col gap-3">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          {ts("title")}
        </h2>
        <p className="text-muted">{ts("lead")}</p>
        <SessionsList sessions={sessions} currentSessionId={user.sessionId} endSession={endSessionAction} endAllSessions={endAllSessionsAction} />
      </section>
      <section aria-labelledby="password-heading" className="card flex flex-col gap-3">
        <h2 id="password-heading" className="text-xl font-semibold">
          {ts("passwordTitle")}
        </h2>
        <p className="text-muted">{ts("passwordLead")}</p>
        <ChangePasswordForm action={changePasswordAction} hasPassword={profile.hasPassword} />
      </section>
      <section aria-labelledby="tokens-heading" className="card flex flex-col gap-3">
        <h2 id="tokens-heading" className="text-xl font-semibold">
          {ta("title")}
        </h2>
        <p className="text-muted">{ta("lead")}</p>
        <p>
          <Link className="link" href="/api-reference" data-testid="api-reference-link">
            {ta("reference")}
          </Link>
        </p>
        <ApiTokenForm action={createApiTokenAction} />
        {tokens.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center gap-3">
                <span className="font-semibold">{token.name}</span>
                <span className="text-sm text-muted">{ta("lastUsed", { date: token.lastUsedAt ? format.dateTime(token.lastUsedAt, { dateStyle: "medium" }) : "—" })}</span>
                <InlineActionForm action={revokeApiTokenAction} hidden={{ tokenId: token.id }}>
                  <button type="submit" className="btn-secondary min-h-11 px-3 text-sm">
                    {ta("revoke")}
                  </button>
                </InlineActionForm>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
