import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const doc = openApiDocument();
  it("is OpenAPI 3.1 and names every public endpoint", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/v1/comments/{id}/votes",
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
