// The background worker on its own (`npm run worker`): for machines that run it apart from the web
// processes (set PARLEY_WORKER=0 on those), and for the durability tests that kill it mid-send.
import { startWorker } from "./worker";

// The queue's timers do not keep a process alive by themselves; here this one does.
const keepAlive = setInterval(() => {}, 60_000);
startWorker().then(
  (stop) => {
    console.log("[jobs] worker started");
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.once(signal, () => {
        clearInterval(keepAlive);
        void stop().finally(() => process.exit(0));
      });
  },
  (error) => {
    console.error("[jobs] worker could not start:", error);
    process.exit(1);
  },
);
