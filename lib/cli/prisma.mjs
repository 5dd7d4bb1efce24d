#!/usr/bin/env node
// Runs the Prisma CLI with the project's offline schema engine (prisma/engine/schema-engine.mjs)
// instead of the native binary Prisma would otherwise try to download.
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "./run.mjs";

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "prisma/engine/schema-engine.mjs"),
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const args = process.argv.slice(2);

function runPrisma() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
      stdio: ["inherit", "pipe", "pipe"],
      cwd: root,
      env,
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on("data", (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

let result = await runPrisma();
// `migrate dev` on a database it has just created applies the migrations, then the wasm engine
// refuses the shadow-database step in that same run; a second run (database now up to date) works.
if (result.code !== 0 && args[0] === "migrate" && args[1] === "dev" && result.output.includes("shadow DB must be provided through an external factory")) {
  console.error("[prisma] the database was new: running `migrate dev` once more for the shadow-database step");
  result = await runPrisma();
}
process.exit(result.code);
