"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/safe-action";
import { ZOpenDataInput } from "./schemas";
import { setOpenData } from "./set-open-data";

/** The open-data form of the draft's management page (editors and owners; see setOpenData). */
export const openDataAction = formAction(ZOpenDataInput, { auth: "required" }, async (input, { user }) => {
  const { reference } = await setOpenData(user, { draftId: input.draftId, openData: input.openData === "1", dataLicence: input.dataLicence });
  revalidatePath(`/drafts/${encodeURIComponent(reference)}`);
  revalidatePath(`/drafts/${encodeURIComponent(reference)}/manage`);
  return { status: "success" };
});
