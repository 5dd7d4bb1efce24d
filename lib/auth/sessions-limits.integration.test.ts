import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { RateLimitedError } from "@/lib/errors";

// Limits and sessions against the run's real PostgreSQL. Two PrismaClients with their own pools
// stand in for two server processes: a limit must hold across them.
let m: {
  prisma: typeof import("@/lib/db/client").prisma;
  limits: typeof import("./rate-limit");
  sessions: typeof import("./sessions");
  authenticateWithPassword: typeof import("./authenticate").authenticateWithPassword;
  changePassword: typeof import("./change-password").changePassword;
  suspendUser: typeof import("@/lib/users/suspend-user").suspendUser;
  hashPassword: typeof import("./password").hashPassword;
};
const processes: PrismaClient[] = [];

beforeAll(async () => {
  m = {
    prisma: (await import("@/lib/db/client")).prisma,
    limits: await import("./rate-limit"),
    sessions: await import("./sessions"),
    authenticateWithPassword: (await import("./authenticate")).authenticateWithPassword,
    changePassword: (await import("./change-password")).changePassword,
    suspendUser: (await import("@/lib/users/suspend-user")).suspendUser,
    hashPassword: (await import("./password")).hashPassword,
  };
  for (let i = 0; i < 2; i++) processes.push(new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }) }));
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.$disconnect()));
  await m?.prisma.$disconnect();
});

const unique = (label: string) => `${label}-${randomBytes(4).toString("hex")}`;
const password = "correct horse battery";

async function verifiedUser() {
  const email = `${unique("person")}@example.org`;
  const user = await m.prisma.user.create({
    data: { email, name: "Test Person", passwordHash: await m.hashPassword(password), emailVerified: new Date() },
    select: { id: true, email: true },
  });
  return user;
}

async function currentUserFor(userId: string, sessionId: string) {
  const user = await m.prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, isPlatformAdmin: true, suspendedAt: true, memberships: { select: { organisationId: true, role: true } } },
  });
  return { ...user, sessionId };
}

const revoked = async (id: string) => (await m.prisma.userSession.findUniqueOrThrow({ where: { id } })).revokedAt !== null;

