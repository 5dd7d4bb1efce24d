import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { FieldError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TCreateDraftInput } from "./schemas";

/** Next free reference for an organisation and year: PREFIX-2026-001, -002, … */
async function nextReference(tx: Prisma.TransactionClient, prefix: string, year: number): Promise<string> {
  const stem = `${prefix}-${year}-`;
  const from = stem.length + 1;
  const rows = await tx.$queryRaw<{ n: number | null }[]>`
    SELECT max(substr(reference, ${from}::int)::int) AS n FROM "Draft"
    WHERE reference LIKE ${`${stem}%`} AND substr(reference, ${from}::int) ~ '^[0-9]{1,6}$'`;
  const n = (rows[0]?.n ?? 0) + 1;
  return `${stem}${String(n).padStart(3, "0")}`;
}

/** An editor starts a private draft; it becomes public when opened for comment. */
export async function createDraft(actor: Actor | null, input: TCreateDraftInput): Promise<{ reference: string }> {
  assertCan(actor, "draft.create", { organisationId: input.organisationId });
  try {
    return await prisma.$transaction(async (tx) => {
      const org = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { referencePrefix: true } });
      if (!org) throw new NotFoundError();
      const reference = input.reference || (await nextReference(tx, org.referencePrefix, new Date().getUTCFullYear()));
      const draft = await tx.draft.create({
        data: {
          organisationId: input.organisationId,
          reference,
          title: input.title,
          abstract: input.abstract,
          topics: input.topics,
          language: input.language,
          authors: input.authors,
          body: input.body,
        },
        select: { id: true, reference: true },
      });
      await tx.draftEvent.create({ data: { draftId: draft.id, type: "CREATED", toStatus: "DRAFT", actorId: actor.id } });
      return { reference: draft.reference };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new FieldError("reference", "referenceTaken");
    throw error;
  }
}
