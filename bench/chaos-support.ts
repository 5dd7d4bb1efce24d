// Shared by `bench:chaos` and `bench:cluster`: seeding a consultation to write to, production app
// processes that can be killed with SIGKILL and restarted, clients that retry every write with its
// idempotency key until it is acknowledged, and the checks afterwards (nothing acknowledged lost,
// nothing written twice, maintained counters equal to their rows).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { openSync, closeSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { publishVersion } from "../lib/drafts/publish-version";
import { ZDefinition } from "../lib/surveys/definition";
import { validateAnswers } from "../lib/surveys/validate-answers";
import { seedOrganisation, seedUser } from "../prisma/seed/builders";
import { futureWeWant } from "../prisma/seed/content/surveys";

export const root = path.resolve(import.meta.dirname, "..");
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** A TCP port nobody listens on, `preferred` if it is free. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address() as net.AddressInfo;
        server.close(() => resolve(address.port));
      });
    });
  return (preferred ? await tryPort(preferred) : null) ?? (await tryPort(0))!;
}

// ---------------------------------------------------------------------------------------------
// Seeding

export type Seeded = {
  draftId: string;
  reference: string;
  anchors: string[];
  surveyId: string;
  surveySlug: string;
  users: { id: string; token: string }[];
};

const surveySlug = "chaos-survey";
const definition = ZDefinition.parse(futureWeWant);

/** An open draft (ten paragraphs, published as version 00), `userCount` participants with API tokens, an open anonymous survey. */
export async function seed(url: string, userCount: number): Promise<Seeded> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    const org = await seedOrganisation(client, { slug: "chaos", name: "Chaos", description: "", referencePrefix: "CHAOS" });
    const editor = await seedUser(client, { email: "chaos-editor@example.org", name: "Editor" });
    const body = Array.from({ length: 2 }, (_, s) => `# Section ${s + 1}\n\n${Array.from({ length: 5 }, (_, p) => `Paragraph ${s + 1}.${p + 1} of the draft under chaos, long enough to look like guidance text.`).join("\n\n")}`).join("\n\n");
    const d = await client.draft.create({
      data: { organisationId: org.id, reference: "CHAOS-RFC-1", title: "Chaos draft", status: "OPEN", opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() + 7 * 86_400_000), body },
      select: { id: true, title: true, abstract: true, body: true, language: true, currentVersion: true },
    });
    await client.$transaction((tx) => publishVersion(tx, d, editor.id, ""));
    const blocks = await client.$queryRaw<{ anchor: string }[]>`
      SELECT b.anchor FROM "DraftBlock" b JOIN "DraftVersion" v ON v.id = b."versionId" WHERE v."draftId" = ${d.id} AND b.anchor LIKE 'p-%' ORDER BY b.position`;
    const survey = await client.survey.create({
      data: { organisationId: org.id, slug: surveySlug, title: "Chaos survey", status: "OPEN", allowAnonymous: true, publicResults: true, demographics: ["ageBand", "country"], definition },
      select: { id: true },
    });
    const users: Seeded["users"] = [];
    for (let i = 0; i < userCount; i++) {
      const u = await seedUser(client, { email: `chaos-${i}@example.org`, name: `Participant ${i}`, stakeholderGroup: (["GOVERNMENT", "CIVIL_SOCIETY", "ACADEMIA"] as const)[i % 3], country: "KE" });
      // As e2e/edge.spec.ts tokenFor(): the token is shown once; its SHA-256 is stored.
      const token = `prl_${randomBytes(24).toString("base64url")}`;
      await client.apiToken.create({ data: { userId: u.id, name: "chaos", tokenHash: createHash("sha256").update(token).digest("hex") } });
      users.push({ id: u.id, token });
    }
    return { draftId: d.id, reference: "CHAOS-RFC-1", anchors: blocks.map((b) => b.anchor), surveyId: survey.id, surveySlug, users };
  } finally {
    await client.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// App processes

/** Limits far above the load, so every refusal the bench sees is a real one. */
export const appEnv = {
  DRAFT_SCHEDULER_INTERVAL_MS: "0",
  SURVEY_ANON_PER_IP_PER_HOUR: "100000000",
  SURVEY_ANON_HOLD_AFTER_PER_HOUR: "100000000",
  LIMIT_COMMENTS_PER_HOUR: "100000000",
  LIMIT_VOTES_PER_HOUR: "100000000",
  LIMIT_API_WRITES_PER_MINUTE: "100000000",
  DATABASE_RETRY_AFTER_SECONDS: "1",
  DATABASE_POOL_MAX: "8",
  NEXTAUTH_SECRET: "chaos-bench-secret-0123456789abcdef",
};

/**
 * One production server (`node lib/cli/start.mjs`) in a process group of its own, so SIGKILL takes
 * the launcher and the server it started together. `supervise` restarts it 1 s after any exit the
 * bench did not ask for (a start refused while the database is down, a crash), like systemd would.
 */
export class App {
  child: ChildProcess | null = null;
  starts = 0;
  unexpectedExits = 0;
  private stopping = false;
  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  start() {
    this.stopping = false;
    this.starts++;
    const fd = openSync(this.logFile, "a");
    const child = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], {
      cwd: root,
      env: { ...process.env, ...this.env, PORT: String(this.port), NEXTAUTH_URL: `http://localhost:${this.port}` },
      stdio: ["ignore", fd, fd],
      detached: true,
    });
    closeSync(fd);
    this.child = child;
    child.once("exit", () => {
      if (this.child !== child) return;
      this.child = null;
      if (!this.stopping) {
        this.unexpectedExits++;
        setTimeout(() => {
          if (!this.stopping && !this.child) this.start();
        }, 1_000).unref();
      }
    });
  }

  /** SIGKILL to the whole group (launcher and server); resolves when the launcher is gone. */
  async kill(signal: NodeJS.Signals = "SIGKILL", restart = false) {
    const child = this.child;
    this.stopping = !restart;
    if (!child?.pid) return;
    const exited = new Promise((r) => child.once("exit", r));
    this.child = null;
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
    await exited;
    // The server itself may outlive the launcher by a moment: wait until the port is free.
    for (let i = 0; i < 50 && !(await portFree(this.port)); i++) await sleep(100);
  }

  async stop() {
    this.stopping = true;
    const child = this.child;
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
    }, 5_000);
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r)));
    clearTimeout(timer);
    this.child = null;
  }
}

