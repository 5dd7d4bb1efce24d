import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { ServerHtml } from "@/components/render/server-html";
import { putServerHtml } from "@/lib/render/server-html";
import { draftBlocksHtml, draftTocHtml, type PreviewBlock, type TocSection } from "./draft-blocks";

type Labels = Parameters<typeof draftBlocksHtml>[0]["labels"];

/** True when an HTML render follows this one (not a React Server Components request). */
async function documentRender(): Promise<boolean> {
  return (await headers()).get("x-parley-flight") !== "1";
}

/**
 * The numbered text of a published version on the reading pages: the same HTML as DraftBlocks, sent
 * once in the document and not repeated in the RSC payload (lib/render/server-html.ts). A React
 * Server Components request (client-side navigation) gets no text: the browser fetches the document.
 */
export async function DraftText({ blocks, labels, commentCounts, lang, dir }: { blocks: PreviewBlock[]; labels: Labels; commentCounts?: Record<string, number>; lang?: string; dir?: "ltr" | "rtl" }) {
  const [inDocument, t] = await Promise.all([documentRender(), getTranslations("draftPage")]);
  const token = inDocument ? putServerHtml(draftBlocksHtml({ blocks, labels, commentCounts })) : null;
  return <ServerHtml token={token} name="draft-text" failedLabel={t("textNotLoaded")} className="draft-text flex flex-col gap-4" lang={lang} dir={dir} />;
}

/**
 * The table of contents of a published version (its headings, numbered, linking to their anchors),
 * sent like the text: once, in the document (a 50-page draft has ~200 headings). `lang`/`dir`: the
 * draft's declared language and direction, put on each heading's text.
 */
export async function DraftToc({ sections, lang, dir }: { sections: TocSection[]; lang?: string; dir?: "ltr" | "rtl" }) {
  const [inDocument, t] = await Promise.all([documentRender(), getTranslations("draftPage")]);
  const token = inDocument ? putServerHtml(draftTocHtml({ sections, lang, dir })) : null;
  return <ServerHtml token={token} name="toc" failedLabel={t("textNotLoaded")} />;
}
