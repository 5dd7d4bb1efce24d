"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ZMagicLinkInput, ZSignInInput } from "@/lib/auth/schemas";
import { FormMessage } from "@/components/form/form-message";
import { TextField } from "@/components/form/text-field";

type Props = { callbackUrl: string; initialError?: string; oidcName?: string };

function firstErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const out: Record<string, string> = {};
  for (const i of issues) out[String(i.path[0])] ??= i.message;
  return out;
}

export function SignInForm({ callbackUrl, initialError, oidcName }: Props) {
  const t = useTranslations("auth");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const [busy, setBusy] = useState<"password" | "link" | null>(null);

  const errorText = (key?: string) => (key ? (te.has(key) ? te(key) : te("Default")) : undefined);

  async function onPasswordSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZSignInInput.safeParse({ email, password });
    if (!parsed.success) {
      setFieldErrors(firstErrors(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    setFormError(undefined);
    setBusy("password");
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false, callbackUrl });
      if (!result || result.error) {
        setFormError(result?.error ?? "Default");
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setFormError("unexpected");
    } finally {
      setBusy(null);
    }
  }

  async function onMagicLink() {
    const parsed = ZMagicLinkInput.safeParse({ email });
    if (!parsed.success) {
      setFieldErrors(firstErrors(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    setFormError(undefined);
    setBusy("link");
    try {
      const result = await signIn("email", { email: parsed.data.email, redirect: false, callbackUrl });
      if (!result || result.error) {
        setFormError(result?.error ?? "EmailSignin");
        return;
      }
      router.push("/signin/check-email");
    } catch {
      setFormError("unexpected");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      {formError ? (
        <FormMessage kind="error" title={te("title")}>
          {errorText(formError)}
        </FormMessage>
      ) : null}
      <form method="post" onSubmit={onPasswordSubmit} noValidate className="card flex flex-col gap-4" aria-labelledby="password-heading">
        <h2 id="password-heading" className="text-lg font-bold">
          {t("passwordSection")}
        </h2>
        <TextField
          name="email"
          type="email"
          label={t("email")}
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldErrors.email ? tv(fieldErrors.email) : undefined}
        />
        <TextField
          name="password"
          type="password"
          label={t("password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password ? tv(fieldErrors.password) : undefined}
        />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary" disabled={busy !== null}>
            {t("signInButton")}
          </button>
          <Link href="/forgot-password" className="link">
            {t("forgotPassword")}
          </Link>
        </div>
      </form>
      <section className="card flex flex-col gap-3" aria-labelledby="link-heading">
        <h2 id="link-heading" className="text-lg font-bold">
          {t("magicLinkSection")}
        </h2>
        <p className="text-sm text-muted">{t("magicLinkHint")}</p>
        <div>
          <button type="button" className="btn-secondary" onClick={onMagicLink} disabled={busy !== null}>
            {t("magicLinkButton")}
          </button>
        </div>
      </section>
      {oidcName ? (
        <section className="card flex flex-col gap-3" aria-labelledby="sso-heading">
          <h2 id="sso-heading" className="text-lg font-bold">
            {t("ssoSection")}
          </h2>
          <div>
            <button type="button" className="btn-secondary" onClick={() => void signIn("oidc", { callbackUrl })}>
              {t("ssoButton", { provider: oidcName })}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
