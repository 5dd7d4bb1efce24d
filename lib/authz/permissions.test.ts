import { describe, expect, it } from "vitest";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { can, type Action, type Actor } from "./permissions";

const orgA = "org-a";
const orgB = "org-b";

function actor(role: OrgRole | null, extra: Partial<Actor> = {}): Actor {
  return {
    id: "user-1",
    isPlatformAdmin: false,
    suspendedAt: null,
    memberships: role ? [{ organisationId: orgA, role }] : [],
    ...extra,
  };
}

const orgActions: Action[] = ["org.edit", "org.manageMembers", "org.viewMembers", "org.viewAuditLog", "draft.create", "draft.edit", "draft.viewPrivate", "moderation.act", "summary.manage"];

const expected: Record<OrgRole, Action[]> = {
  OWNER: orgActions,
  EDITOR: ["org.viewMembers", "draft.create", "draft.edit", "draft.viewPrivate", "summary.manage"],
  MODERATOR: ["org.viewMembers", "draft.viewPrivate", "moderation.act", "summary.manage"],
};

describe("can()", () => {
  for (const role of ["OWNER", "EDITOR", "MODERATOR"] as const) {
    it(`gives ${role} exactly its grants in its own organisation`, () => {
      const granted = orgActions.filter((a) => can(actor(role), a, { organisationId: orgA }));
      expect(granted.sort()).toEqual([...expected[role]].sort());
    });
    it(`gives ${role} nothing in another organisation`, () => {
      expect(orgActions.filter((a) => can(actor(role), a, { organisationId: orgB }))).toEqual([]);
    });
  }

  it("denies everything to the signed-out and to suspended users", () => {
    expect(can(null, "draft.viewPrivate", { organisationId: orgA })).toBe(false);
    const suspended = actor("OWNER", { suspendedAt: new Date(), isPlatformAdmin: true });
    expect(orgActions.some((a) => can(suspended, a, { organisationId: orgA }))).toBe(false);
    expect(can(suspended, "profile.edit", { userId: "user-1" })).toBe(false);
  });

  it("lets users edit only their own profile", () => {
    expect(can(actor(null), "profile.edit", { userId: "user-1" })).toBe(true);
    expect(can(actor(null), "profile.edit", { userId: "user-2" })).toBe(false);
  });

  it("reserves platform actions for administrators, who may do anything", () => {
    expect(can(actor("OWNER"), "user.suspend")).toBe(false);
    expect(can(actor("OWNER"), "org.create")).toBe(false);
    const admin = actor(null, { isPlatformAdmin: true });
    expect(can(admin, "user.suspend")).toBe(true);
    expect(can(admin, "draft.edit", { organisationId: orgB })).toBe(true);
  });

  it("needs an organisation for organisation actions", () => {
    expect(can(actor("OWNER"), "draft.edit")).toBe(false);
  });
});
