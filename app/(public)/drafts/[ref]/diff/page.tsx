import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DraftDiff } from "@/components/drafts/draft-diff";
import { getCurrentUser } from "@/lib/auth/current-user";
import { diffDraftVersions } from "@/lib/drafts/diff-draft-versions";
import { getDraftForReader } from "@/lib/drafts/get-draft";
import { textDirection } from "@/lib/drafts/text-direction";
import { isolate } from "@/lib/i18n/isolate";
import { versionLabel, versionSuffix } from "@/lib/drafts/version-label";

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<{ from?: string; to?: string }> };

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations("diffPage");
  return { title: t("title", { reference: decodeURIComponent((await params).ref) }) };
}

/** Compare any two versions: /drafts/<ref>/diff?from=0&to=1 (a GET form picks the pair). */
export default async function DraftDiffPage({ params, searchParams }: Props) {
  const draft = await getDraftForReader(decodeURIComponent((await params).ref), await getCurrentUser());
  if (!draft || draft.currentVersion === null) notFound();
  const q = await searchParams;
  const latest = draft.currentVersion;
  const parse = (v: string | undefined, fallback: number) => (v && /^\d{1,4}$/.test(v) ? Number(v) : fallback);
  const to = parse(q.to, latest);
  const from = parse(q.from, Math.max(0, to - 1));
  const diff = await diffDraftVersions(draft.id, from, to);
  if (!diff) notFound();
  const t = await getTranslations("diffPage");
  const base = `/drafts/${encodeURIComponent(draft.reference)}`;
  const changes = diff.blocks.filter((b) => b.type !== "same").length;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={base}>
          {t("back", { title: isolate(draft.title) })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold" dir="auto">{t("heading", { from: versionLabel(draft.reference, from), to: versionLabel(draft.reference, to) })}</h1>
      <form method="get" className="card flex flex-wrap items-end gap-4">
        {(["from", "to"] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1">
            <label htmlFor={`diff-${name}`} className="font-semibold">
              {t(name)}
            </label>
            <select id={`diff-${name}`} name={name} defaultValue={String(name === "from" ? from : to)} className="input">
              {draft.versions.map((v) => (
                <option key={v.number} value={v.number}>
                  -{versionSuffix(v.number)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="btn-secondary">
          {t("compare")}
        </button>
      </form>
      {diff.to.changeNote ? (
        <section aria-labelledby="note-heading" className="flex flex-col gap-1">
          <h2 id="note-heading" className="font-semibold">
            {t("changeNote", { version: versionSuffix(to) })}
          </h2>
          <p dir="auto">{diff.to.changeNote}</p>
        </section>
      ) : null}
      <p aria-live="polite">{t("summary", { count: changes })}</p>
      <DraftDiff
        blocks={diff.blocks}
        lang={draft.language}
        dir={textDirection(draft.language)}
        labels={{
          removed: t("removed"),
          added: t("added"),
          unchanged: (count) => t("unchanged", { count }),
          paragraph: (anchor) => `§ ${diff.numbers[anchor] ?? anchor.replace(/^[ps]-/, "")}`,
          changed: t("changed"),
          moved: (fromNumber, toNumber) => t("moved", { from: fromNumber, to: toNumber }),
          from: `-${versionSuffix(from)}`,
          to: `-${versionSuffix(to)}`,
        }}
      />
    </div>
  );
}
