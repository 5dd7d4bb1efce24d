import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DraftEditorForm } from "@/components/drafts/draft-editor-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDraftForEditing, getDraftForReader } from "@/lib/drafts/get-draft";
import { draftLanguageOptions } from "@/lib/drafts/language-options";
import { versionSuffix } from "@/lib/drafts/version-label";
import { previewDraftAction, updateDraftAction } from "@/lib/drafts/actions";

type Props = { params: Promise<{ ref: string }> };

export const metadata = { robots: { index: false } };

/** Edit the working copy; once published, saving publishes the next version with a change note. */
export default async function EditDraftPage({ params }: Props) {
  const reference = decodeURIComponent((await params).ref);
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/drafts/${reference}/edit`)}`);
  const draft = await getDraftForEditing(reference, user);
  if (!draft) {
    // Readers who may see the draft but not edit it get the same 404 as for a missing page.
    if (await getDraftForReader(reference, user)) notFound();
    notFound();
  }
  const t = await getTranslations("editor");
  const revise = draft.currentVersion !== null;
  const next = versionSuffix((draft.currentVersion ?? -1) + 1);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}`}>
          {t("back", { title: draft.title })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{revise ? t("reviseTitle", { version: next }) : t("editTitle")}</h1>
      <p className="font-mono text-sm text-muted">{draft.reference}</p>
      <DraftEditorForm
        action={updateDraftAction}
        preview={previewDraftAction}
        hidden={{ draftId: draft.id }}
        mode={revise ? "revise" : "edit"}
        nextVersionLabel={`-${next}`}
        languages={await draftLanguageOptions()}
        initial={{
          title: draft.title,
          abstract: draft.abstract,
          topics: draft.topics.join(", "),
          language: draft.language,
          authors: draft.authors.join("\n"),
          body: draft.body,
        }}
      />
    </div>
  );
}
