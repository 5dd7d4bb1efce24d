import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { getOrganisationPage } from "@/lib/orgs/queries";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const data = await getOrganisationPage((await params).slug, null);
  return data ? { title: data.org.name, alternates: { types: { "application/atom+xml": `/organisations/${data.org.slug}/feed.atom` } } } : {};
}

export default async function OrganisationPage({ params }: Params) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const data = await getOrganisationPage(slug, user);
  if (!data) notFound();
  const tEditor = await getTranslations("orgDrafts");
  const [t, ts, tr] = await Promise.all([getTranslations("org"), getTranslations("status"), getTranslations("roles")]);
  const { org, drafts, members } = data;
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{org.name}</h1>
        <p className="max-w-3xl text-lg">{org.description}</p>
        {org.website ? (
          <p>
            <span className="font-semibold">{t("website")}: </span>
            <a className="link" href={org.website} rel="noopener noreferrer">
              {org.website}
            </a>
          </p>
        ) : null}
      </header>
      <section aria-labelledby="drafts-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="drafts-heading" className="text-xl font-semibold">
            {t("drafts")}
          </h2>
          <p className="flex flex-wrap gap-3">
            {can(user, "draft.create", { organisationId: org.id }) ? (
              <Link className="btn-primary" href={`/organisations/${org.slug}/drafts/new`}>
                {tEditor("new")}
              </Link>
            ) : null}
            {can(user, "moderation.act", { organisationId: org.id }) ? (
              <Link className="link" href={`/organisations/${org.slug}/moderation`}>
                {tEditor("moderation")}
              </Link>
            ) : null}
            <Link className="link" href={`/organisations/${org.slug}/surveys`}>
              {tEditor("surveys")}
            </Link>
            <a className="link" href={`/organisations/${org.slug}/feed.atom`}>
              {tEditor("feed")}
            </a>
          </p>
        </div>
        {drafts.length === 0 ? (
          <p>{t("noDrafts")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {drafts.map((d) => (
              <li key={d.reference} className="card flex flex-wrap items-baseline justify-between gap-2">
                <Link className="link font-semibold" href={`/drafts/${encodeURIComponent(d.reference)}`}>
                  {d.title}
                </Link>
                <span className="text-sm text-muted">
                  <span className="font-mono">{d.reference}</span> · {ts(d.status)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {members ? (
        <section aria-labelledby="members-heading" className="flex flex-col gap-3">
          <h2 id="members-heading" className="text-xl font-semibold">
            {t("members")}
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-start">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2 text-start">
                    {t("name")}
                  </th>
                  <th scope="col" className="py-2 text-start">
                    {t("email")}
                  </th>
                  <th scope="col" className="py-2 text-start">
                    {t("role")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.user.email} className="border-b border-line">
                    <td className="py-2">{m.user.name}</td>
                    <td className="py-2">{m.user.email}</td>
                    <td className="py-2">{tr(m.role)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
