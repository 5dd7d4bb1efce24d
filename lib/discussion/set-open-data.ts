import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

/**
 * Opens (or closes again) a draft's comments as open data before the consultation closes, and sets
 * its licence (null: the organisation's). For the organisation's editors and owners; each change is
 * recorded in OpenDataChange (who, what, when) in the same transaction. Setting what is already set
 * records nothing (a resubmitted form is harmless).
 * @throws NotFoundError for an unknown draft, ForbiddenError/UnauthenticatedError for anyone else.
 */
export async function setOpenData(actor: Actor | null, input: { draftId: string; openData: boolean; dataLicence: string | null }) {
  const draft = await prisma.draft.findUnique({ where: { id: input.draftId }, select: { organisationId: true, reference: true } });
  if (!draft) throw new NotFoundError();
  assertCan(actor, "draft.edit", { organisationId: draft.organisationId });
  return prisma.$transaction(async (tx) => {
    const current = await tx.$queryRaw<{ openData: boolean; dataLicence: string | null }[]>`
      SELECT "openData", "dataLicence" FROM "Draft" WHERE id = ${input.draftId} FOR UPDATE`;
    const before = current[0];
    if (!before) throw new NotFoundError();
    if (before.openData === input.openData && before.dataLicence === input.dataLicence) return { reference: draft.reference, changed: false };
    await tx.draft.update({ where: { id: input.draftId }, data: { openData: input.openData, dataLicence: input.dataLicence } });
    await tx.openDataChange.create({ data: { draftId: input.draftId, actorId: actor.id, openData: input.openData, dataLicence: input.dataLicence } });
    return { reference: draft.reference, changed: true };
  });
}
