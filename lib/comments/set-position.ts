import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import type { PositionValue } from "@/lib/generated/prisma/enums";
import { assertCanParticipate, loadDraftForParticipation } from "./participation";

/** A stakeholder's overall position (section "") or a position on one section; changeable. */
export async function setPositions(actor: Actor | null, draftId: string, positions: Array<{ section: string; value: PositionValue | null }>) {
  return prisma.$transaction(async (tx) => {
    const draft = await loadDraftForParticipation(tx, draftId, actor);
    const participant = await assertCanParticipate(tx, actor, draft);
    for (const p of positions) {
      if (p.value === null) {
        await tx.position.deleteMany({ where: { draftId, userId: participant.id, section: p.section } });
      } else {
        await tx.position.upsert({
          where: { draftId_userId_section: { draftId, userId: participant.id, section: p.section } },
          create: { draftId, userId: participant.id, section: p.section, value: p.value },
          update: { value: p.value },
        });
      }
    }
  });
}
