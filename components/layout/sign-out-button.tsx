"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function SignOutButton() {
  const t = useTranslations("nav");
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="link min-h-11 px-1"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: "/signin?signedOut=1" });
      }}
    >
      {t("signOut")}
    </button>
  );
}
