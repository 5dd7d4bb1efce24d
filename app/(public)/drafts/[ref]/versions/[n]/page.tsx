import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DraftReadingView } from "@/components/drafts/draft-reading-view";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDraftForReader, getDraftTimeline, getVersionBlocks } from "@/lib/drafts/get-draft";
import { versionLabel } from "@/lib/drafts/version-label";

type Props = { params: Promise<{ ref: string; n: string }> };

async function load({ params }: Props) {
  const { ref, n } = await params;
  const number = /^\d{1,4}$/.test(n) ? Number(n) : NaN;
  if (Number.isNaN(number)) return null;
  const draft = await getDraftForReader(decodeURIComponent(ref), await getCurrentUser());
  if (!draft) return null;
  const version = await getVersionBlocks(draft.id, number);
  return version ? { draft, version } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  return found ? { title: `${versionLabel(found.draft.reference, found.version.number)} ${found.version.title}` } : {};
}

/** A stable URL for every published version: /drafts/<ref>/versions/<n>. */
export default async function DraftVersionPage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const timeline = await getDraftTimeline(found.draft.id);
  return <DraftReadingView draft={found.draft} version={found.version} timeline={timeline} isCurrent={found.version.number === found.draft.currentVersion} />;
}
