import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { consultaParticipacion } from "@/prisma/seed/content/consulta-participacion-es";
import { shujuZhili } from "@/prisma/seed/content/shuju-zhili-zh";
import { seedDraft, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { listDrafts } from "./list-drafts";
import { publishVersion } from "./publish-version";
import { ZDraftListQuery } from "./schemas";

// Runs on whichever database the run uses: PostgreSQL (TEST_DATABASE_URL) or embedded PGlite.
afterAll(() => prisma.$disconnect());

beforeAll(async () => {
  const org = await seedOrganisation(prisma, { slug: "search-forum", name: "Search Forum", description: "", referencePrefix: "SF-RFC" });
  const editor = await seedUser(prisma, { email: "search-editor@example.org", name: "Search Editor" });
  for (const content of [consultaParticipacion, shujuZhili]) {
    const { body, ...fields } = content;
    const draft = await seedDraft(prisma, {
      ...fields,
      reference: fields.reference.replace("GDPF", "SF"),
      topics: [...fields.topics],
      authors: [...fields.authors],
      organisationId: org.id,
      status: "OPEN",
      body,
    });
    await prisma.$transaction(async (tx) => {
      const d = await tx.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { id: true, title: true, abstract: true, body: true, language: true, currentVersion: true } });
      await publishVersion(tx, d, editor.id, "");
    });
  }
});

const search = (q: string, locale = "en") => listDrafts(ZDraftListQuery.parse({ q, organisation: "search-forum" }), locale);

describe("search finds what people type", () => {
  it("ignores accents: 'participacion' finds the Spanish consultation on «participación», in any reader language", async () => {
    for (const locale of ["en", "es", "fr", "zh"]) {
      const found = await search("participacion", locale);
      expect(found.items.map((d) => d.reference)).toEqual(["SF-RFC-2026-007"]);
    }
    const accented = await search("PARTICIPACIÓN ciudadana", "es");
    expect(accented.items.map((d) => d.reference)).toEqual(["SF-RFC-2026-007"]);
    // The title is highlighted on the accented word although the query had none.
    const found = await search("participacion");
    expect(found.items[0]!.titleHighlight).toContain("participación");
  });

  it("finds a two-character Chinese word inside a sentence of the body", async () => {
    // "统计" appears only inside "能够使用统计数据的，不得共享个人层面的数据。"
    const found = await search("统计");
    expect(found.items.map((d) => d.reference)).toEqual(["SF-RFC-2026-008"]);
    const longer = await search("个人信息安全", "zh");
    expect(longer.items.map((d) => d.reference)).toEqual(["SF-RFC-2026-008"]);
  });

  it("does not match Chinese characters that are not adjacent in the text", async () => {
    // 统 and 据 both occur, but never as "统据".
    const found = await search("统据", "zh");
    expect(found.total).toBe(0);
  });
});
