import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { DraftEditorForm } from "@/components/drafts/draft-editor-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { draftLanguageOptions } from "@/lib/drafts/language-options";
import { getOrganisationPage } from "@/lib/orgs/queries";
import { createDraftAction, previewDraftAction } from "@/lib/drafts/actions";

type Props = { params: Promise<{ slug: string }> };

export const metadata = { robots: { index: false } };

export default async function NewDraftPage({ params }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/organisations/${slug}/drafts/new`)}`);
  const page = await getOrganisationPage(slug, user);
  if (!page || !can(user, "draft.create", { organisationId: page.org.id })) notFound();
  const t = await getTranslations("editor");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("newTitle", { organisation: page.org.name })}</h1>
      <p className="max-w-3xl text-muted">{t("newLead")}</p>
      <DraftEditorForm
        action={createDraftAction}
        preview={previewDraftAction}
        hidden={{ organisationId: page.org.id }}
        mode="create"
        languages={await draftLanguageOptions()}
        initial={{ reference: "", title: "", abstract: "", topics: "", language: "en", authors: "", body: "" }}
      />
    </div>
  );
}
