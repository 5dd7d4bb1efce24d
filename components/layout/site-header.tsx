import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const [t, user] = await Promise.all([getTranslations("nav"), getCurrentUser()]);
  return (
    <header role="banner" className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-xl font-bold tracking-tight text-accent no-underline">
          Parley
        </Link>
        <nav aria-label={t("main")}>
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-2">
            <li>
              <Link href="/drafts" className="link">
                {t("home")}
              </Link>
            </li>
            <li>
              <Link href="/organisations" className="link">
                {t("organisations")}
              </Link>
            </li>
            {user ? (
              <>
                <li>
                  <Link href="/profile" className="link">
                    {t("profile")}
                  </Link>
                </li>
                <li>
                  <SignOutButton />
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/signin" className="link">
                    {t("signIn")}
                  </Link>
                </li>
                <li>
                  <Link href="/register" className="btn-primary">
                    {t("register")}
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
      {user ? (
        <p className="sr-only" data-testid="signed-in-as">
          {t("signedInAs", { name: user.name ?? user.email })}
        </p>
      ) : null}
    </header>
  );
}
