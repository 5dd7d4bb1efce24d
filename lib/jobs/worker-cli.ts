// The background worker on its own (`npm run worker`): for machines that run it apart from the web
// processes (set PARLEY_WORKER=0 on those), and for the durability tests that kill it mid-send.
import { startWorker } from "./worker";

startWorker();
console.log("[jobs] worker started");
// startWorker's timer does not keep a web server alive by itself; here this one does.
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    clearInterval(keepAlive);
    process.exit(0);
  });
