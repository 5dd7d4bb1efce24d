import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstLink, startMailCapture } from "@/lib/testing/mail-capture";

// Real SMTP on loopback; the modules read SMTP_URL when first imported, so import them after.
let mail: Awaited<ReturnType<typeof startMailCapture>>;
let m: {
  prisma: typeof import("@/lib/db/client").prisma;
  registerUser: typeof import("./register-user").registerUser;
  verifyEmail: typeof import("./verify-email").verifyEmail;
  authenticateWithPassword: typeof import("./authenticate").authenticateWithPassword;
  requestPasswordReset: typeof import("./reset-password").requestPasswordReset;
  resetPassword: typeof import("./reset-password").resetPassword;
};

let stopWorker: () => Promise<void> = async () => {};

beforeAll(async () => {
  mail = await startMailCapture();
  process.env.SMTP_URL = mail.url;
  m = {
    prisma: (await import("@/lib/db/client")).prisma,
    registerUser: (await import("./register-user")).registerUser,
    verifyEmail: (await import("./verify-email")).verifyEmail,
    authenticateWithPassword: (await import("./authenticate")).authenticateWithPassword,
    requestPasswordReset: (await import("./reset-password")).requestPasswordReset,
    resetPassword: (await import("./reset-password")).resetPassword,
  };
  // Emails are queued jobs: this process runs the background worker that sends them.
  await (await import("@/lib/testing/email-backlog")).discardPendingEmails();
  stopWorker = await (await import("@/lib/jobs/worker")).startWorker();
});

afterAll(async () => {
  await stopWorker();
  await m?.prisma.$disconnect();
  await mail?.close();
});

const uniqueEmail = () => `person-${randomBytes(4).toString("hex")}@example.org`;
const password = "correct horse battery";
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

async function registeredAndVerified() {
  const email = uniqueEmail();
  await m.registerUser({ name: "Test Person", email, password, confirmPassword: password }, "en");
  const token = tokenOf(firstLink((await mail.waitFor(email)).text));
  expect(await m.verifyEmail(token)).toBe("verified");
  return email;
}

describe("registration and email verification", () => {
  it("emails a single-use link that verifies the account, in the user's language", async () => {
    const email = uniqueEmail();
    await m.registerUser({ name: "Ana", email, password, confirmPassword: password }, "fr");
    const message = await mail.waitFor(email);
    const link = firstLink(message.text);
    expect(link).toMatch(/^http:\/\/localhost:3999\/verify-email\?token=/);
    expect(message.subject).not.toBe("Confirm your email address for Parley");

    expect(await m.authenticateWithPassword(email, password)).toEqual({ ok: false, error: "emailNotVerified" });
    expect(await m.verifyEmail(tokenOf(link))).toBe("verified");
    expect(await m.verifyEmail(tokenOf(link))).toBe("invalid");
    const result = await m.authenticateWithPassword(email, password);
    expect(result.ok).toBe(true);
    const stored = await m.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.locale).toBe("fr");
  });

  it("is safe to retry: one account, and only the newest link works", async () => {
    const email = uniqueEmail();
    const input = { name: "Ana", email, password, confirmPassword: password };
    await m.registerUser(input, "en");
    const first = tokenOf(firstLink((await mail.waitFor(email)).text));
    const sentAt = Date.now();
    await m.registerUser(input, "en");
    const second = tokenOf(firstLink((await mail.waitFor(email, { after: sentAt })).text));
    expect(second).not.toBe(first);
    expect(await m.prisma.user.count({ where: { email } })).toBe(1);
    expect(await m.verifyEmail(first)).toBe("invalid");
    expect(await m.verifyEmail(second)).toBe("verified");
  });

  it("refuses an expired link", async () => {
    const email = uniqueEmail();
    await m.registerUser({ name: "Ana", email, password, confirmPassword: password }, "en");
    const token = tokenOf(firstLink((await mail.waitFor(email)).text));
    await m.prisma.authToken.updateMany({ where: { user: { email } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await m.verifyEmail(token)).toBe("expired");
  });
});

describe("password sign-in", () => {
  it("rejects a wrong password and rate limits repeated failures", async () => {
    const email = await registeredAndVerified();
    for (let i = 0; i < 5; i++) {
      expect(await m.authenticateWithPassword(email, "wrong password!")).toEqual({ ok: false, error: "invalidCredentials" });
    }
    // Even the right password is refused while the limit holds.
    expect(await m.authenticateWithPassword(email, password)).toEqual({ ok: false, error: "rateLimited" });
  });

  it("does not reveal whether an account exists", async () => {
    expect(await m.authenticateWithPassword(uniqueEmail(), password)).toEqual({ ok: false, error: "invalidCredentials" });
  });

  it("refuses a suspended account", async () => {
    const email = await registeredAndVerified();
    await m.prisma.user.update({ where: { email }, data: { suspendedAt: new Date() } });
    expect(await m.authenticateWithPassword(email, password)).toEqual({ ok: false, error: "suspended" });
  });
});

describe("password reset", () => {
  it("sets a new password, signs out every session and uses the link once", async () => {
    const email = await registeredAndVerified();
    const before = await m.prisma.user.findUniqueOrThrow({ where: { email } });
    const session = await m.prisma.userSession.create({ data: { userId: before.id } });
    const after = Date.now();
    await m.requestPasswordReset(email, "en");
    const link = firstLink((await mail.waitFor(email, { after })).text);
    expect(link).toContain("/reset-password?token=");
    expect(await m.resetPassword(tokenOf(link), "a brand new passphrase")).toBe("reset");
    expect(await m.resetPassword(tokenOf(link), "another passphrase!!")).toBe("invalid");
    const updated = await m.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(updated.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await m.prisma.userSession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeInstanceOf(Date);
    expect(await m.authenticateWithPassword(email, password)).toEqual({ ok: false, error: "invalidCredentials" });
    expect((await m.authenticateWithPassword(email, "a brand new passphrase")).ok).toBe(true);
  });

  it("sends nothing for an unknown address", async () => {
    const email = uniqueEmail();
    const count = mail.messages.length;
    await m.requestPasswordReset(email, "en");
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.messages.length).toBe(count);
  });
});
