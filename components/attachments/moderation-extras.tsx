import { getTranslations } from "next-intl/server";
import { excerpt } from "@/lib/attachments/text";
import { isolate } from "@/lib/i18n/isolate";

/** In the moderation queue: the beginning of each attachment's text, marked as coming from that file (issue 13). */
export async function AttachmentExcerpts({ texts }: { texts: Array<{ filename: string; text: string }> }) {
  if (texts.length === 0) return null;
  const t = await getTranslations("attachments");
  return (
    <ul className="flex flex-col gap-2" data-testid="attachment-excerpts">
      {texts.map((a, i) => (
        <li key={i} className="border-s-4 border-line ps-3 text-sm">
          <p className="font-semibold">
            {t("fromAttachment", { name: isolate(a.filename) })}
          </p>
          <p className="text-muted" dir="auto">
            {excerpt(a.text)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The queue's search (GET, so it works without JavaScript): comment text and attachments' text. */
export async function QueueSearch({ action, value }: { action: string; value: string }) {
  const t = await getTranslations("attachments");
  return (
    <form method="get" action={action} role="search" className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="queue-search" className="font-semibold">
          {t("searchLabel")}
        </label>
        <input id="queue-search" name="q" type="search" defaultValue={value} maxLength={200} className="input max-w-80" dir="auto" />
      </div>
      <button type="submit" className="btn-secondary">
        {t("searchButton")}
      </button>
    </form>
  );
}
