import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { ForbiddenError } from "@/lib/errors";

// A real SMTP server on loopback. It refuses recipients whose address starts with "bounce", and can
// be told to take in one message and then never answer (the sender is killed while it waits).
type Received = { to: string; subject: string };
const received: Received[] = [];
let hangOnMessage = 0;
let onHang: ((to: string) => void) | null = null;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address.startsWith("bounce")) return callback(new Error("550 no such mailbox"));
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = session.envelope.rcptTo[0]!.address.toLowerCase();
        // Emails queued by earlier test files in this run's database may be sent here too: only
        // this file's recipients count.
        if (!to.startsWith("outbox-")) return callback();
        // Titles in subjects are wrapped in bidi isolates (U+2068…U+2069); compare the words.
        received.push({ to, subject: (mail.subject ?? "").replace(/[\u2066-\u2069]/g, "") });
        // The message is in, but the sender never hears back: its send is "interrupted".
        if (received.length === hangOnMessage) return onHang?.(to);
        callback();
      })
      .catch(callback);
  },
});

process.env.OUTBOX_MAX_ATTEMPTS = "2";
// Emails queued here expire (their sender presumed dead) 3 s after a worker takes them; the queue's
// maintenance checks every second.
process.env.OUTBOX_LEASE_SECONDS = "3";
process.env.JOBS_MAINTENANCE_SECONDS = "1";
process.env.DRAFT_SCHEDULER_INTERVAL_MS = "0";

