"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { idleState } from "@/lib/action-state";
import { formAction } from "@/lib/safe-action";
import { recordDeckChoice } from "./record-choice";
import { ZDeckChoiceInput, deckPath, parseSkipped } from "./schemas";

const answer = formAction(ZDeckChoiceInput, { auth: "required" }, async (input, { user }) => {
  const { skipped } = await recordDeckChoice(user, input);
  if (input.choice !== "SKIP") revalidatePath("/drafts/[ref]", "layout");
  redirect(deckPath(input.ref, skipped, { done: input.choice }));
});

/**
 * The voting deck's one form (works without JavaScript): records the answer, then shows the next
 * statement by redirecting to the deck with the skipped ids in the address; on a refusal, back to
 * the same statement with the error's catalog key.
 */
export async function deckChoiceAction(formData: FormData): Promise<void> {
  const state = await answer(idleState, formData);
  const ref = String(formData.get("ref") ?? "");
  const skipped = parseSkipped(String(formData.get("skipped") ?? ""));
  if (!/^[\w.-]{1,100}$/.test(ref)) redirect("/drafts");
  if (state.formError === "unauthenticated") redirect(`/signin?callbackUrl=${encodeURIComponent(deckPath(ref, skipped))}`);
  const error = state.formError ?? Object.values(state.fieldErrors ?? {})[0] ?? "unexpected";
  redirect(deckPath(ref, skipped, { error }));
}
