import type { Locale } from "./config";
import type core from "./messages/en.json";
import type drafts from "./messages/drafts/en.json";
import type participation from "./messages/participation/en.json";
import type summaries from "./messages/summaries/en.json";
import type surveys from "./messages/surveys/en.json";
import type edge from "./messages/edge/en.json";
import type attachments from "./messages/attachments/en.json";
import type receipts from "./messages/receipts/en.json";
import type discussion from "./messages/discussion/en.json";
import type deck from "./messages/deck/en.json";
import type digests from "./messages/digests/en.json";

export type Messages = typeof core & typeof drafts & typeof participation & typeof surveys & typeof summaries & typeof edge &
  typeof attachments & typeof receipts & typeof discussion & typeof deck & typeof digests;

/**
 * A locale's catalog: the core messages plus one file per domain (kept apart so each domain's
 * strings can be written and translated on their own).
 */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const [core, drafts, participation, surveys, summaries, edge, attachments, receipts, discussion, deck, digests] = await Promise.all([
    import(`./messages/${locale}.json`).then((m) => m.default),
    import(`./messages/drafts/${locale}.json`).then((m) => m.default),
    import(`./messages/participation/${locale}.json`).then((m) => m.default),
    import(`./messages/surveys/${locale}.json`).then((m) => m.default),
    import(`./messages/summaries/${locale}.json`).then((m) => m.default),
    import(`./messages/edge/${locale}.json`).then((m) => m.default),
    import(`./messages/attachments/${locale}.json`).then((m) => m.default),
    import(`./messages/receipts/${locale}.json`).then((m) => m.default),
    import(`./messages/discussion/${locale}.json`).then((m) => m.default),
    import(`./messages/deck/${locale}.json`).then((m) => m.default),
    import(`./messages/digests/${locale}.json`).then((m) => m.default),
  ]);
  return mergeCatalogs(core, drafts, participation, surveys, summaries, edge, attachments, receipts, discussion, deck, digests) as Messages;
}

type Tree = { [key: string]: string | Tree };

/** Domain files may add keys to shared namespaces (validation, errors): merge them deeply. */
export function mergeCatalogs(...trees: Tree[]): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] = typeof value === "object" && typeof existing === "object" ? mergeCatalogs(existing, value) : value;
    }
  }
  return out;
}
