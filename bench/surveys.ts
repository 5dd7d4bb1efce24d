// `npm run bench:surveys`: the survey submission path under load, on a production build against
// PostgreSQL, next to a floor: a minimal node:http + pg server doing the identical transaction.
// Then the results page over 1,000,000 stored responses. The last line printed is one JSON object.
import { spawn } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { ZDefinition } from "../lib/surveys/definition";
import { rebuildTalliesSql } from "../lib/surveys/tally-sql";
import { createTestDatabase } from "../lib/testing/test-database";
import { seedOrganisation } from "../prisma/seed/builders";
import { futureWeWant } from "../prisma/seed/content/surveys";
import { benchSurveySlug, findPeak, load, startFloor } from "./survey-submission";
import { waitForHealth } from "./support";

const root = path.resolve(import.meta.dirname, "..");
const appPort = 3192;
const floorPort = 3193;
const slug = benchSurveySlug;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
// BENCH_SURVEYS_MILLION=0 skips the results-over-1,000,000-responses half (for quick iterations on
// the submission path); by default everything runs.
const million = process.env.BENCH_SURVEYS_MILLION !== "0";

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

    const floor = await startFloor(db.url, floorPort);
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

    if (million) {
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
