import { exportContributionsResponse } from "@/lib/receipts/export-contributions";

/** GET /profile/contributions.json[?consultation=REF] — the signed-in participant's own contributions, as a download. */
export async function GET(request: Request) {
  return exportContributionsResponse(request);
}
