import { getTranslations } from "next-intl/server";

/**
 * The open-data downloads of a consultation (comments.csv, comments.json, the Pol.is files) and
 * their licence. Shown on the draft page and the published summary once available.
 */
export async function OpenDataLinks({ reference, licence, licenceUrl }: { reference: string; licence: string; licenceUrl: string | null }) {
  const t = await getTranslations("discussion.openData");
  const base = `/drafts/${encodeURIComponent(reference)}`;
  return (
    <aside className="card flex flex-col gap-2" aria-labelledby="open-data-heading" data-testid="open-data">
      <h2 id="open-data-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm">{t("lead")}</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-2">
        <li>
          <a className="link" href={`${base}/comments.csv`} download>
            {t("csv")}
          </a>
        </li>
        <li>
          <a className="link" href={`${base}/comments.json`} download>
            {t("json")}
          </a>
        </li>
        <li>
          <a className="link" href={`${base}/polis/comments.csv`} download>
            {t("polisComments")}
          </a>
        </li>
        <li>
          <a className="link" href={`${base}/polis/votes.csv`} download>
            {t("polisVotes")}
          </a>
        </li>
      </ul>
      <p className="text-sm" data-testid="open-data-licence">
        {t("licence")}{" "}
        {licenceUrl ? (
          <a className="link" href={licenceUrl} rel="license">
            <bdi>{licence}</bdi>
          </a>
        ) : (
          <bdi>{licence}</bdi>
        )}
      </p>
    </aside>
  );
}
