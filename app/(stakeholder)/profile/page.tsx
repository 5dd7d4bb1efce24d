import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ProfileForm } from "@/components/profile/profile-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countryOptions } from "@/lib/users/countries";
import { getProfile } from "@/lib/users/profile";
import { stakeholderGroups } from "@/lib/users/schemas";
import { updateProfileAction } from "./actions";

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
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
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
    </div>
  );
}
