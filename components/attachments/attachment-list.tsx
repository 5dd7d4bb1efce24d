import { getFormatter, getTranslations } from "next-intl/server";
import type { AttachmentSummary } from "@/lib/attachments/queries";
import { attachmentTypes } from "@/lib/attachments/rules";

/** A comment's files as download links with their type and size (issue 13). Renders nothing when there are none. */
export async function AttachmentList({ attachments, commentId }: { attachments: AttachmentSummary[]; commentId: string }) {
  if (attachments.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("attachments"), getFormatter()]);
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? t("sizeKb", { size: format.number(Math.max(1, Math.round(bytes / 1024))) }) : t("sizeMb", { size: format.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
  return (
    <section aria-labelledby={`comment-${commentId}-files`} className="flex flex-col gap-1" data-testid="attachments">
      <h4 id={`comment-${commentId}-files`} className="text-sm font-semibold">
        {t("listTitle", { count: attachments.length })}
      </h4>
      <ul className="flex flex-col gap-1">
        {attachments.map((a) => (
          <li key={a.id} className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <a href={a.url} download className="break-all font-semibold underline">
              <bdi>{a.filename}</bdi>
            </a>
            <span className="text-muted">
              ({(attachmentTypes[a.contentType as keyof typeof attachmentTypes] ?? "").toUpperCase()}, {size(a.size)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
