"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { localeCookie, locales } from "./config";

const ZSetLocaleInput = z.object({
  locale: z.enum(locales),
  // Only this site's paths (lib/http/safe-redirect), so the form cannot be used as an open redirect.
  returnTo: z.unknown().transform((v) => safeRedirectPath(v)),
});

/** The language switcher's form action: remembers the choice for a year and returns to the page. */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = ZSetLocaleInput.safeParse({ locale: formData.get("locale"), returnTo: formData.get("returnTo") ?? "/" });
  if (parsed.success) {
    (await cookies()).set(localeCookie, parsed.data.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }
  redirect(parsed.success ? parsed.data.returnTo : "/");
}
