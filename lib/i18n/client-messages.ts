// What of the catalog goes to the browser. Client components read their strings from the messages
// handed to NextIntlClientProvider, which travel in every page's React Server Components payload:
// the whole catalog was ~57 KiB of each page. Only the namespaces client components read are sent;
// `client-messages.test.ts` reads every client component and fails when one uses a namespace
// missing here.

type Tree = { [key: string]: string | Tree };

/** Namespaces (dotted paths) read with `useTranslations` by client components. */
export const clientNamespaces = [
  "apiTokens",
  "attachments",
  "auth",
  "common",
  "editor",
  "errorPage",
  "errors",
  "language",
  "manage",
  "nav",
  "participation",
  "profile",
  "sessions",
  "summaries.analysis",
  "survey",
  "surveyBuilder",
  "unavailablePage",
  "validation",
] as const;

/** The part of `messages` under `clientNamespaces` (same shape, other keys left out). */
export function pickClientMessages(messages: Tree, namespaces: readonly string[] = clientNamespaces): Tree {
  const out: Tree = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let source: string | Tree | undefined = messages;
    for (const key of path) source = typeof source === "object" ? source[key] : undefined;
    if (source === undefined) continue;
    let target = out;
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Tree;
    target[path[path.length - 1]!] = source;
  }
  return out;
}
