import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { FormMessage } from "@/components/form/form-message";
import { deckChoiceAction } from "@/lib/deck/actions";
import type { Deck } from "@/lib/deck/load-deck";
import { isolate } from "@/lib/i18n/isolate";
import { deckPath, formatSkipped } from "@/lib/deck/schemas";
import { DeckChoiceForm } from "./deck-choice-form";

type Props = {
  draft: { reference: string; title: string };
  deck: Deck;
  skipped: readonly string[];
  /** One-off notices from the address: the last answer recorded, or a refusal's catalog key. */
  done?: string;
  error?: string;
};

const choiceKeys = { AGREE: "a", DISAGREE: "d", PASS: "p", SKIP: "s" } as const;

/** The voting deck: progress, one statement with its paragraph and author group, and the answer form. */
export async function VotingDeck({ draft, deck, skipped, done, error }: Props) {
  const [t, tg, tk, te] = await Promise.all([getTranslations("deck"), getTranslations("groups"), getTranslations("participation.kinds"), getTranslations("errors")]);
  const base = `/drafts/${encodeURIComponent(draft.reference)}`;
  const { progress, statement } = deck;
  const doneKey = done === "AGREE" || done === "DISAGREE" || done === "PASS" || done === "SKIP" ? done : null;
  return (
    <div className="flex flex-col gap-4">
      {error ? <FormMessage kind="error">{te.has(error) ? te(error) : te("unexpected")}</FormMessage> : null}
      {doneKey && !error ? (
        <p role="status" className="text-sm text-success" data-testid="deck-done">
          {t(`done.${doneKey}`)}
        </p>
      ) : null}
      {statement ? (
        <>
          <div className="flex flex-col gap-1">
            <p id="deck-progress" className="font-semibold" data-testid="deck-progress">
              {t("progress", { position: Math.min(deck.position, progress.total), total: progress.total })}
            </p>
            <progress className="h-2 w-full accent-accent" max={Math.max(progress.total, 1)} value={progress.voted} aria-labelledby="deck-progress deck-voted" />
            <p id="deck-voted" className="text-sm text-muted">
              {t("votedSoFar", { voted: progress.voted })}
            </p>
          </div>
          <article className="card flex min-w-0 flex-col gap-3" aria-labelledby="deck-statement-heading" data-testid="deck-statement" data-comment-id={statement.id}>
            <h2 id="deck-statement-heading" className="text-lg font-semibold">
              {t("statement")}
            </h2>
            <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
              <span data-testid="deck-group">{statement.group ? t("group", { group: tg(statement.group) }) : t("noGroup")}</span>
              {statement.kind ? <span className="rounded-full bg-gray-100 px-2 text-xs font-semibold">{tk(statement.kind)}</span> : null}
            </p>
            <div className="prose-block break-words text-lg" dir="auto" data-content="comment" dangerouslySetInnerHTML={{ __html: statement.bodyHtml }} />
            {statement.quote ? (
              <blockquote className="border-s-4 border-line ps-3 text-sm text-muted" dir="auto" data-content="quote">
                “<bdi>{statement.quote}</bdi>”
              </blockquote>
            ) : null}
            <div className="flex flex-col gap-1 border-t border-line pt-2 text-sm">
              {statement.paragraph ? (
                <>
                  <Link className="link" href={`${base}/p/${statement.paragraph.anchor}`}>
                    {t("onParagraph", { number: statement.paragraph.number })}
                  </Link>
                  {statement.paragraph.text ? (
                    <p className="line-clamp-3 break-words text-muted" dir="auto" data-content="paragraph">
                      {statement.paragraph.text}
                    </p>
                  ) : null}
                </>
              ) : (
                <Link className="link" href={`${base}/p/general`}>
                  {t("onDraft")}
                </Link>
              )}
            </div>
            <DeckChoiceForm
              key={statement.id}
              action={deckChoiceAction}
              hidden={{ ref: draft.reference, commentId: statement.id, skipped: formatSkipped(skipped) }}
              label={t("formLabel")}
              shortcutsHint={t("shortcuts")}
              choices={(["AGREE", "DISAGREE", "PASS", "SKIP"] as const).map((value) => ({ value, label: t(`choices.${value}`), key: choiceKeys[value] }))}
            />
          </article>
          <p className="text-sm text-muted">{t("passOrSkip")}</p>
        </>
      ) : (
        <section className="card flex flex-col gap-3" aria-labelledby="deck-finished" data-testid="deck-finished">
          <h2 id="deck-finished" className="text-xl font-semibold">
            {progress.total === 0 ? t("finished.noneTitle") : progress.skipped > 0 ? t("finished.skippedTitle") : t("finished.title")}
          </h2>
          <p>{progress.total === 0 ? t("finished.noneBody") : progress.skipped > 0 ? t("finished.skippedBody", { count: progress.skipped }) : t("finished.body", { voted: progress.voted })}</p>
          <p className="flex flex-wrap gap-4">
            {progress.skipped > 0 ? (
              <Link className="link" href={deckPath(draft.reference)}>
                {t("finished.again")}
              </Link>
            ) : null}
            <Link className="link" href={base}>
              {t("finished.back", { title: isolate(draft.title) })}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}
