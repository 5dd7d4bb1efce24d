// The authorisation matrix: every server action and every public API route, called as each kind
// of caller. The list of actions and routes is read from the source tree, so a new action or route
// without a row here fails the first test.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { AppError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { endpoints } from "@/lib/api/endpoints";
import { rows as actionRows, setUpFixtures, type Fixtures, type Role, roles } from "./authorisation-matrix.rows";

afterAll(() => prisma.$disconnect());

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Every exported server action: exports of files that start with "use server". */
function discoverActions(): string[] {
  const names: string[] = [];
  for (const file of [...walk(path.join(root, "app")), ...walk(path.join(root, "lib"))]) {
    if (!/\.(ts|tsx)$/.test(file) || file.endsWith(".test.ts")) continue;
    const source = readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/.test(source)) continue;
    for (const m of source.matchAll(/export (?:const|async function|function) (\w+)/g)) names.push(m[1]!);
  }
  return names.sort();
}

/** Every API route handler under app/api/v1: "METHOD /api/v1/path/{param}". */
function discoverApiRoutes(): string[] {
  const routes: string[] = [];
  for (const file of walk(path.join(root, "app/api/v1"))) {
    if (!file.endsWith("route.ts")) continue;
    const rel = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)) routes.push(`${m[1]} /${rel.join("/")}`);
  }
  return routes.sort();
}

type RouteModule = Record<string, (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>>;
const participants: Role[] = ["stakeholder", "moderator", "editor", "owner", "admin", "otherOrg"];
// `privateAllowed`: who may read the route for a draft that is not yet published (default: its
// organisation and the admin). A private draft has no versions and no summary, and the fixture
// publishes no summary: those reads are 404 for everyone, which is what the rows check.
const apiRows: Record<string, { allowed: Role[] | "all"; privateAllowed?: Role[]; load: () => Promise<RouteModule> }> = {
  "GET /api/v1/drafts": { allowed: "all", load: () => import("@/app/api/v1/drafts/route") },
  "GET /api/v1/drafts/{ref}": { allowed: "all", load: () => import("@/app/api/v1/drafts/[ref]/route") },
  "GET /api/v1/drafts/{ref}/versions/{n}": { allowed: "all", privateAllowed: [], load: () => import("@/app/api/v1/drafts/[ref]/versions/[n]/route") },
  "GET /api/v1/drafts/{ref}/diff": { allowed: "all", privateAllowed: [], load: () => import("@/app/api/v1/drafts/[ref]/diff/route") },
  "GET /api/v1/drafts/{ref}/summary": { allowed: [], privateAllowed: [], load: () => import("@/app/api/v1/drafts/[ref]/summary/route") },
  "GET /api/v1/drafts/{ref}/comments": { allowed: "all", load: () => import("@/app/api/v1/drafts/[ref]/comments/route") },
  "POST /api/v1/drafts/{ref}/comments": { allowed: participants, load: () => import("@/app/api/v1/drafts/[ref]/comments/route") },
  "POST /api/v1/comments/{id}/votes": { allowed: participants, load: () => import("@/app/api/v1/comments/[id]/votes/route") },
  // Issue 13: only the comment's author attaches; a published comment's file is public.
  "POST /api/v1/comments/{id}/attachments": { allowed: ["stakeholder"], load: () => import("@/app/api/v1/comments/[id]/attachments/route") },
  "GET /api/v1/attachments/{id}": { allowed: "all", load: () => import("@/app/api/v1/attachments/[id]/route") },
  "GET /api/v1/surveys": { allowed: "all", load: () => import("@/app/api/v1/surveys/route") },
  "GET /api/v1/surveys/{slug}": { allowed: "all", load: () => import("@/app/api/v1/surveys/[slug]/route") },
  "POST /api/v1/surveys/{slug}/responses": { allowed: "all", load: () => import("@/app/api/v1/surveys/[slug]/responses/route") },
};

/** Private resources (a draft not yet published) for reads: only its organisation and the admin. */
const privateReaders: Role[] = ["moderator", "editor", "owner", "admin"];

let fx: Fixtures;
const tokens: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  fx = await setUpFixtures();
  for (const role of roles) {
    const actor = fx.actors[role];
    if (!actor) continue;
    const token = `prl_${randomBytes(24).toString("base64url")}`;
    await prisma.apiToken.create({ data: { userId: actor.id, name: "matrix", tokenHash: createHash("sha256").update(token).digest("hex") } });
    tokens[role] = token;
  }
}, 120_000);

function isRefusal(error: unknown): boolean {
  if (error instanceof UnauthenticatedError || error instanceof ForbiddenError || error instanceof NotFoundError) return true;
  return error instanceof AppError && ["suspended", "bannedFromOrganisation", "forbidden", "unauthenticated"].includes(error.code);
}

describe("the authorisation matrix", () => {
  it("has a row for every server action and every API route in the source tree", () => {
    expect(discoverActions()).toEqual(Object.keys(actionRows).sort());
    expect(discoverApiRoutes()).toEqual(Object.keys(apiRows).sort());
    expect(Object.values(endpoints).map((e) => `${e.method} ${e.path}`).sort()).toEqual(Object.keys(apiRows).sort());
  });

  for (const [name, row] of Object.entries(actionRows)) {
    it(`action ${name}: allowed for ${row.allowed.join(", ") || "nobody"}, refused for the others`, async () => {
      for (const role of roles) {
        let outcome: "allowed" | "refused";
        try {
          await row.run(fx, fx.actors[role], role);
          outcome = "allowed";
        } catch (error) {
          outcome = isRefusal(error) ? "refused" : "allowed";
        }
        expect(`${role}: ${outcome}`).toBe(`${role}: ${row.allowed.includes(role) ? "allowed" : "refused"}`);
      }
    });
  }

  for (const [route, { allowed, privateAllowed, load }] of Object.entries(apiRows)) {
    it(`API ${route}`, async () => {
      const [method, template] = route.split(" ") as [string, string];
      const mod = await load();
      for (const role of roles) {
        for (const visibility of ["public", "private"] as const) {
          if (visibility === "private" && !/\{ref\}/.test(template)) continue;
          const params = fx.apiParams(visibility, role);
          const url = `http://localhost${template.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]!))}${fx.apiQuery(template)}`;
          const headers: Record<string, string> = { "content-type": "application/json", "idempotency-key": `matrix-${randomBytes(6).toString("hex")}` };
          if (tokens[role]) headers.authorization = `Bearer ${tokens[role]}`;
          if (template.endsWith("/responses")) headers["x-device-token"] = crypto.randomUUID();
          if (template.endsWith("/attachments")) headers["x-filename"] = "matrix.txt";
          const request = new Request(url, { method, headers, body: method === "GET" ? undefined : JSON.stringify(fx.apiBody(template)) });
          const response = await mod[method]!(request, { params: Promise.resolve(params) });
          const want = allowed === "all" ? true : allowed.includes(role);
          const wantHere = visibility === "private" ? want && (privateAllowed ?? privateReaders).includes(role) : want;
          const refused = [401, 403, 404].includes(response.status);
          expect(`${role} ${visibility}: ${refused ? "refused" : "allowed"} (${response.status})`).toContain(`${role} ${visibility}: ${wantHere ? "allowed" : "refused"}`);
        }
      }
    });
  }
});