async function portFree(port: number) {
  return (await freePort(port)) === port;
}

/** Waits until GET /api/health/ready answers 200 (the database reachable from that process). */
export async function waitReady(port: number, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const r = await request({ port, method: "GET", path: "/api/health/ready", timeoutMs: 5_000 }).catch(() => null);
    if (r?.status === 200) return;
    await sleep(300);
  }
  throw new Error(`the app on port ${port} did not become ready`);
}

// ---------------------------------------------------------------------------------------------
// HTTP

const agents = new Map<string, http.Agent>();
function agentFor(localAddress: string | undefined) {
  const key = localAddress ?? "";
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = new http.Agent({ keepAlive: true, maxSockets: 64, ...(localAddress ? { localAddress } : {}) })));
  return agent;
}

export type Reply = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** One HTTP request over a keep-alive socket (from `localAddress` when given); rejects on network errors and after `timeoutMs`. */
export function request(options: { port: number; method: string; path: string; headers?: Record<string, string>; body?: string; localAddress?: string; timeoutMs?: number }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: options.port,
        method: options.method,
        path: options.path,
        agent: agentFor(options.localAddress),
        headers: { ...(options.body ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(options.body)) } : {}), ...options.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
        res.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(options.body);
  });
}

// ---------------------------------------------------------------------------------------------
// The load: survey answers, comments (and replies) and votes, each retried with its key

export type OpKind = "survey" | "comment" | "reply" | "vote";
export type Op = {
  kind: OpKind;
  key: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  // What the client meant to write, for the checks afterwards.
  userId?: string;
  deviceToken?: string;
  marker?: string;
  commentId?: string;
  parentId?: string;
  value?: string;
  expectedAnswers?: number;
  // What happened.
  attempts: number;
  ackId?: string;
  ackStatus?: number;
  refused?: { status: number; body: string };
  gaveUp?: boolean;
  /** Sent twice at once (a client retrying while its first request is still in flight). */
  doubled?: boolean;
  /** The twin was acknowledged with another id: two writes for one key. */
  twinAckId?: string;
};

