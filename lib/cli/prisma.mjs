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
const child = spawn(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
  env,
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
