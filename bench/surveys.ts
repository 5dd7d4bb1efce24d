// `npm run bench:surveys`: the survey submission path under load, on a production build against
// PostgreSQL, next to a floor: a minimal node:http + pg server doing the identical transaction.
// Then the results page over 1,000,000 stored responses. The last line printed is one JSON object.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { ZDefinition } from "../lib/surveys/definition";
import { rebuildTalliesSql } from "../lib/surveys/tally-sql";
import { validateAnswers } from "../lib/surveys/validate-answers";
import { createTestDatabase } from "../lib/testing/test-database";
import { seedOrganisation } from "../prisma/seed/builders";
import { futureWeWant } from "../prisma/seed/content/surveys";
import { waitForHealth } from "./support";

const root = path.resolve(import.meta.dirname, "..");
const appPort = 3192;
const floorPort = 3193;
const slug = "bench-survey";
const body = JSON.stringify({ answers: { track: "no", why_not: "Not enough cooperation.", priorities: ["health", "peace"], cooperation: 4, hope: 6, order: ["climate", "poverty", "inequality"], one_thing: "Listen to young people", where: "KE", household: 4 }, demographics: { ageBand: "25-34", country: "KE" } });
const duration = Number(process.env.BENCH_SECONDS ?? 10);

type Run = { rps: number; p50: number; p99: number; errors: number; non2xx: number; connections: number };

async function load(url: string, options: { connections: number; overallRate?: number }): Promise<Run> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: options.connections,
    duration,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          headers: { "content-type": "application/json", "idempotency-key": randomUUID(), "x-device-token": randomUUID() },
          body,
        }),
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, connections: options.connections };
}

/**
 * The floor: the same validation and the same transaction (idempotency lookup, response, answers,
 * and the per-cell tallies incremented with upsert into one of 16 shards), with nothing else around it.
 */
