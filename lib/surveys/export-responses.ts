import "server-only";
import { prisma } from "@/lib/db/client";
import type { Definition } from "./definition";
import { csvChunk } from "@/lib/csv/write-csv";

/** Every counted response (held and rejected ones are left out), one row each (multiple choice joined with "; ", ranking as the order), streamed in pages. */
export async function* exportResponses(surveyId: string, definition: Definition, format: "csv" | "json"): AsyncGenerator<string> {
  const header = ["response_id", "submitted_at", "language", "stakeholder_group", "country", "age_band", "gender", "education", ...definition.map((q) => q.id)];
  if (format === "csv") yield csvChunk([header], { first: true });
  else yield "[";
  let cursor: string | undefined;
  let first = true;
  for (;;) {
    const page = await prisma.surveyResponse.findMany({
      where: { surveyId, status: "COUNTED" },
      select: { id: true, createdAt: true, language: true, stakeholderGroup: true, country: true, ageBand: true, gender: true, education: true, answers: { select: { questionId: true, option: true, rank: true, number: true, text: true } } },
      orderBy: { id: "asc" },
      take: 1000,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    const csvRecords: string[][] = [];
    for (const r of page) {
      const byQ = new Map<string, string>();
      for (const q of definition) {
        const rows = r.answers.filter((a) => a.questionId === q.id);
        if (rows.length === 0) continue;
        const value =
          q.type === "ranking"
            ? rows.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((a) => a.option).join(" > ")
            : rows.map((a) => (a.option === "other" && a.text ? `other: ${a.text}` : (a.option ?? a.number ?? a.text))).join("; ");
        byQ.set(q.id, String(value));
      }
      const record = [r.id, r.createdAt.toISOString(), r.language, r.stakeholderGroup ?? "", r.country ?? "", r.ageBand ?? "", r.gender ?? "", r.education ?? "", ...definition.map((q) => byQ.get(q.id) ?? "")];
      if (format === "csv") csvRecords.push(record);
      else {
        yield (first ? "" : ",") + JSON.stringify(Object.fromEntries(header.map((h, i) => [h, record[i]])));
        first = false;
      }
    }
    if (csvRecords.length > 0) yield csvChunk(csvRecords, { first: false });
    if (page.length < 1000) break;
    cursor = page[page.length - 1]!.id;
  }
  if (format === "json") yield "]";
}
