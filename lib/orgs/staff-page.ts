import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { getOrganisationPage } from "./queries";

/**
 * What an organisation's paginated staff page (moderation lists, audit log) needs before it renders:
 * the signed-in user (else a redirect to sign-in that comes back to `path`), the organisation (else
 * 404), the page number from `?page` (1…100 000; anything else is 1), and what `load` returns for
 * them. `load` answers null when the user may not see the list, which is a 404 as well.
 */
export async function loadStaffList<T>(
  slug: string,
  path: string,
  searchParams: Promise<{ page?: string }>,
  load: (organisationId: string, user: CurrentUser, page: number) => Promise<T | null>,
): Promise<{ user: CurrentUser; organisationId: string; list: T }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  const org = await getOrganisationPage(slug, user);
  if (!org) notFound();
  const page = Math.max(1, Math.min(100_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const list = await load(org.org.id, user, page);
  if (!list) notFound();
  return { user, organisationId: org.org.id, list };
}
