// The pages every check that walks "all pages" uses (axe in e2e/accessibility.spec.ts, page width at
// 360 px in e2e/phone-layout.spec.ts), from the demo seed (prisma/seed/demo.ts).
import { demoAccounts, demoPassword } from "../../prisma/seed/demo-accounts";

/** Pages anyone can open. */
export const publicPages = [
  "/",
  "/organisations",
  "/organisations/global-digital-policy-forum",
  "/drafts",
  "/drafts?q=participation",
  "/drafts/GDPF-RFC-2026-004",
  "/drafts/GDPF-RFC-2026-004/versions/0",
  "/drafts/GDPF-RFC-2026-004/diff?from=0&to=1",
  "/drafts/GDPF-RFC-2026-004/p/p-2.1",
  "/drafts/GDPF-RFC-2026-004/p/general",
  "/drafts/GDPF-RFC-2026-003",
  "/drafts/GDPF-RFC-2026-003/summary",
  "/code-of-conduct",
  "/s/future-we-want",
  "/s/future-we-want/embed",
  "/s/future-we-want/results",
  "/unsubscribe?u=x&t=y",
  "/signin",
  "/signin/check-email",
  "/register",
  "/forgot-password",
  "/reset-password?token=abc",
  "/verify-email?token=abcdefghijklmnopqrstuvwxyz",
  "/verify-email?error=invalid",
  "/no-such-page",
];

/** The demo organisation's owner (every organisation page is open to them). */
export const demoOwner = { email: demoAccounts.owner, password: demoPassword };

/** Pages of the demo organisation's staff, opened as its owner. */
export const staffPages = [
  "/profile",
  "/notifications",
  "/organisations/global-digital-policy-forum/drafts/new",
  "/organisations/global-digital-policy-forum/moderation",
  "/organisations/global-digital-policy-forum/moderation/hidden",
  "/organisations/global-digital-policy-forum/moderation/suspended",
  "/organisations/global-digital-policy-forum/audit-log",
  "/organisations/global-digital-policy-forum/surveys",
  "/organisations/global-digital-policy-forum/undeliverable-emails",
  "/drafts/GDPF-RFC-2026-004/manage",
  "/drafts/GDPF-RFC-2026-004/edit",
  "/drafts/GDPF-RFC-2026-003/workspace",
  // Voting deck (lib/deck)
  "/drafts/GDPF-RFC-2026-004/vote",
];
