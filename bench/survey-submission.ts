// The survey-submission load shared by `bench:surveys` and `bench:edge`: autocannon posting one
// anonymous answer per request (fresh idempotency key and device token each time), and the floor:
// a minimal node:http + pg server doing the same validation and the same transaction.
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { ZDefinition } from "../lib/surveys/definition";
import { validateAnswers } from "../lib/surveys/validate-answers";

export const benchSurveySlug = "bench-survey";
const slug = benchSurveySlug;
const body = JSON.stringify({ answers: { track: "no", why_not: "Not enough cooperation.", priorities: ["health", "peace"], cooperation: 4, hope: 6, order: ["climate", "poverty", "inequality"], one_thing: "Listen to young people", where: "KE", household: 4 }, demographics: { ageBand: "25-34", country: "KE" } });
const duration = Number(process.env.BENCH_SECONDS ?? 10);

/** One load run: `rps` counts 2xx answers only (a 503 from admission control is not throughput); latencies in ms. */
export type Run = { rps: number; p50: number; p99: number; errors: number; non2xx: number; connections: number };

/** Posts answers to `url` for BENCH_SECONDS (default 10) with `connections` clients, optionally capped at `overallRate` req/s. */
export async function load(url: string, options: { connections: number; overallRate?: number }): Promise<Run> {
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
  return { rps: result["2xx"] / result.duration, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, connections: options.connections };
}

/** The best 2xx throughput over 10, 25 and 50 connections. */
export async function findPeak(url: string): Promise<Run> {
  let best: Run | null = null;
  for (const connections of [10, 25, 50]) {
    const run = await load(url, { connections });
    if (!best || run.rps > best.rps) best = run;
  }
  return best!;
}

/**
 * The floor: the same validation and the same transaction (idempotency lookup, response, answers,
 * and, with `tallies` (today's transaction: since the running tallies, and since receipts), the
 * response's tracking number from the sequence "SurveyTrackingNumber_seq" (formatted as the app
 * formats it, lib/receipts/issue-receipt.ts) and the per-cell tallies incremented with upsert into
 * one of 16 shards), with nothing else around it. Without `tallies` it is the transaction the app
 * ran before them (main 8d70295), the floor for that build.
 */
export function startFloor(url: string, port: number, options: { tallies: boolean } = { tallies: true }) {
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
      let trackingNumber: string | null = null;
      if (options.tallies) {
        const docket = slug.toUpperCase();
        trackingNumber = (
          await client.query(
            `INSERT INTO "SurveyResponse" (id, "surveyId", "deviceToken", "idempotencyKey", country, "ageBand", language, "definitionVersion", "trackingNumber")
             SELECT $1,$2,$3,$4,'KE','25-34','en',$5, $6 || '-S-' || lpad(last::text, greatest(6, length(last::text)), '0') FROM (SELECT nextval('"SurveyTrackingNumber_seq"') AS last) s
             RETURNING "trackingNumber"`,
            [id, survey.id, device, key, survey.definitionVersion, docket],
          )
        ).rows[0].trackingNumber;
      } else {
        await client.query(`INSERT INTO "SurveyResponse" (id, "surveyId", "deviceToken", "idempotencyKey", country, "ageBand", language, "definitionVersion") VALUES ($1,$2,$3,$4,'KE','25-34','en',$5)`, [id, survey.id, device, key, survey.definitionVersion]);
      }
      const values: unknown[] = [];
      const tuples = checked.rows.map((r, i) => {
        values.push(randomUUID(), id, survey.id, r.questionId, r.option ?? null, r.rank ?? null, r.number ?? null, r.text ?? null);
        const b = i * 8;
        return `($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8})`;
      });
      await client.query(`INSERT INTO "SurveyAnswer" (id, "responseId", "surveyId", "questionId", option, rank, number, text) VALUES ${tuples.join(",")}`, values);
      if (options.tallies) {
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
      }
      await client.query("COMMIT");
      res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id, trackingNumber }));
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      res.writeHead(500).end(String(error));
    } finally {
      client.release();
    }
  });
  return new Promise<{ close: () => Promise<void> }>((resolve) =>
    server.listen(port, "127.0.0.1", () => resolve({ close: async () => void (await new Promise((r) => server.close(r)), await pool.end()) })),
  );
}
