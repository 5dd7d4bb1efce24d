// Next.js runs register() once when a server process starts. Each process runs the background worker
// (lib/jobs/worker.ts): outbox emails, scheduled opening and closing, analysis runs. Their state is in
// PostgreSQL, so any number of processes can run it; PARLEY_WORKER=0 leaves it to other processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.PARLEY_WORKER === "0") return;
  const { startWorker } = await import("@/lib/jobs/worker");
  startWorker();
}
