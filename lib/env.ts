import { z } from "zod";

/**
 * Every environment variable Parley reads, validated once. No other module reads process.env
 * (the CLI launchers in lib/cli are plain Node scripts and document the same names).
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  /** Set by the launcher: "embedded" when it started PGlite for us. */
  PARLEY_DB_MODE: z.enum(["embedded", "postgres"]).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Parley <no-reply@parley.localhost>"),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(60 * 60 * 24 * 14),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** How often the server opens and closes consultations whose time has come (0: never). */
  DRAFT_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(15_000),
  /** Digests (lib/notifications/digests.ts): how often the server checks for digest emails that are due (ms; 0: never). */
  DIGEST_INTERVAL_MS: z.coerce.number().int().min(0).default(300_000),
  /** Digests: the UTC hour (0–23) at which daily digests are due, and weekly ones on Mondays. */
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  /** Public base URL used in feeds and the OpenAPI document (defaults to NEXTAUTH_URL). */
  PUBLIC_URL: z.string().url().optional(),
  /** Hard limit: anonymous answers to one survey per client address per hour (then 429), shared by all processes. */
  SURVEY_ANON_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(500),
  /** Soft limit: past this many anonymous answers to one survey per address per hour, answers are held for review. */
  SURVEY_ANON_HOLD_AFTER_PER_HOUR: z.coerce.number().int().min(0).default(20),
  /** Trust X-Forwarded-For for the client address (only behind a proxy you run). */
  TRUST_PROXY: z.string().regex(/^\d{1,2}$/, "TRUST_PROXY: the number of proxies in front of the app").default("0"),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  /** Failed password sign-ins per client address per SIGNIN_WINDOW_SECONDS, across all accounts. */
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  /** Sign-in links, verification and reset emails per recipient per hour (per kind of email). */
  AUTH_EMAILS_PER_RECIPIENT_PER_HOUR: z.coerce.number().int().positive().default(5),
  /** Sign-in links, verification and reset emails requested per client address per hour. */
  AUTH_EMAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(30),
  /** Registrations per client address per hour. */
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(20),
  /**
   * Optional: an OpenAI-compatible endpoint (base URL ending in /v1) that suggests readable theme
   * labels after each analysis. Off unless both the URL and the model are set.
   */
  SUMMARY_LLM_URL: z.string().url().optional(),
  SUMMARY_LLM_MODEL: z.string().optional(),
  SUMMARY_LLM_API_KEY: z.string().optional(),
  /** Longest a single SQL statement may run before PostgreSQL cancels it (ms; 0: no limit). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  /** Longest a statement may wait for a row or table lock before PostgreSQL gives up (ms; 0: no limit). */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  /** Longest a request waits for a pooled connection (or to open one) before answering 503 (ms). */
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Seconds clients are told to wait (Retry-After) when the database is unavailable. */
  DATABASE_RETRY_AFTER_SECONDS: z.coerce.number().int().positive().default(5),
  /** Run the background worker (outbox emails, scheduled jobs, analysis runs) in this process: "0" to leave it to others. */
  PARLEY_WORKER: z.enum(["0", "1"]).default("1"),
  /** How long a worker owns an email it is sending (its job's expiry); a worker killed mid-send frees it after this plus up to JOBS_MAINTENANCE_SECONDS (s). */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().positive().default(60),
  /** How often the job queue's maintenance fails jobs whose worker died, so they are retried (s). */
  JOBS_MAINTENANCE_SECONDS: z.coerce.number().int().positive().default(10),
  /** Attempts before an email is given up and listed as undeliverable (backoff: 30–60 s, then doubling each time). */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().positive().default(8),
  /** Comments and replies one account may post per hour (all consultations together). */
  LIMIT_COMMENTS_PER_HOUR: z.coerce.number().int().positive().default(60),
  /** Votes (incl. changed votes) one account may cast per hour. */
  LIMIT_VOTES_PER_HOUR: z.coerce.number().int().positive().default(600),
  /** Flags one account may raise per hour. */
  LIMIT_FLAGS_PER_HOUR: z.coerce.number().int().positive().default(20),
  /** Writes through the public API per caller (account, else client address) per minute. */
  // ── Attachments (issue 13) ──
  /** Where embedded data lives (also read by lib/cli/start.mjs); attachments go to its attachments/ folder by default. */
  PARLEY_DATA_DIR: z.string().min(1).default(".data"),
  /** Largest attachment accepted, per file (bytes; default 10 MiB). At most three files per comment. */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().max(40 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Local folder for attachments (default: PARLEY_DATA_DIR/attachments). Ignored when ATTACHMENT_S3_BUCKET is set. */
  ATTACHMENT_DIR: z.string().min(1).optional(),
  /** Store attachments in this S3-compatible bucket instead (needs the endpoint and both keys below). */
  ATTACHMENT_S3_BUCKET: z.string().min(1).optional(),
  ATTACHMENT_S3_ENDPOINT: z.string().url().optional(),
  ATTACHMENT_S3_REGION: z.string().min(1).default("us-east-1"),
  ATTACHMENT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ATTACHMENT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** "1": path-style object URLs (endpoint/bucket/key, e.g. MinIO); "0": virtual-host style (bucket.endpoint/key). */
  ATTACHMENT_S3_PATH_STYLE: z.enum(["0", "1"]).default("1"),
  /** Files one account may attach per hour, through the form and the API together. */
  LIMIT_ATTACHMENTS_PER_HOUR: z.coerce.number().int().positive().default(30),
});

export type Env = z.infer<typeof ZEnv>;

function load(): Env {
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment configuration: ${detail}`);
  }
  return parsed.data;
}

export const env: Env = load();

export const databaseMode: "embedded" | "postgres" =
  env.PARLEY_DB_MODE ?? (env.DATABASE_URL ? "postgres" : "embedded");

export const oidcEnabled = Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
