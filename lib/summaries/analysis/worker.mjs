// Runs the summary analysis in a worker thread, off the web server's event loop. Loaded by
// lib/summaries/run-analysis.ts; compiles the TypeScript analysis on the fly with tsx.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { summarise } = await tsImport("./summarise.ts", import.meta.url);
let last = 0;
const result = summarise(workerData.input, workerData.existing, workerData.settings, (step, fraction) => {
  const now = Date.now();
  if (now - last > 250 || fraction >= 1) {
    last = now;
    parentPort.postMessage({ type: "progress", step, fraction });
  }
});
parentPort.postMessage({ type: "done", result });