export type Stats = { attempts: number; retries: number; networkErrors: number; timeouts: number; status: Record<string, number> };

const countries = ["KE", "BR", "IN", "FR", "US", "CN"];
const ageBands = ["18-24", "25-34", "35-44", "45-54"];

/** Generates the writes as the load goes: replies and votes target comments already acknowledged. */
export class Workload {
  readonly ops: Op[] = [];
  private readonly ackedComments: string[] = [];
  private readonly ackedTopLevel: string[] = [];
  private readonly votedPairs = new Set<string>();
  private seq = 0;
  constructor(
    private readonly seeded: Seeded,
    private readonly mix = { survey: 0.5, comment: 0.25, vote: 0.25 },
  ) {}

  acknowledged(op: Op) {
    if ((op.kind === "comment" || op.kind === "reply") && op.ackId) {
      this.ackedComments.push(op.ackId);
      if (op.kind === "comment") this.ackedTopLevel.push(op.ackId);
    }
  }

  next(): Op {
    const n = ++this.seq;
    const key = `chaos-${n}-${randomUUID()}`;
    const r = Math.random();
    if (r < this.mix.vote && this.ackedComments.length > 0) {
      for (let tries = 0; tries < 20; tries++) {
        const commentId = this.ackedComments[Math.floor(Math.random() * this.ackedComments.length)]!;
        const user = this.seeded.users[Math.floor(Math.random() * this.seeded.users.length)]!;
        if (this.votedPairs.has(`${commentId}/${user.id}`)) continue;
        this.votedPairs.add(`${commentId}/${user.id}`);
        const value = (["AGREE", "DISAGREE", "PASS"] as const)[n % 3]!;
        return this.push({ kind: "vote", key, path: `/api/v1/comments/${commentId}/votes`, headers: { authorization: `Bearer ${user.token}`, "idempotency-key": key }, body: JSON.stringify({ value }), userId: user.id, commentId, value });
      }
    }
    if (r < this.mix.vote + this.mix.comment) {
      const user = this.seeded.users[n % this.seeded.users.length]!;
      const marker = `[${key}]`;
      const headers = { authorization: `Bearer ${user.token}`, "idempotency-key": key };
      const path = `/api/v1/drafts/${this.seeded.reference}/comments`;
      if (this.ackedTopLevel.length > 0 && Math.random() < 0.35) {
        const parentId = this.ackedTopLevel[Math.floor(Math.random() * this.ackedTopLevel.length)]!;
        return this.push({ kind: "reply", key, path, headers, body: JSON.stringify({ parentId, body: `A reply written under chaos ${marker}` }), userId: user.id, marker, parentId });
      }
      const anchor = this.seeded.anchors[n % this.seeded.anchors.length]!;
      const kind = (["SUPPORT", "CONCERN", "QUESTION"] as const)[n % 3];
      return this.push({ kind: "comment", key, path, headers, body: JSON.stringify({ anchor, kind, body: `A comment written under chaos ${marker}` }), userId: user.id, marker });
    }
    const deviceToken = randomUUID();
    const track = (["yes", "no", "unsure"] as const)[n % 3];
    const answers: Record<string, unknown> = {
      track,
      ...(track === "no" ? { why_not: "Not enough cooperation." } : {}),
      priorities: [["climate", "health"], ["peace"], ["education", "rights", "health"]][n % 3],
      cooperation: 1 + (n % 5),
      hope: n % 11,
      order: ["climate", "poverty", "inequality"],
      one_thing: "Listen to young people",
      where: countries[n % countries.length],
      household: 1 + (n % 7),
    };
    const checked = validateAnswers(definition, answers);
    if (!checked.ok) throw new Error(`bench answers do not fit the survey: ${JSON.stringify(checked.errors)}`);
    return this.push({
      kind: "survey",
      key,
      path: `/api/v1/surveys/${this.seeded.surveySlug}/responses`,
      headers: { "idempotency-key": key, "x-device-token": deviceToken },
      body: JSON.stringify({ answers, demographics: { ageBand: ageBands[n % ageBands.length], country: countries[(n >> 2) % countries.length] } }),
      deviceToken,
      expectedAnswers: checked.rows.length,
    });
  }

  private push(op: Omit<Op, "attempts">): Op {
    const full = { ...op, attempts: 0 };
    this.ops.push(full);
    return full;
  }
}