function startFloor(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const client = await pool.connect();
    try {
      const key = String(req.headers["idempotency-key"]);
      const device = String(req.headers["x-device-token"]);
      const { answers } = JSON.parse(raw) as { answers: Record<string, unknown> };
      const survey = (await client.query(`SELECT id, definition, "definitionVersion" FROM "Survey" WHERE slug = $1`, [slug])).rows[0];
      const existing = (await client.query(`SELECT id FROM "SurveyResponse" WHERE "surveyId" = $1 AND "idempotencyKey" = $2`, [survey.id, key])).rows[0];
      if (existing) return void res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: existing.id }));
      const checked = validateAnswers(ZDefinition.parse(survey.definition), answers);
      if (!checked.ok) return void res.writeHead(422).end();
      const id = randomUUID();
      await client.query("BEGIN");
      await client.query(`INSERT INTO "SurveyResponse" (id, "surveyId", "deviceToken", "idempotencyKey", country, "ageBand", language, "definitionVersion") VALUES ($1,$2,$3,$4,'KE','25-34','en',$5)`, [id, survey.id, device, key, survey.definitionVersion]);
      const values: unknown[] = [];
      const tuples = checked.rows.map((r, i) => {
        values.push(randomUUID(), id, survey.id, r.questionId, r.option ?? null, r.rank ?? null, r.number ?? null, r.text ?? null);
        const b = i * 8;
        return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8})`;
      });
      await client.query(`INSERT INTO "SurveyAnswer" (id, "responseId", "surveyId", "questionId", option, rank, number, text) VALUES ${tuples.join(",")}`, values);
      const shard = Math.floor(Math.random() * 16);
      await client.query(
        `INSERT INTO "SurveyResponseTally" ("surveyId", day, "stakeholderGroup", country, "ageBand", gender, education, shard, n) VALUES ($1, current_date, '', 'KE', '25-34', '', '', $2, 1)
         ON CONFLICT ("surveyId", day, "stakeholderGroup", country, "ageBand", gender, education, shard) DO UPDATE SET n = "SurveyResponseTally".n + 1`,
        [survey.id, shard],
      );
      const counted = checked.rows.filter((r) => r.option != null || r.number != null);
      await client.query(
        `INSERT INTO "SurveyAnswerTally" ("surveyId", "questionId", value, option, number, "stakeholderGroup", country, "ageBand", gender, education, shard, n, "rankSum")
         SELECT $1, q, coalesce(o, '#' || n::text), o, CASE WHEN o IS NULL THEN n END, '', 'KE', '25-34', '', '', $2, 1, coalesce(r, 0)
         FROM unnest($3::text[], $4::text[], $5::float8[], $6::int[]) AS a(q, o, n, r) ORDER BY 1, 2
         ON CONFLICT ("surveyId", "questionId", value, "stakeholderGroup", country, "ageBand", gender, education, shard)
         DO UPDATE SET n = "SurveyAnswerTally".n + 1, "rankSum" = "SurveyAnswerTally"."rankSum" + excluded."rankSum"`,
        [survey.id, shard, counted.map((r) => r.questionId), counted.map((r) => r.option ?? null), counted.map((r) => r.number ?? null), counted.map((r) => r.rank ?? null)],
      );
      await client.query("COMMIT");
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id }));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      res.writeHead(500).end(String(error));
    } finally {
      client.release();
    }
  });
  return new Promise<{ close: () => Promise<void> }>((resolve) =>
    server.listen(floorPort, "127.0.0.1", () => resolve({ close: async () => void (await new Promise((r) => server.close(r)), await pool.end()) })),
  );
}

async function findPeak(url: string): Promise<Run> {
  let best: Run | null = null;
  for (const connections of [10, 25, 50]) {
    const run = await load(url, { connections });
    if (!best || run.rps > best.rps) best = run;
  }
  return best!;
}

async function main() {
  if (!process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL) throw new Error("Set TEST_DATABASE_URL (or DATABASE_URL) to a local PostgreSQL server.");
  const db = await createTestDatabase("parley_bench");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 2 }) });
  const org = await seedOrganisation(client, { slug: "bench", name: "Bench", description: "", referencePrefix: "BENCH" });
  await client.survey.create({ data: { organisationId: org.id, slug, title: "Bench survey", status: "OPEN", allowAnonymous: true, publicResults: true, demographics: ["ageBand", "country"], definition: ZDefinition.parse(futureWeWant) } });

  const app = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(appPort), DRAFT_SCHEDULER_INTERVAL_MS: "0", SURVEY_ANON_PER_IP_PER_HOUR: "100000000", SURVEY_ANON_HOLD_AFTER_PER_HOUR: "100000000", DATABASE_POOL_MAX: "10" },
    stdio: "ignore",
  });
  const figures: Record<string, unknown> = {};
  try {
    await waitForHealth(`http://localhost:${appPort}`);
    const appUrl = `http://localhost:${appPort}/api/v1/surveys/${slug}/responses`;
    await load(appUrl, { connections: 10 }); // warm-up
    const appPeak = await findPeak(appUrl);
    const app70 = await load(appUrl, { connections: appPeak.connections, overallRate: Math.max(1, Math.floor(appPeak.rps * 0.7)) });
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));

    const floor = await startFloor(db.url);
    const floorUrl = `http://127.0.0.1:${floorPort}/`;
    await load(floorUrl, { connections: 10 });
    const floorPeak = await findPeak(floorUrl);
    const floor70 = await load(floorUrl, { connections: floorPeak.connections, overallRate: Math.max(1, Math.floor(floorPeak.rps * 0.7)) });
    await floor.close();
    console.log(`app peak: ${appPeak.rps.toFixed(0)} req/s (p50 ${appPeak.p50} ms, p99 ${appPeak.p99} ms); at 70%: p50 ${app70.p50} ms, p99 ${app70.p99} ms, errors ${app70.errors + app70.non2xx}`);
    console.log(`floor peak: ${floorPeak.rps.toFixed(0)} req/s (p50 ${floorPeak.p50} ms, p99 ${floorPeak.p99} ms); at 70%: p50 ${floor70.p50} ms, p99 ${floor70.p99} ms`);
    Object.assign(figures, {
      appPeakRps: Math.round(appPeak.rps),
      appP50Ms: appPeak.p50,
      appP99Ms: appPeak.p99,
      appPeakConnections: appPeak.connections,
      app70P50Ms: app70.p50,
      app70P99Ms: app70.p99,
      app70Errors: app70.errors + app70.non2xx,
      floorPeakRps: Math.round(floorPeak.rps),
      floorP50Ms: floorPeak.p50,
      floorP99Ms: floorPeak.p99,
      floor70P99Ms: floor70.p99,
      ratioToFloor: Number((appPeak.rps / floorPeak.rps).toFixed(2)),
    });

    // 1,000,000 responses (9 answers each), inserted set-wise, then the results page.
    const t0 = performance.now();
    const survey = await client.survey.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    for (let batch = 0; batch < 10; batch++) {
      const from = batch * 100_000 + 1;
      const to = from + 99_999;
      await client.$executeRawUnsafe(`
        INSERT INTO "SurveyResponse" (id, "surveyId", "deviceToken", "idempotencyKey", "stakeholderGroup", country, "ageBand", language, "definitionVersion", "createdAt")
        SELECT 'r' || g, '${survey.id}', 'd' || g, 'k' || g, (ARRAY['GOVERNMENT','CIVIL_SOCIETY','ACADEMIA','PRIVATE_SECTOR','INDIVIDUAL'])[1 + g % 5]::"StakeholderGroup",
               (ARRAY['KE','BR','IN','FR','US','CN','EG','RU'])[1 + g % 8], (ARRAY['18-24','25-34','35-44','45-54'])[1 + g % 4], 'en', 1, now() - ((g % 60) || ' days')::interval
        FROM generate_series(${from}, ${to}) g`);
      await client.$executeRawUnsafe(`
        INSERT INTO "SurveyAnswer" (id, "responseId", "surveyId", "questionId", option, rank, number, text)
        SELECT 'a' || g || '-' || q, 'r' || g, '${survey.id}', q,
               CASE q WHEN 'track' THEN (ARRAY['yes','no','unsure'])[1 + g % 3] WHEN 'priorities' THEN (ARRAY['climate','health','education','rights','peace'])[1 + g % 5]
                      WHEN 'where' THEN (ARRAY['KE','BR','IN','FR','US','CN','EG','RU'])[1 + g % 8] END,
               NULL,
               CASE q WHEN 'cooperation' THEN 1 + g % 5 WHEN 'hope' THEN g % 11 END,
               CASE q WHEN 'one_thing' THEN (ARRAY['listen to young people','fund education','act on climate now','end corruption'])[1 + g % 4] END
        FROM generate_series(${from}, ${to}) g, unnest(ARRAY['track','priorities','where','cooperation','hope','one_thing']) q`);
    }
    figures.seedMillionSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
    // The bulk load bypassed the submission path: rebuild the tallies it would have maintained.
    const t1 = performance.now();
    for (const sql of rebuildTalliesSql(survey.id)) await client.$executeRawUnsafe(sql);
    figures.rebuildTalliesSeconds = Number(((performance.now() - t1) / 1000).toFixed(1));
    for (const table of ["SurveyResponse", "SurveyAnswer", "SurveyResponseTally", "SurveyAnswerTally"]) await client.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
    figures.storedResponses = await client.surveyResponse.count({ where: { surveyId: survey.id } });

    const app2 = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], { cwd: root, env: { ...process.env, DATABASE_URL: db.url, PORT: String(appPort), DRAFT_SCHEDULER_INTERVAL_MS: "0" }, stdio: "ignore" });
    try {
      await waitForHealth(`http://localhost:${appPort}`);
      // Warm the server itself (first render, connections) on another page, so the first results
      // request measures the aggregation.
      await (await fetch(`http://localhost:${appPort}/s/${slug}`)).text();
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const res = await fetch(`http://localhost:${appPort}/s/${slug}/results`);
        await res.text();
        if (!res.ok) throw new Error(`results: ${res.status}`);
        times.push(performance.now() - t);
      }
      const filtered: number[] = [];
      for (const query of ["group=ACADEMIA", "country=KE&ageBand=25-34", "group=ACADEMIA"]) {
        const t = performance.now();
        const res = await fetch(`http://localhost:${appPort}/s/${slug}/results?${query}`);
        await res.text();
        if (!res.ok) throw new Error(`results: ${res.status}`);
        filtered.push(performance.now() - t);
      }
      figures.resultsMillionColdMs = Math.round(times[0]!);
      figures.resultsMillionMs = Math.round([...times].sort((a, b) => a - b)[2]!);
      figures.resultsMillionFilteredMs = Math.round(filtered[0]!);
      figures.resultsMillionTwoFiltersMs = Math.round(filtered[1]!);
      figures.resultsMillionFilteredCachedMs = Math.round(filtered[2]!);
      console.log(
        `results page over ${figures.storedResponses} responses: first (computed) ${figures.resultsMillionColdMs} ms, median of 5 (cached) ${figures.resultsMillionMs} ms, a new filter (computed) ${figures.resultsMillionFilteredMs} ms, two filters (computed) ${figures.resultsMillionTwoFiltersMs} ms, the first filter again (cached) ${figures.resultsMillionFilteredCachedMs} ms; seeding took ${figures.seedMillionSeconds} s, rebuilding the tallies ${figures.rebuildTalliesSeconds} s`,
      );
    } finally {
      app2.kill("SIGTERM");
      await new Promise((r) => app2.once("exit", r));
    }
  } finally {
    if (app.exitCode === null) app.kill("SIGTERM");
    await client.$disconnect();
    await db.drop();
  }
  console.log(JSON.stringify({ bench: "surveys", durationSeconds: duration, ...figures }));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
