import type { OrgRole } from "@/lib/generated/prisma/enums";

/**
 * The one place that answers "may this user do X to Y". Every server action and route handler asks
 * here (through assertCan) before it reads private data or writes anything.
 */
export type Actor = {
  id: string;
  isPlatformAdmin: boolean;
  suspendedAt: Date | null;
  memberships: ReadonlyArray<{ organisationId: string; role: OrgRole }>;
};

export type Action =
  | "profile.edit"
  | "org.create"
  | "org.edit"
  | "org.manageMembers"
  | "org.viewMembers"
  | "org.viewAuditLog"
  | "draft.create"
  /** Preview Markdown as it would be published: anyone who may create drafts in some organisation. */
  | "draft.preview"
  | "draft.edit"
  | "draft.viewPrivate"
  | "moderation.act"
  /** Analyse responses, edit themes, record dispositions, import, publish the summary. */
  | "summary.manage"
  | "comment.flag"
  /** Create, edit, open and close the organisation's surveys; preview unpublished ones. */
  | "survey.manage"
  /** Read a survey's results when they are not public, and export its responses. */
  | "survey.viewResults"
  /** Accept or reject anonymous answers held for review (past the per-address soft threshold). */
  | "survey.reviewHeld"
  | "admin.access"
  | "user.suspend";

export type Resource = { organisationId?: string; userId?: string };

const orgRoleGrants: Record<OrgRole, ReadonlySet<Action>> = {
  OWNER: new Set<Action>([
    "org.edit",
    "org.manageMembers",
    "org.viewMembers",
    "org.viewAuditLog",
    "draft.create",
    "draft.edit",
    "draft.viewPrivate",
    "moderation.act",
    "summary.manage",
    "survey.manage",
    "survey.viewResults",
    "survey.reviewHeld",
  ]),
  EDITOR: new Set<Action>(["org.viewMembers", "draft.create", "draft.edit", "draft.viewPrivate", "summary.manage", "survey.manage", "survey.viewResults", "survey.reviewHeld"]),
  MODERATOR: new Set<Action>(["org.viewMembers", "draft.viewPrivate", "moderation.act", "summary.manage", "survey.viewResults", "survey.reviewHeld"]),
};

export function roleIn(actor: Actor, organisationId: string): OrgRole | null {
  return actor.memberships.find((m) => m.organisationId === organisationId)?.role ?? null;
}

export function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
  if (!actor || actor.suspendedAt) return false;
  if (actor.isPlatformAdmin) return true;
  switch (action) {
    case "profile.edit":
      return resource.userId === actor.id;
    case "draft.preview":
      return actor.memberships.some((m) => orgRoleGrants[m.role].has("draft.create"));
    case "comment.flag":
      return true;
    case "org.create":
    case "admin.access":
    case "user.suspend":
      return false;
    default: {
      if (!resource.organisationId) return false;
      const role = roleIn(actor, resource.organisationId);
      return role !== null && orgRoleGrants[role].has(action);
    }
  }
}
