import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AnalysisSection } from "@/components/summaries/workspace/analysis-section";
import { DispositionsSection } from "@/components/summaries/workspace/dispositions-section";
import { OpinionsSection } from "@/components/summaries/workspace/opinions-section";
import { ParticipationSection } from "@/components/summaries/workspace/participation-section";
import { PublishSection } from "@/components/summaries/workspace/publish-section";
import { ThemesSection } from "@/components/summaries/workspace/themes-section";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { loadWorkspace } from "@/lib/summaries/load-workspace";

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<{ theme?: string; open?: string; page?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("summaries.workspace");
  return { title: t("title"), robots: { index: false } };
}

const sections = ["analysis", "participation", "themes", "opinions", "dispositions", "publish"] as const;

/** The moderators' workspace: who took part, themes, opinion groups, dispositions, and publishing the summary. */
export default async function SummaryWorkspacePage({ params, searchParams }: Props) {
  const reference = decodeURIComponent((await params).ref);
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/drafts/${reference}/workspace`)}`);
  const data = await loadWorkspace(user, reference, await searchParams).catch((error) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const t = await getTranslations("summaries");
  const { draft } = data;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p>
          <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}`}>
            {t("workspace.back", { title: draft.title })}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{t("workspace.title")}</h1>
        <p className="text-muted">{t("workspace.lead", { reference: draft.reference })}</p>
        <nav aria-label={t("workspace.sections")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {sections.map((s) => (
              <li key={s}>
                <a className="link" href={`#${s}`}>
                  {t(`workspace.nav.${s}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <AnalysisSection data={data} />
      <ParticipationSection data={data} />
      <ThemesSection data={data} />
      <OpinionsSection data={data} />
      <DispositionsSection data={data} />
      <PublishSection data={data} />
    </div>
  );
}
