"use server";
/**
 * The summaries domain's server actions (workspace forms). Each goes through `formAction` (shared zod
 * schema from ./schemas, user resolved on the server, errors turned into a localisable state);
 * authorisation is checked inside each use case via lib/authz/permissions.ts.
 */

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, FieldError, UnauthenticatedError } from "@/lib/errors";
import { formAction } from "@/lib/safe-action";
import { setDisposition } from "./dispositions";
import { MAX_IMPORT_BYTES, importPolis } from "./import-polis";
import { publishSummary } from "./publish";
import { requestAnalysis } from "./run-analysis";
import { ZDisposition, ZImportPolis, ZMergeThemes, ZMoveComment, ZPublishSummary, ZRenameTheme, ZRequestAnalysis, ZSplitTheme } from "./schemas";
import { mergeThemes, moveComment, renameTheme, splitTheme } from "./themes";

const refresh = () => revalidatePath("/drafts/[ref]", "layout");

export const requestAnalysisAction = formAction(ZRequestAnalysis, { auth: "required" }, async (input, { user }) => {
  // A pinned number of groups goes into the run's settings, so the summary's provenance records it.
  const { started } = await requestAnalysis(user, input.draftId, { opinionGroupCount: input.groupCount });
  refresh();
  return { status: "success", message: started ? "analysisStarted" : "analysisAlreadyRunning", values: undefined };
});

export const renameThemeAction = formAction(ZRenameTheme, { auth: "required" }, async (input, { user }) => {
  await renameTheme(user, input);
  refresh();
  return { status: "success", message: "themeRenamed" };
});

export const mergeThemesAction = formAction(ZMergeThemes, { auth: "required" }, async (input, { user }) => {
  await mergeThemes(user, input);
  refresh();
  return { status: "success", message: "themesMerged", values: undefined };
});

export const splitThemeAction = formAction(ZSplitTheme, { auth: "required" }, async (input, { user }) => {
  await splitTheme(user, input);
  refresh();
  return { status: "success", message: "themeSplit", values: undefined };
});

export const moveCommentAction = formAction(ZMoveComment, { auth: "required" }, async (input, { user }) => {
  await moveComment(user, input);
  refresh();
  return { status: "success", message: "commentMoved", values: undefined };
});

export const dispositionAction = formAction(ZDisposition, { auth: "required" }, async (input, { user }) => {
  await setDisposition(user, input);
  refresh();
  return { status: "success", message: "dispositionSaved" };
});

export const publishSummaryAction = formAction(ZPublishSummary, { auth: "required" }, async (input, { user }) => {
  const { number, created } = await publishSummary(user, input);
  refresh();
  return { status: "success", message: created ? "summaryPublished" : "summaryUnchanged", data: { number: String(number) }, values: undefined };
});

/**
 * Pol.is import: two uploaded CSV files, the only form here that carries files, so it cannot go through
 * `formAction` (which reads text fields only); it follows the same steps by hand.
 */
export async function importPolisAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = { draftId: String(formData.get("draftId") ?? "") };
  try {
    const user = await getCurrentUser();
    if (!user) throw new UnauthenticatedError();
    const parsed = ZImportPolis.safeParse(values);
    if (!parsed.success) return { status: "error", formError: "notFound", values };
    const comments = formData.get("comments");
    const votes = formData.get("votes");
    const fieldErrors: Record<string, string> = {};
    if (!(comments instanceof File) || comments.size === 0) fieldErrors.comments = "required";
    else if (comments.size > MAX_IMPORT_BYTES) fieldErrors.comments = "fileTooLarge";
    if (!(votes instanceof File) || votes.size === 0) fieldErrors.votes = "required";
    else if (votes.size > MAX_IMPORT_BYTES) fieldErrors.votes = "fileTooLarge";
    if (Object.keys(fieldErrors).length) return { status: "error", fieldErrors, values };
    const result = await importPolis(user, { draftId: parsed.data.draftId, commentsCsv: await (comments as File).text(), votesCsv: await (votes as File).text() });
    refresh();
    return { status: "success", message: "polisImported", data: { comments: String(result.comments), votes: String(result.votes) }, values };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof FieldError) return { status: "error", fieldErrors: { [error.field]: error.code }, values };
    if (error instanceof AppError) return { status: "error", formError: error.code, values };
    console.error("[action] import failed", error);
    return { status: "error", formError: "unexpected", values };
  }
}
