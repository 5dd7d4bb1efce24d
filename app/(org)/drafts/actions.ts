"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createDraft } from "@/lib/drafts/create-draft";
import { parseDraftMarkdown } from "@/lib/drafts/document/parse";
import { openDraft } from "@/lib/drafts/open-draft";
import {
  ZCreateDraftInput,
  ZDraftTransitionInput,
  ZExtendDraftInput,
  ZOpenDraftInput,
  ZPreviewInput,
  ZUpdateDraftInput,
} from "@/lib/drafts/schemas";
import { extendDraft, transitionDraft } from "@/lib/drafts/transition-draft";
import { setPreModeration } from "@/lib/drafts/set-pre-moderation";
import { updateDraft } from "@/lib/drafts/update-draft";
import { z } from "zod";
import { formAction } from "@/lib/safe-action";
import type { PreviewBlock } from "@/components/drafts/draft-blocks";

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

export const preModerationAction = formAction(z.object({ draftId: z.string().min(1), enabled: z.enum(["1", "0"]) }), { auth: "required" }, async (input, { user }) => {
  const { reference } = await setPreModeration(user, input.draftId, input.enabled === "1");
  revalidatePath(draftPath(reference));
  return { status: "success", message: input.enabled === "1" ? "preModerationOn" : "preModerationOff" };
});

/** Live preview in the editor: the same parser and sanitiser as publishing. Signed-in editors only. */
export async function previewDraftAction(body: string): Promise<{ blocks: PreviewBlock[]; words: number } | { error: string }> {
  const user = await getCurrentUser();
  if (!user || (!user.isPlatformAdmin && !user.memberships.some((m) => m.role === "OWNER" || m.role === "EDITOR"))) return { error: "forbidden" };
  const parsed = ZPreviewInput.safeParse({ body });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "bodyTooLong" };
  const doc = parseDraftMarkdown(parsed.data.body);
  return {
    blocks: doc.blocks.map((b) => ({ anchor: `${b.kind === "heading" ? "s" : "p"}-${b.number}`, number: b.number, kind: b.kind, level: b.level, html: b.html })),
    words: doc.wordCount,
  };
}
