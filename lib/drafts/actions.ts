"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/safe-action";
import { createDraft } from "./create-draft";
import type { PreviewBlock } from "./document/types";
import { openDraft } from "./open-draft";
import { previewDraft } from "./preview-draft";
import { ZCreateDraftInput, ZDraftTransitionInput, ZExtendDraftInput, ZOpenDraftInput, ZPreModerationInput, ZPreviewInput, ZUpdateDraftInput } from "./schemas";
import { setPreModeration } from "./set-pre-moderation";
import { extendDraft, transitionDraft } from "./transition-draft";
import { updateDraft } from "./update-draft";

// The editors' draft forms post here: each action parses with the schema its form uses, and the use
// case checks permissions (lib/authz) and writes in a transaction.

const draftPath = (reference: string) => `/drafts/${encodeURIComponent(reference)}`;

export const createDraftAction = formAction(ZCreateDraftInput, { auth: "required" }, async (input, { user }) => {
  const { reference } = await createDraft(user, input);
  redirect(`${draftPath(reference)}?created=1`);
});

export const updateDraftAction = formAction(ZUpdateDraftInput, { auth: "required" }, async (input, { user }) => {
  const { reference, publishedVersion } = await updateDraft(user, input);
  revalidatePath(draftPath(reference));
  redirect(`${draftPath(reference)}?${publishedVersion === null ? "saved=1" : `published=${publishedVersion}`}`);
});

export const openDraftAction = formAction(ZOpenDraftInput, { auth: "required" }, async (input, { user }) => {
  const { reference } = await openDraft(user, input);
  revalidatePath("/");
  redirect(`${draftPath(reference)}?opened=1`);
});

export const extendDraftAction = formAction(ZExtendDraftInput, { auth: "required" }, async (input, { user }) => {
  const { reference } = await extendDraft(user, input);
  revalidatePath("/");
  redirect(`${draftPath(reference)}?extended=1`);
});

export const transitionDraftAction = formAction(ZDraftTransitionInput, { auth: "required" }, async (input, { user }) => {
  const { reference } = await transitionDraft(user, input);
  revalidatePath("/");
  redirect(draftPath(reference));
});

export const preModerationAction = formAction(ZPreModerationInput, { auth: "required" }, async (input, { user }) => {
  const { reference } = await setPreModeration(user, input.draftId, input.enabled === "1");
  revalidatePath(draftPath(reference));
  return { status: "success", message: input.enabled === "1" ? "preModerationOn" : "preModerationOff" };
});

/**
 * Live preview in the editor: the same parser and sanitiser as publishing. Only people who may
 * write a draft in some organisation (lib/authz `draft.create`). Returns the numbered blocks and the
 * word count, or a catalog key ("forbidden", "bodyTooLong").
 */
export async function previewDraftAction(body: string): Promise<{ blocks: PreviewBlock[]; words: number } | { error: string }> {
  const parsed = ZPreviewInput.safeParse({ body });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "bodyTooLong" };
  try {
    return previewDraft(await getCurrentUser(), parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { error: error.code };
    throw error;
  }
}
