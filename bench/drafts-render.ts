// `npm run bench:drafts`: how long the reading view of a 50-page draft and the diff of two of its
// versions take to serve, on a production build. The text is built from real public statements in
// the Pol.is open data (../shared/datasets/polis, CC BY 4.0, The Computational Democracy Project).
// Numbers are medians of repeated requests and ratios to a 1-page draft measured in the same run,
// because this machine is shared and noisy.
import { spawn } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { publishVersion } from "../lib/drafts/publish-version";
import { createTestDatabase } from "../lib/testing/test-database";
import { seedOrganisation, seedUser } from "../prisma/seed/builders";
import { medianGet, polisStatements, waitForHealth } from "./support";

const root = path.resolve(import.meta.dirname, "..");
const port = 3190;
const base = `http://localhost:${port}`;

/** ~500 words a page: sections of paragraphs, each paragraph a few real statements. */
function buildDraft(pages: number, pool: string[]): string {
  const parts: string[] = [];
  let words = 0;
  let s = 0;
  let k = 0;
  while (words < pages * 500) {
    s++;
    parts.push(`# Section ${s}\n`);
    for (let sub = 1; sub <= 3 && words < pages * 500; sub++) {
      parts.push(`## Topic ${s}.${sub}\n`);
      for (let p = 0; p < 5; p++) {
        const para = [pool[k++ % pool.length], pool[k++ % pool.length], pool[k++ % pool.length]].join(" ");
        words += para.split(/\s+/).length;
        parts.push(`${para}\n`);
      }
    }
  }
  return parts.join("\n");
}

/** A revision: every tenth paragraph edited, a few inserted. */
function revise(body: string): string {
  let n = 0;
  return body
    .split("\n")
    .map((line) => {
      if (!line || line.startsWith("#")) return line;
      n++;
      if (n % 10 === 0) return `${line} This sentence was added in the revision.`;
      if (n % 37 === 0) return `${line}\n\nA new paragraph inserted by the editors after the first round of comments.`;
      return line;
    })
    .join("\n");
}

async function main() {
  const db = await createTestDatabase("parley_bench");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 2 }) });
  const pool = polisStatements();
  const org = await seedOrganisation(client, { slug: "bench", name: "Bench", description: "", referencePrefix: "BENCH" });
  const user = await seedUser(client, { email: "bench@example.org", name: "Bench" });
  const drafts: Record<string, { publish: number[] }> = {};
  for (const [reference, pages] of [["BENCH-1", 1], ["BENCH-50", 50]] as const) {
    const body = buildDraft(pages, pool);
    const draft = await client.draft.create({ data: { organisationId: org.id, reference, title: `${pages}-page draft`, status: "OPEN", opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), body }, select: { id: true } });
    drafts[reference] = { publish: [] };
    for (const text of [body, revise(body)]) {
      const t0 = performance.now();
      await client.$transaction(async (tx) => {
        const d = await tx.draft.update({ where: { id: draft.id }, data: { body: text }, select: { id: true, title: true, abstract: true, body: true, language: true, currentVersion: true } });
        await publishVersion(tx, d, user.id, "bench");
      });
      drafts[reference].publish.push(performance.now() - t0);
    }
  }
  const words = await client.draftVersion.findFirst({ where: { draft: { reference: "BENCH-50" }, number: 1 }, select: { wordCount: true, _count: { select: { blocks: true } } } });
  await client.$disconnect();

  const app = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], { cwd: root, env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), DRAFT_SCHEDULER_INTERVAL_MS: "0" }, stdio: "ignore" });
  try {
    await waitForHealth(base);
    const runs = 15;
    const read1 = await medianGet(`${base}/drafts/BENCH-1`, runs);
    const read50 = await medianGet(`${base}/drafts/BENCH-50`, runs);
    const diff1 = await medianGet(`${base}/drafts/BENCH-1/diff?from=0&to=1`, runs);
    const diff50 = await medianGet(`${base}/drafts/BENCH-50/diff?from=0&to=1`, runs);
    const api50 = await medianGet(`${base}/api/v1/drafts/BENCH-50`, runs);
    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    console.log(`50-page draft: ${words?.wordCount} words, ${words?._count.blocks} blocks`);
    console.log(`publish a version (parse, anchor, store): 1 page ${fmt(drafts["BENCH-1"]!.publish[1]!)}, 50 pages ${fmt(drafts["BENCH-50"]!.publish[1]!)}`);
    console.log(`reading view: 1 page ${fmt(read1.median)}, 50 pages ${fmt(read50.median)} (×${(read50.median / read1.median).toFixed(1)}; ${(read50.bytes / 1024).toFixed(0)} KiB HTML)`);
    console.log(`diff -00/-01: 1 page ${fmt(diff1.median)}, 50 pages ${fmt(diff50.median)} (×${(diff50.median / diff1.median).toFixed(1)})`);
    console.log(`API GET /api/v1/drafts/BENCH-50: ${fmt(api50.median)} (${(api50.bytes / 1024).toFixed(0)} KiB JSON)`);
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
