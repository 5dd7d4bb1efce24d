// `npm run bench:comments`: p50 render time of a draft page, and of its busiest paragraph's
// discussion, with 10,000 comments (and 40,000 votes) seeded; ratios to the same draft with none.
// Comment texts are real public statements from the Pol.is open data in ../shared/datasets/polis
// (CC BY 4.0, The Computational Democracy Project).
import { spawn } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { publishVersion } from "../lib/drafts/publish-version";
import { createTestDatabase } from "../lib/testing/test-database";
import { seedOrganisation, seedUser } from "../prisma/seed/builders";
import { medianGet, polisStatements, waitForHealth } from "./support";

const root = path.resolve(import.meta.dirname, "..");
const port = 3191;
const base = `http://localhost:${port}`;

async function main() {
  const db = await createTestDatabase("parley_bench");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 2 }) });
  const org = await seedOrganisation(client, { slug: "bench", name: "Bench", description: "", referencePrefix: "BENCH" });
  const editor = await seedUser(client, { email: "bench@example.org", name: "Bench" });
  const body = Array.from({ length: 10 }, (_, s) => `# Section ${s + 1}\n\n${Array.from({ length: 8 }, (_, p) => `Paragraph ${s + 1}.${p + 1} of the benchmark draft, long enough to look like guidance text that people comment on.`).join("\n\n")}`).join("\n\n");
  const drafts: Record<string, string> = {};
  for (const reference of ["BENCH-EMPTY", "BENCH-10K"]) {
    const d = await client.draft.create({ data: { organisationId: org.id, reference, title: reference, status: "OPEN", opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), body }, select: { id: true, title: true, abstract: true, body: true, language: true, currentVersion: true } });
    await client.$transaction((tx) => publishVersion(tx, d, editor.id, ""));
    drafts[reference] = d.id;
  }
  const texts = polisStatements();
  const t0 = performance.now();
  await client.$executeRaw`INSERT INTO "User" (id, email, name, "stakeholderGroup", "updatedAt")
    SELECT 'bu' || g, 'bench' || g || '@example.org', 'Participant ' || g,
           (ARRAY['GOVERNMENT','CIVIL_SOCIETY','ACADEMIA','PRIVATE_SECTOR','INDIVIDUAL'])[1 + g % 5]::"StakeholderGroup", now()
    FROM generate_series(1, 2000) g`;
  // 10,000 comments: a third on paragraph 1.1 (the busy one), the rest spread over every paragraph.
  await client.$executeRaw`INSERT INTO "Comment" (id, "draftId", "versionNumber", anchor, "authorId", kind, body, "createdAt", "agreeCount")
    SELECT 'bc' || g, ${drafts["BENCH-10K"]}, 0,
           CASE WHEN g % 3 = 0 THEN 'p-1.1' ELSE 'p-' || (1 + g % 10) || '.' || (1 + g % 8) END,
           'bu' || (1 + g % 2000), (ARRAY['SUPPORT','CONCERN','QUESTION'])[1 + g % 3]::"CommentKind",
           (${texts}::text[])[1 + g % ${texts.length}], now() - (g || ' seconds')::interval, 0
    FROM generate_series(1, 10000) g`;
  await client.$executeRaw`INSERT INTO "CommentVote" ("commentId", "userId", value, "updatedAt")
    SELECT 'bc' || (1 + g % 10000), 'bu' || (1 + (g / 10000 + g * 13) % 2000), (ARRAY['AGREE','DISAGREE','PASS'])[1 + g % 3]::"VoteValue", now()
    FROM generate_series(1, 40000) g ON CONFLICT DO NOTHING`;
  await client.$executeRaw`UPDATE "Comment" c SET "agreeCount" = v.a, "disagreeCount" = v.d, "passCount" = v.p
    FROM (SELECT "commentId", count(*) FILTER (WHERE value='AGREE')::int a, count(*) FILTER (WHERE value='DISAGREE')::int d, count(*) FILTER (WHERE value='PASS')::int p FROM "CommentVote" GROUP BY "commentId") v
    WHERE v."commentId" = c.id`;
  await client.$executeRaw`ANALYZE`;
  console.log(`seeded 10,000 comments and ${await client.commentVote.count()} votes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await client.$disconnect();

  const app = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], { cwd: root, env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), DRAFT_SCHEDULER_INTERVAL_MS: "0" }, stdio: "ignore" });
  try {
    await waitForHealth(base);
    const rows: Array<[string, string, string]> = [
      ["draft page", "/drafts/BENCH-EMPTY", "/drafts/BENCH-10K"],
      ["busiest paragraph (3,333 comments), page 1", "/drafts/BENCH-EMPTY/p/p-1.1", "/drafts/BENCH-10K/p/p-1.1"],
      ["busiest paragraph, page 100", "/drafts/BENCH-EMPTY/p/p-1.1?page=100", "/drafts/BENCH-10K/p/p-1.1?page=100"],
      ["API comments list", "/api/v1/drafts/BENCH-EMPTY/comments", "/api/v1/drafts/BENCH-10K/comments"],
    ];
    for (const [label, empty, full] of rows) {
      const a = (await medianGet(base + empty, 21)).median;
      const b = (await medianGet(base + full, 21)).median;
      console.log(`${label}: p50 ${b.toFixed(0)} ms with 10,000 comments vs ${a.toFixed(0)} ms with none (×${(b / a).toFixed(2)})`);
    }
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    await db.drop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
