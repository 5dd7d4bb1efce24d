import { describe, expect, it } from "vitest";
import { publicBaseUrl } from "./base-url";
import { edgeStatusesOf, endpoints } from "./endpoints";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = openApiDocument();
  it("is OpenAPI 3.1 and names every public endpoint", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/v1/comments/{id}/votes",
        "/api/v1/comments/{id}/attachments",
        "/api/v1/attachments/{id}",
        "/api/v1/drafts",
        "/api/v1/drafts/{ref}",
        "/api/v1/drafts/{ref}/comments",
        "/api/v1/drafts/{ref}/diff",
        "/api/v1/drafts/{ref}/summary",
        "/api/v1/drafts/{ref}/versions/{n}",
        "/api/v1/surveys",
        "/api/v1/surveys/{slug}",
        "/api/v1/surveys/{slug}/responses",
      ].sort(),
    );
  });
  it("resolves every $ref to a component schema", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
  });
  it("describes paragraph anchors in the draft schema", () => {
    expect(JSON.stringify(doc.components.schemas.DraftDetail)).toContain("p-3.2");
  });
});

describe("what the OpenAPI document says about itself", () => {
  const doc = openApiDocument();
  const operations = Object.values(doc.paths).flatMap((item) => Object.entries(item as Record<string, { operationId: string; tags?: string[] }>).map(([method, op]) => ({ method, ...op })));
  it("describes its writes as well as its reads", () => {
    expect(operations.filter((o) => o.method === "post").map((o) => o.operationId).sort()).toEqual(["createComment", "submitSurveyResponse", "uploadAttachment", "voteOnComment"]);
    expect(doc.info.description).toMatch(/Reads:/);
    expect(doc.info.description).toMatch(/Writes: comments and replies, their attachments, votes/);
    expect(doc.info.description).not.toMatch(/^Read access/);
  });
  it("names this instance's configured public URL as its server", () => {
    expect(doc.servers).toEqual([{ url: publicBaseUrl(), description: "This Parley instance" }]);
    expect(doc.servers[0]!.url).toMatch(/^https?:\/\/[^/]+$/);
  });
  it("files every operation under a declared tag", () => {
    const declared = new Set(doc.tags.map((t) => t.name));
    for (const o of operations) expect(o.tags?.every((t) => declared.has(t)) && o.tags.length > 0, o.operationId).toBe(true);
  });

  it("lists every status each endpoint can answer, edge statuses included (401, 413, 415, 422, 429, 503 on writes)", () => {
    const paths = doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    for (const spec of Object.values(endpoints)) {
      const operation = paths[spec.path]?.[spec.method.toLowerCase()];
      expect(operation, `${spec.method} ${spec.path}`).toBeDefined();
      const documented = Object.keys(operation!.responses).map(Number);
      for (const status of edgeStatusesOf(spec)) expect(documented, `${spec.method} ${spec.path} answers ${status}`).toContain(status);
    }
    const answer = paths["/api/v1/surveys/{slug}/responses"]!.post!.responses;
    for (const status of ["201", "413", "415", "422", "429", "503"]) expect(Object.keys(answer)).toContain(status);
    const vote = paths["/api/v1/comments/{id}/votes"]!.post!.responses;
    for (const status of ["401", "403", "404", "409", "429", "503"]) expect(Object.keys(vote)).toContain(status);
  });
});