let m: {
  prisma: typeof import("@/lib/db/client").prisma;
  builders: typeof import("@/prisma/seed/builders");
  createDraft: typeof import("@/lib/drafts/create-draft").createDraft;
  openDraft: typeof import("@/lib/drafts/open-draft").openDraft;
  schemas: typeof import("@/lib/drafts/schemas");
  outbox: typeof import("./outbox");
  startWorker: typeof import("./worker").startWorker;
  deadLetters: typeof import("./dead-letters").deadLetters;
};
let smtpUrl = "";
const children: ChildProcess[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  smtpUrl = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}?ignoreTLS=true`;
  process.env.SMTP_URL = smtpUrl;
  m = {
    prisma: (await import("@/lib/db/client")).prisma,
    builders: await import("@/prisma/seed/builders"),
    createDraft: (await import("@/lib/drafts/create-draft")).createDraft,
    openDraft: (await import("@/lib/drafts/open-draft")).openDraft,
    schemas: await import("@/lib/drafts/schemas"),
    outbox: await import("./outbox"),
    startWorker: (await import("./worker")).startWorker,
    deadLetters: (await import("./dead-letters")).deadLetters,
  };
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await m?.prisma.$disconnect();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** `npm run worker` as a separate process, sending through our SMTP server. */
function startWorkerProcess(): ChildProcess {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./lib/jobs/node-hooks.mjs", "lib/jobs/worker-cli.ts"], {
    cwd: root,
    env: { ...process.env, SMTP_URL: smtpUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function seedDraftWithFollowers(slug: string, followers: number) {
  const org = await m.builders.seedOrganisation(m.prisma, { slug, name: slug, description: "", referencePrefix: `${slug.slice(0, 4).toUpperCase()}-RFC` });
  const o = await m.builders.seedUser(m.prisma, { email: `${slug}-owner@example.org`, name: "Owner" });
  await m.builders.seedMembership(m.prisma, org.id, o.id, "OWNER");
  const owner: Actor = { id: o.id, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: org.id, role: "OWNER" }] };
  const { reference } = await m.createDraft(owner, m.schemas.ZCreateDraftInput.parse({ organisationId: org.id, title: "Closing soon", abstract: "", language: "en", body: "# A\n\nText." }));
  const draft = await m.prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  await m.openDraft(owner, m.schemas.ZOpenDraftInput.parse({ draftId: draft.id, closesAt: new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 16), timeZone: "UTC" }));
  await m.prisma.user.createMany({ data: Array.from({ length: followers }, (_, i) => ({ email: `${slug}-f${i}@example.org`, name: `F${i}` })) });
  const users = await m.prisma.user.findMany({ where: { email: { startsWith: `${slug}-f` } }, select: { id: true } });
  await m.prisma.draftFollow.createMany({ data: users.map((u) => ({ draftId: draft.id, userId: u.id })) });
  return { org, owner, draftId: draft.id };
}

describe("email outbox", () => {
  it("delivers every one of 100 closing reminders when the worker is killed -9 mid-send and restarted; only the interrupted one twice", async () => {
    const { draftId } = await seedDraftWithFollowers("outbox-kill", 100);
    // The reminder's emails are queued in one transaction (as sendClosingReminders does), not sent here.
    const queued = await m.prisma.$transaction((tx) => m.outbox.enqueueFollowerEmails(tx, draftId, "closingSoon"));
    expect(queued).toBe(100);

    hangOnMessage = 30;
    const interrupted = new Promise<string>((resolve) => (onHang = resolve));
    const first = startWorkerProcess();
    const hungRecipient = await interrupted;
    first.kill("SIGKILL");
    await until("the worker to die", () => first.exitCode !== null || first.signalCode !== null);
    expect(new Set(received.map((r) => r.to)).size).toBe(30);

    startWorkerProcess();
    // The interrupted email's job expires (3 s) and is retried after the first backoff (30–60 s).
    await until("all 100 followers to be emailed", () => new Set(received.map((r) => r.to)).size === 100, 150_000);
    await until("the outbox to be all sent", async () => (await m.prisma.outboxEmail.count({ where: { draftId, status: "SENT" } })) === 100);

    const perRecipient = new Map<string, number>();
    for (const r of received) perRecipient.set(r.to, (perRecipient.get(r.to) ?? 0) + 1);
    const duplicated = [...perRecipient].filter(([, n]) => n > 1).map(([to]) => to);
    expect(duplicated).toEqual([hungRecipient]);
    expect(received.length).toBe(101);
    expect(received.every((r) => r.subject === "“Closing soon” closes for comment in 48 hours")).toBe(true);
    for (const child of children) child.kill("SIGKILL");
  }, 240_000);

  it("retries a refused email with backoff, then lists it as undeliverable for the organisation's owners only", async () => {
    const { org, owner, draftId } = await seedDraftWithFollowers("outbox-dead", 0);
    const stop = await m.startWorker();
    try {
      await m.outbox.enqueueEmail(m.prisma, { kind: "reply", to: "bounce-me@example.org", organisationId: org.id, draftId, values: { path: "/", title: "T", name: "", excerpt: "" } });
      const row = await m.prisma.outboxEmail.findFirstOrThrow({ where: { to: "bounce-me@example.org" } });
      m.outbox.wakeOutbox();

      // The first attempt is refused; the queue waits before the next one: 30–60 s.
      const job = await until("the first attempt to fail", async () => {
        const [j] = await m.prisma.$queryRaw<{ state: string; wait: number }[]>`
          SELECT state::text, EXTRACT(epoch FROM start_after - now())::float8 AS wait FROM pgboss.job WHERE name = 'email' AND data->>'id' = ${row.id}`;
        return j?.state === "retry" ? j : null;
      });
      expect(job.wait).toBeGreaterThan(20);
      expect(job.wait).toBeLessThanOrEqual(60);
      expect(await m.prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "PENDING", attempts: 1 });

      // Its time comes (moved forward here); the last attempt is refused too.
      await m.prisma.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = 'email' AND data->>'id' = ${row.id}`;
      m.outbox.wakeOutbox();
      await until("the email to be given up", async () => (await m.prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).status === "DEAD");
    } finally {
      await stop();
    }

    const list = await m.deadLetters(owner, org.id);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ to: "bounce-me@example.org", kind: "reply", attempts: 2 });
    expect(list.items[0]!.lastError).toMatch(/550|no such mailbox/);
    const stranger: Actor = { id: "someone", isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: org.id, role: "MODERATOR" }] };
    await expect(m.deadLetters(stranger, org.id)).rejects.toBeInstanceOf(ForbiddenError);
  }, 60_000);

  it("lists an email as undeliverable when its last attempt was interrupted", async () => {
    const { org, owner, draftId } = await seedDraftWithFollowers("outbox-gone", 0);
    await m.outbox.enqueueEmail(m.prisma, { kind: "reply", to: "gone@example.org", organisationId: org.id, draftId, values: { path: "/", title: "T", name: "", excerpt: "" } });
    const row = await m.prisma.outboxEmail.findFirstOrThrow({ where: { to: "gone@example.org" } });
    // Its last worker died mid-send: the job is active, its expiry passed, no retry is left.
    await m.prisma.$executeRaw`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 minute', retry_count = retry_limit WHERE name = 'email' AND data->>'id' = ${row.id}`;
    const stop = await m.startWorker();
    try {
      await until("the email to be given up", async () => (await m.prisma.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).status === "DEAD", 30_000);
    } finally {
      await stop();
    }
    const list = await m.deadLetters(owner, org.id);
    expect(list.items.map((i) => [i.to, i.lastError])).toEqual([["gone@example.org", "interrupted too many times"]]);
  }, 60_000);
});
