import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { ServerHtml } from "@/components/render/server-html";
import { putServerHtml } from "@/lib/render/server-html";
import { draftBlocksHtml, type PreviewBlock } from "./draft-blocks";

type Labels = Parameters<typeof draftBlocksHtml>[0]["labels"];

/**
 * The numbered text of a published version on the reading pages: the same HTML as DraftBlocks, sent
 * once in the document and not repeated in the RSC payload (lib/render/server-html.ts). A React
 * Server Components request (client-side navigation) gets no text: the browser fetches the document.
 */
export async function DraftText({ blocks, labels, commentCounts, lang, dir }: { blocks: PreviewBlock[]; labels: Labels; commentCounts?: Record<string, number>; lang?: string; dir?: "ltr" | "rtl" }) {
  const [requestHeaders, t] = await Promise.all([headers(), getTranslations("draftPage")]);
  const token = requestHeaders.get("x-parley-flight") === "1" ? null : putServerHtml(draftBlocksHtml({ blocks, labels, commentCounts }));
  return <ServerHtml token={token} name="draft-text" failedLabel={t("textNotLoaded")} className="draft-text flex flex-col gap-4" lang={lang} dir={dir} />;
}
