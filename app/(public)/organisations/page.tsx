import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { listOrganisations } from "@/lib/orgs/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("org"))("listTitle") };
}

export default async function OrganisationsPage() {
  const [t, orgs] = await Promise.all([getTranslations("org"), listOrganisations()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("listTitle")}</h1>
      <p>{t("listLead")}</p>
      {orgs.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {orgs.map((org) => (
            <li key={org.slug} className="card flex flex-col gap-2">
              <h2 className="text-xl font-bold">
                <Link className="link" href={`/organisations/${org.slug}`}>
                  {org.name}
                </Link>
              </h2>
              <p>{org.description}</p>
              <p className="text-sm text-muted">{t("consultations", { count: org._count.drafts })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
