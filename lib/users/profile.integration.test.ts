import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { seedUser } from "@/prisma/seed/builders";
import { getProfile, updateProfile } from "./profile";

afterAll(() => prisma.$disconnect());

const actorOf = (user: { id: string }) => ({ id: user.id, isPlatformAdmin: false, suspendedAt: null, memberships: [] });
const input = { name: "Dr. Ana Silva", stakeholderGroup: "ACADEMIA" as const, country: "BR", affiliation: "Universidade de São Paulo", speaksForOrganisation: true };

describe("updateProfile", () => {
  it("saves the stakeholder profile, and saving twice changes nothing more", async () => {
    const user = await seedUser(prisma, { email: "profile-owner@example.org", name: "Ana" });
    await updateProfile(actorOf(user), user.id, input);
    await updateProfile(actorOf(user), user.id, input);
    const profile = await getProfile(user.id);
    expect(profile).toMatchObject({ name: "Dr. Ana Silva", stakeholderGroup: "ACADEMIA", country: "BR", affiliation: "Universidade de São Paulo", speaksForOrganisation: true });
  });

  it("refuses to edit someone else's profile, or anyone's when signed out", async () => {
    const owner = await seedUser(prisma, { email: "profile-victim@example.org", name: "Victim" });
    const other = await seedUser(prisma, { email: "profile-intruder@example.org", name: "Intruder" });
    await expect(updateProfile(actorOf(other), owner.id, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateProfile(null, owner.id, input)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect((await getProfile(owner.id))?.name).toBe("Victim");
  });
});
