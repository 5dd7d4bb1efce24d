import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { VotingDeck } from "@/components/deck/voting-deck";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadDeck } from "@/lib/deck/load-deck";
import { deckPath, parseSkipped } from "@/lib/deck/schemas";
import { getDraftForReader } from "@/lib/drafts/get-draft";
import { isOpenForComment } from "@/lib/drafts/visibility";
import { isolate } from "@/lib/i18n/isolate";

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("deck");
  return { title: t("title"), robots: { index: false } };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Vote on statements: the draft's comments one at a time (Pol.is-style), for signed-in participants. */
export default async function VotingDeckPage({ params, searchParams }: Props) {
  const reference = decodeURIComponent((await params).ref);
  const query = await searchParams;
  const skipped = parseSkipped(query.skip);
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(deckPath(reference, skipped))}`);
  const draft = await getDraftForReader(reference, user);
  if (!draft || draft.currentVersion === null) notFound();
  const [t, tp] = await Promise.all([getTranslations("deck"), getTranslations("participation")]);
  const open = isOpenForComment(draft);
  const deck = open ? await loadDeck(draft, user, skipped) : null;
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <p>
        <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}`}>
          {t("back", { title: isolate(draft.title) })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {!deck ? (
        <p role="note">{t("notOpen")}</p>
      ) : deck.block ? (
        <p role="note" data-testid="suspended-notice">
          {tp("suspendedNotice")}
        </p>
      ) : (
        <>
          <p>{t("lead")}</p>
          <VotingDeck draft={draft} deck={deck} skipped={skipped} done={one(query.done)} error={one(query.error)} />
        </>
      )}
    </div>
  );
}