describe("limits shared through PostgreSQL", () => {
  it("a limit used up in one process is refused in another, with the wait in seconds", async () => {
    const spec = { keyPrefix: unique("shared"), points: 3, durationSeconds: 600 };
    const [a, b] = processes.map((p) => m.limits.createLimiter(spec, p));
    for (let i = 0; i < 3; i++) await a!.consume("203.0.113.9");
    await expect(b!.consume("203.0.113.9")).rejects.toMatchObject({ remainingPoints: 0 });
    const seen = await b!.get("203.0.113.9");
    expect(seen?.consumedPoints).toBe(4);
    expect(seen!.msBeforeNext).toBeGreaterThan(0);
    expect(seen!.msBeforeNext).toBeLessThanOrEqual(600_000);
    // Alternating processes count into the same budget.
    const key = "198.51.100.4";
    await a!.consume(key);
    await b!.consume(key);
    await a!.consume(key);
    await expect(b!.consume(key)).rejects.toMatchObject({ consumedPoints: 4 });
  });

  it("limits password spraying across accounts from one address (SIGNIN_MAX_FAILURES_PER_ADDRESS)", async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    const perAddress = m.limits.limitSpecs.signInPerAddress.points;
    const perAccount = m.limits.limitSpecs.signInPerAccount.points;
    // Few enough guesses per account that none reaches its own limit.
    const victims = await Promise.all(Array.from({ length: Math.ceil(perAddress / (perAccount - 1)) }, () => verifiedUser()));
    for (let i = 0; i < perAddress; i++) {
      const victim = victims[i % victims.length]!;
      expect(await m.authenticateWithPassword(victim.email, `guess number ${i}`, address)).toEqual({ ok: false, error: "invalidCredentials" });
    }
    // No single account reached its own limit, yet the address is refused, even with the right password.
    expect(Math.ceil(perAddress / victims.length)).toBeLessThan(perAccount);
    expect(await m.authenticateWithPassword(victims[0]!.email, password, address)).toEqual({ ok: false, error: "rateLimited" });
    const error = await m.limits.assertSignInAllowed(null, address).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    // Another address signs the same account in.
    expect((await m.authenticateWithPassword(victims[0]!.email, password, "192.0.2.250")).ok).toBe(true);
  });

  it("limits sign-in emails per recipient and per address", async () => {
    const recipient = `${unique("mail")}@example.org`;
    const perRecipient = m.limits.limitSpecs.authMailPerRecipient.points;
    for (let i = 0; i < perRecipient; i++) await m.limits.consumeAuthMail("magicLink", recipient, `2001:db8::${i + 1}`);
    await expect(m.limits.consumeAuthMail("magicLink", recipient, "2001:db8::ff")).rejects.toBeInstanceOf(RateLimitedError);

    const address = `2001:db8:1::${randomBytes(2).toString("hex")}`;
    const perAddress = m.limits.limitSpecs.authMailPerAddress.points;
    for (let i = 0; i < perAddress; i++) await m.limits.consumeAuthMail("reset", `${unique("r")}@example.org`, address);
    const error = await m.limits.consumeAuthMail("reset", `${unique("r")}@example.org`, address).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it("limits registrations per address", async () => {
    const address = `2001:db8:2::${randomBytes(2).toString("hex")}`;
    for (let i = 0; i < m.limits.limitSpecs.registrationPerAddress.points; i++) await m.limits.consumeRegistration(address);
    await expect(m.limits.consumeRegistration(address)).rejects.toBeInstanceOf(RateLimitedError);
    await expect(m.limits.consumeRegistration(`${address}1`)).resolves.toBeUndefined();
  });
});

describe("server-side sessions", () => {
  it("ending one session leaves the others; the list shows only sessions in force", async () => {
    const user = await verifiedUser();
    const laptop = await m.sessions.startSession(user.id, "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0");
    const phone = await m.sessions.startSession(user.id, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari/604.1");
    expect((await m.sessions.listActiveSessions(user.id)).map((s) => s.userAgent).sort()).toEqual(["Firefox on Windows", "Safari on iOS"]);

    const actor = await currentUserFor(user.id, laptop);
    await m.sessions.endOwnSession(actor, phone);
    expect(await revoked(phone)).toBe(true);
    expect(await revoked(laptop)).toBe(false);
    expect((await m.sessions.listActiveSessions(user.id)).map((s) => s.id)).toEqual([laptop]);
    // Someone else's session, or an ended one, is not found.
    const other = await verifiedUser();
    const theirs = await m.sessions.startSession(other.id, null);
    await expect(m.sessions.endOwnSession(actor, theirs)).rejects.toMatchObject({ code: "notFound" });
    await expect(m.sessions.endOwnSession(actor, phone)).rejects.toMatchObject({ code: "notFound" });
    expect(await revoked(theirs)).toBe(false);
  });

  it("a password change ends every other session and keeps this one", async () => {
    const user = await verifiedUser();
    const here = await m.sessions.startSession(user.id, null);
    const elsewhere = [await m.sessions.startSession(user.id, null), await m.sessions.startSession(user.id, null)];
    const actor = await currentUserFor(user.id, here);
    await expect(m.changePassword(actor, { currentPassword: "not it at all", password: "a brand new passphrase", confirmPassword: "a brand new passphrase" })).rejects.toMatchObject({
      field: "currentPassword",
      code: "currentPasswordWrong",
    });
    expect(await revoked(elsewhere[0]!)).toBe(false);
    expect(await m.changePassword(actor, { currentPassword: password, password: "a brand new passphrase", confirmPassword: "a brand new passphrase" })).toBe(2);
    expect(await revoked(here)).toBe(false);
    expect(await Promise.all(elsewhere.map(revoked))).toEqual([true, true]);
    expect((await m.authenticateWithPassword(user.email, "a brand new passphrase")).ok).toBe(true);
  });

  it("platform suspension ends every session; only a platform admin may suspend", async () => {
    const user = await verifiedUser();
    const ids = [await m.sessions.startSession(user.id, null), await m.sessions.startSession(user.id, null)];
    const stranger = await currentUserFor((await verifiedUser()).id, "none");
    await expect(m.suspendUser(stranger, user.id, "spam")).rejects.toMatchObject({ code: "forbidden" });
    expect(await Promise.all(ids.map(revoked))).toEqual([false, false]);
    const admin = { ...stranger, isPlatformAdmin: true };
    await m.suspendUser(admin, user.id, "spam");
    expect(await Promise.all(ids.map(revoked))).toEqual([true, true]);
    const stored = await m.prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { suspendedAt: true, suspendedReason: true } });
    expect(stored.suspendedReason).toBe("spam");
    expect(stored.suspendedAt).toBeInstanceOf(Date);
  });
});
