import { z } from "zod";

/**
 * Input schemas shared by the forms (client-side hints) and the server (the real check).
 * Error messages are message-catalog keys under "validation".
 */
export const ZEmail = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(254, { error: "emailTooLong" })
  .pipe(z.email({ error: "emailInvalid" }));

export const ZNewPassword = z
  .string({ error: "required" })
  .min(10, { error: "passwordTooShort" })
  .max(200, { error: "passwordTooLong" });

export const ZRegisterInput = z
  .object({
    name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(80, { error: "tooLong80" }),
    email: ZEmail,
    password: ZNewPassword,
    confirmPassword: z.string({ error: "required" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], error: "passwordMismatch" });
export type TRegisterInput = z.infer<typeof ZRegisterInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(200, { error: "passwordTooLong" }),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

export const ZMagicLinkInput = z.object({ email: ZEmail });

export const ZRequestPasswordResetInput = z.object({ email: ZEmail });

export const ZResetPasswordInput = z
  .object({
    token: z.string().min(20, { error: "linkInvalid" }).max(200, { error: "linkInvalid" }),
    password: ZNewPassword,
    confirmPassword: z.string({ error: "required" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], error: "passwordMismatch" });

/** The profile's "change password" form. An account without a password may leave currentPassword empty. */
export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().max(200, { error: "passwordTooLong" }).default(""),
    password: ZNewPassword,
    confirmPassword: z.string({ error: "required" }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], error: "passwordMismatch" });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

/** A token from the verification email (the confirm button posts it back). */
export const ZConfirmEmailInput = z.object({ token: z.string().min(20).max(200) });

/** One row of the profile's sessions list. */
export const ZEndSessionInput = z.object({ sessionId: z.string().min(1).max(64) });

/** "Sign out everywhere" posts nothing but the button. */
export const ZEndAllSessionsInput = z.object({});
