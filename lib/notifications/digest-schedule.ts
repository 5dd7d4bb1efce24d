/**
 * When digests are due. A daily digest goes out at DIGEST_HOUR_UTC every day, a weekly one at that
 * hour on Mondays; each holds every item recorded before that moment and not yet sent. An item
 * recorded after the moment waits for the next one, so a follower never gets more than one digest
 * per period per draft. Users have no time zone of their own in Parley, so the hour is UTC for
 * everyone (the email's text and dates follow the recipient's language).
 */
export type DigestBoundaries = { daily: Date; weekly: Date };

/**
 * The latest daily and weekly due moments at or before `now`.
 * @param hourUtc 0–23
 */
export function digestBoundaries(now: Date, hourUtc: number): DigestBoundaries {
  const daily = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (daily > now) daily.setUTCDate(daily.getUTCDate() - 1);
  // getUTCDay: 0 Sunday … 6 Saturday; days back to the latest Monday.
  const weekly = new Date(daily);
  weekly.setUTCDate(weekly.getUTCDate() - ((weekly.getUTCDay() + 6) % 7));
  return { daily, weekly };
}
