// Next.js runs register() once when a server process starts. Each process runs the background worker
// (lib/jobs/worker.ts, pg-boss workers): outbox emails, periodic jobs, analysis runs. Their state is in
// PostgreSQL, so any number of processes can run it; PARLEY_WORKER=0 leaves it to other processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.PARLEY_WORKER === "0") return;
  const { startWorker } = await import("@/lib/jobs/worker");
  // A database that is down at start must not stop the server: the worker tries again, backing off to 30 s.
  const start = (retryMs: number) =>
    startWorker().catch((error) => {
      console.error(`[jobs] background worker not started (retrying in ${retryMs / 1000} s):`, error?.message ?? error);
      setTimeout(() => void start(Math.min(retryMs * 2, 30_000)), retryMs).unref();
    });
  await start(1_000);
}
