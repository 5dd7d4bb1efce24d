import "server-only";
import { env } from "@/lib/env";
import { consumeLimit } from "@/lib/rate-limit/limits";
import { prepareAttachments, type PreparedAttachment } from "./prepare-attachments";
import { attachmentField, ZAttachmentFiles } from "./rules";

/**
 * The files of a submitted comment form (field "attachments"), checked (count and size with the
 * shared zod schema, then the type from the bytes) and stored. A browser sends one empty nameless
 * part for an untouched file input: dropped. On a refusal nothing is stored and the form's text
 * comes back as it was typed (browsers never re-fill a file input, so the message names the file).
 * @returns the prepared files, or the field error (catalog key under "validation") with the form's values.
 */
export async function attachmentsFromForm(formData: FormData, userId: string): Promise<{ ok: PreparedAttachment[] } | { fieldErrors: Record<string, string>; values: Record<string, string> }> {
  const files = formData.getAll(attachmentField).filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""));
  if (files.length === 0) return { ok: [] };
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  const error = (code: string) => ({ fieldErrors: { [attachmentField]: code }, values });
  const counted = ZAttachmentFiles(env.ATTACHMENT_MAX_BYTES).safeParse(files);
  if (!counted.success) return error(counted.error.issues[0]?.message ?? "attachmentTooLarge");
  const read = await Promise.all(files.map(async (f) => ({ bytes: new Uint8Array(await f.arrayBuffer()), name: f.name })));
  const prepared = await prepareAttachments(read);
  if ("refused" in prepared) return error(prepared.refused.reason === "type" ? "attachmentTypeRefused" : "attachmentTooLarge");
  for (let i = 0; i < prepared.ok.length; i++) await consumeLimit("attachment", userId);
  return { ok: prepared.ok };
}