/**
 * Sends `op` until it is acknowledged (2xx) or refused (4xx other than 429): network errors,
 * timeouts, 429 and 5xx are retried with the same idempotency key after an exponential backoff
 * (100 ms doubling, at most 2 s, jittered). `target` picks the port (and source address) per attempt.
 */
export async function send(op: Op, target: () => { port: number; localAddress?: string }, stats: Stats, giveUpAfterMs = 300_000): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      stats.retries++;
      await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt - 1, 5)) * (0.5 + Math.random()));
    }
    if (Date.now() - started > giveUpAfterMs) {
      op.gaveUp = true;
      return;
    }
    op.attempts++;
    stats.attempts++;
    const t = target();
    let reply: Reply;
    try {
      reply = await request({ port: t.port, localAddress: t.localAddress, method: "POST", path: op.path, headers: { ...op.headers, "x-forwarded-for": "203.0.113.7" }, body: op.body, timeoutMs: 30_000 });
    } catch (error) {
      if ((error as Error).message === "timeout") stats.timeouts++;
      else stats.networkErrors++;
      continue;
    }
    stats.status[reply.status] = (stats.status[reply.status] ?? 0) + 1;
    if (reply.status >= 200 && reply.status < 300) {
      const parsed = JSON.parse(reply.body) as { id?: string; commentId?: string };
      op.ackId = parsed.id ?? parsed.commentId;
      op.ackStatus = reply.status;
      return;
    }
    if (reply.status >= 400 && reply.status < 500 && reply.status !== 429) {
      op.refused = { status: reply.status, body: reply.body.slice(0, 300) };
      return;
    }
  }
}

/**
 * Runs `total` writes from `workload` with `concurrency` clients; `onProgress(done)` after each.
 * A share `doubleRate` of them is sent twice at once with the same key (both sends retried), as a
 * client does that times out and retries while its first request is still being worked on.
 */
