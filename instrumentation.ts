// Next.js runs register() once when a server process starts. Parley uses it for the one piece of
// background work the drafts need: opening and closing consultations at their set times.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDraftScheduler } = await import("@/lib/drafts/draft-scheduler");
  startDraftScheduler();
}
