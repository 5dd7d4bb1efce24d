import "server-only";

export type LabelModel = { url: string; model: string; apiKey?: string };

/**
 * Asks an OpenAI-compatible chat-completions endpoint for a short, readable label per theme, from
 * its key phrases and representative comments. Optional and off by default (SUMMARY_LLM_URL and
 * SUMMARY_LLM_MODEL); any failure (timeout, bad answer) leaves the key-phrase labels in place.
 */
export async function suggestLabels(
  model: LabelModel,
  themes: { id: string; keyPhrases: string[]; quotes: string[] }[],
  language: string,
): Promise<Map<string, string>> {
  if (themes.length === 0) return new Map();
  const response = await fetch(`${model.url.replace(/\/$/, "")}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(model.apiKey ? { authorization: `Bearer ${model.apiKey}` } : {}) },
    signal: AbortSignal.timeout(30_000),
    body: JSON.stringify({
      model: model.model,
      temperature: 0,
      messages: [
        {
          role: "system",
          content: `You name the themes of comments sent to a public consultation. For each theme, write a neutral label of at most six words in the language "${language}". Answer with JSON only: {"labels": {"<theme id>": "<label>"}}.`,
        },
        { role: "user", content: JSON.stringify(themes.map((t) => ({ id: t.id, keyPhrases: t.keyPhrases, comments: t.quotes.slice(0, 3).map((q) => q.slice(0, 300)) }))) },
      ],
    }),
  });
  if (!response.ok) throw new Error(`label model answered ${response.status}`);
  const body = (await response.json()) as { choices?: { message?: { content?: string } }[] };
  const content = body.choices?.[0]?.message?.content ?? "";
  const json = content.slice(content.indexOf("{"), content.lastIndexOf("}") + 1);
  const labels = (JSON.parse(json) as { labels?: Record<string, unknown> }).labels ?? {};
  const known = new Set(themes.map((t) => t.id));
  return new Map(
    Object.entries(labels)
      .filter((e): e is [string, string] => known.has(e[0]) && typeof e[1] === "string" && e[1].trim().length > 0)
      .map(([id, label]) => [id, label.trim().slice(0, 120)]),
  );
}