export async function drive(workload: Workload, total: number, concurrency: number, target: () => { port: number; localAddress?: string }, stats: Stats, onProgress: (done: number) => void = () => undefined, doubleRate = 0.05) {
  let issued = 0;
  let done = 0;
  const client = async () => {
    while (issued < total) {
      issued++;
      const op = workload.next();
      if (Math.random() < doubleRate) {
        const twin: Op = { ...op, attempts: 0 };
        op.doubled = true;
        await Promise.all([send(op, target, stats), send(twin, target, stats)]);
        op.attempts += twin.attempts;
        if (!op.ackId && twin.ackId) Object.assign(op, { ackId: twin.ackId, ackStatus: twin.ackStatus, refused: undefined, gaveUp: undefined });
        else if (op.ackId && twin.ackId && twin.ackId !== op.ackId) op.twinAckId = twin.ackId;
      } else {
        await send(op, target, stats);
      }
      if (op.ackId) workload.acknowledged(op);
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
}

export const newStats = (): Stats => ({ attempts: 0, retries: 0, networkErrors: 0, timeouts: 0, status: {} });

// ---------------------------------------------------------------------------------------------
// Checks

export type Verdict = {
  acknowledged: number;
  doubled: number;
  lost: number;
  duplicated: number;
  partial: number;
  refused: number;
  gaveUp: number;
  countersMatch: boolean;
  commentCountersOff: number;
  talliesOff: number;
  byKind: Record<string, number>;
  details: string[];
};

/**
 * Compares what clients were told with what the database holds:
 * - lost: an acknowledged write without its row (or with another id than the one acknowledged);
 * - duplicated: more than one row for one intended write (per idempotency key, per device token,
 *   per comment text, which carries the key) or a row no client asked for;
 * - partial: a response without exactly its answers;
 * - counters: every comment's agree/disagree/pass and reply counts equal their rows, and the survey's
 *   tallies (summed over shards) equal the counts over its counted responses and their answers.
 */
export async function verify(url: string, seeded: Seeded, ops: Op[]): Promise<Verdict> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const details: string[] = [];
  let lost = 0;
  let duplicated = 0;
  let partial = 0;
  try {
    // Survey responses.
    const responses = (
      await db.query<{ id: string; key: string; device: string | null; answers: number }>(
        `SELECT r.id, r."idempotencyKey" AS key, r."deviceToken" AS device, (SELECT count(*)::int FROM "SurveyAnswer" a WHERE a."responseId" = r.id) AS answers
         FROM "SurveyResponse" r WHERE r."surveyId" = $1`,
        [seeded.surveyId],
      )
    ).rows;
    const byKey = new Map<string, typeof responses>();
    const byDevice = new Map<string, number>();
    for (const r of responses) {
      byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
      if (r.device) byDevice.set(r.device, (byDevice.get(r.device) ?? 0) + 1);
    }
    const surveyOps = ops.filter((o) => o.kind === "survey");
    const surveyKeys = new Set(surveyOps.map((o) => o.key));
    for (const op of surveyOps) {
      const rows = byKey.get(op.key) ?? [];
      if (op.ackId && !rows.some((r) => r.id === op.ackId)) {
        lost++;
        details.push(`survey answer ${op.key} acknowledged as ${op.ackId} has no row`);
      }
      if (rows.length > 1) duplicated += rows.length - 1;
      const devices = byDevice.get(op.deviceToken!) ?? 0;
      if (devices > 1) {
        duplicated += devices - 1;
        details.push(`device ${op.deviceToken} has ${devices} responses`);
      }
      for (const r of rows) {
        if (r.answers !== op.expectedAnswers) {
          partial++;
          details.push(`response ${r.id} has ${r.answers} answers, expected ${op.expectedAnswers}`);
        }
      }
    }
    for (const r of responses) {
      if (!surveyKeys.has(r.key)) {
        duplicated++;
        details.push(`response ${r.id} with key ${r.key} that no client sent`);
      }
    }

    // Comments and replies.
    const comments = (
      await db.query<{ id: string; author: string; key: string | null; body: string; parent: string | null }>(
        `SELECT id, "authorId" AS author, "idempotencyKey" AS key, body, "parentId" AS parent FROM "Comment" WHERE "draftId" = $1`,
        [seeded.draftId],
      )
    ).rows;
    const byMarker = new Map<string, typeof comments>();
    for (const c of comments) {
      const marker = /\[chaos-[^\]]+\]/.exec(c.body)?.[0];
      if (!marker) {
        duplicated++;
        details.push(`comment ${c.id} that no client wrote`);
        continue;
      }
      byMarker.set(marker, [...(byMarker.get(marker) ?? []), c]);
    }
    for (const op of ops.filter((o) => o.kind === "comment" || o.kind === "reply")) {
      const rows = byMarker.get(op.marker!) ?? [];
      if (rows.length > 1) {
        duplicated += rows.length - 1;
        details.push(`comment ${op.key} stored ${rows.length} times`);
      }
      if (op.ackId && !rows.some((r) => r.id === op.ackId && r.author === op.userId && r.key === op.key && (r.parent ?? undefined) === op.parentId)) {
        lost++;
        details.push(`comment ${op.key} acknowledged as ${op.ackId} has no matching row`);
      }
    }

    for (const op of ops.filter((o) => o.twinAckId)) {
      duplicated++;
      details.push(`${op.kind} ${op.key} sent twice at once was acknowledged as ${op.ackId} and as ${op.twinAckId}`);
    }

    // Votes: one row per (comment, person), holding the value acknowledged.
    const votes = (await db.query<{ comment: string; user: string; value: string }>(`SELECT v."commentId" AS comment, v."userId" AS user, v.value::text AS value FROM "CommentVote" v JOIN "Comment" c ON c.id = v."commentId" WHERE c."draftId" = $1`, [seeded.draftId])).rows;
    const voteRows = new Map(votes.map((v) => [`${v.comment}/${v.user}`, v.value]));
    const votePairs = new Set<string>();
    for (const op of ops.filter((o) => o.kind === "vote")) {
      const pair = `${op.commentId}/${op.userId}`;
      votePairs.add(pair);
      if (op.ackId && voteRows.get(pair) !== op.value) {
        lost++;
        details.push(`vote ${pair} acknowledged as ${op.value} is ${voteRows.get(pair) ?? "missing"}`);
      }
    }
    for (const pair of voteRows.keys()) {
      if (!votePairs.has(pair)) {
        duplicated++;
        details.push(`vote ${pair} that no client cast`);
      }
    }

    // Counters against rows.
    const commentCountersOff = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Comment" c
         LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE value = 'AGREE') AS a, count(*) FILTER (WHERE value = 'DISAGREE') AS d, count(*) FILTER (WHERE value = 'PASS') AS p
                            FROM "CommentVote" v WHERE v."commentId" = c.id) v ON true
         LEFT JOIN LATERAL (SELECT count(*) AS r FROM "Comment" x WHERE x."parentId" = c.id AND x.status = 'PUBLISHED') r ON true
         WHERE c."draftId" = $1 AND (c."agreeCount" <> v.a OR c."disagreeCount" <> v.d OR c."passCount" <> v.p OR c."replyCount" <> r.r)`,
        [seeded.draftId],
      )
    ).rows[0]!.n;
    const responseTallyOff = (
      await db.query<{ n: number }>(
        `WITH t AS (SELECT day, "stakeholderGroup" AS g, country AS c, "ageBand" AS a, gender AS s, education AS e, sum(n)::bigint AS n
                    FROM "SurveyResponseTally" WHERE "surveyId" = $1 GROUP BY 1, 2, 3, 4, 5, 6),
              x AS (SELECT "createdAt"::date AS day, coalesce("stakeholderGroup"::text, '') AS g, coalesce(country, '') AS c, coalesce("ageBand", '') AS a,
                           coalesce(gender, '') AS s, coalesce(education, '') AS e, count(*)::bigint AS n
                    FROM "SurveyResponse" WHERE "surveyId" = $1 AND status = 'COUNTED' GROUP BY 1, 2, 3, 4, 5, 6)
         SELECT count(*)::int AS n FROM t FULL JOIN x USING (day, g, c, a, s, e) WHERE t.n IS DISTINCT FROM x.n`,
        [seeded.surveyId],
      )
    ).rows[0]!.n;
    const answerTallyOff = (
      await db.query<{ n: number }>(
        `WITH t AS (SELECT "questionId" AS q, value AS v, "stakeholderGroup" AS g, country AS c, "ageBand" AS a, gender AS s, education AS e, sum(n)::bigint AS n, sum("rankSum")::bigint AS rs
                    FROM "SurveyAnswerTally" WHERE "surveyId" = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7),
              x AS (SELECT a."questionId" AS q, coalesce(a.option, '#' || a.number::text) AS v, coalesce(r."stakeholderGroup"::text, '') AS g, coalesce(r.country, '') AS c,
                           coalesce(r."ageBand", '') AS a, coalesce(r.gender, '') AS s, coalesce(r.education, '') AS e, count(*)::bigint AS n, coalesce(sum(a.rank), 0)::bigint AS rs
                    FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
                    WHERE a."surveyId" = $1 AND r.status = 'COUNTED' AND (a.option IS NOT NULL OR a.number IS NOT NULL) GROUP BY 1, 2, 3, 4, 5, 6, 7)
         SELECT count(*)::int AS n FROM t FULL JOIN x USING (q, v, g, c, a, s, e) WHERE t.n IS DISTINCT FROM x.n OR t.rs IS DISTINCT FROM x.rs`,
        [seeded.surveyId],
      )
    ).rows[0]!.n;
    const talliesOff = responseTallyOff + answerTallyOff;
    if (commentCountersOff) details.push(`${commentCountersOff} comment(s) whose counters differ from their rows`);
    if (talliesOff) details.push(`${responseTallyOff} response tally cell(s) and ${answerTallyOff} answer tally cell(s) differ from the rows`);

    const byKind: Record<string, number> = {};
    for (const op of ops) if (op.ackId) byKind[op.kind] = (byKind[op.kind] ?? 0) + 1;
    for (const op of ops) if (op.refused) details.push(`${op.kind} ${op.key} refused: ${op.refused.status} ${op.refused.body}`);
    return {
      acknowledged: ops.filter((o) => o.ackId).length,
      doubled: ops.filter((o) => o.doubled).length,
      lost,
      duplicated,
      partial,
      refused: ops.filter((o) => o.refused).length,
      gaveUp: ops.filter((o) => o.gaveUp).length,
      countersMatch: commentCountersOff === 0 && talliesOff === 0,
      commentCountersOff,
      talliesOff,
      byKind,
      details,
    };
  } finally {
    await db.end();
  }
}
