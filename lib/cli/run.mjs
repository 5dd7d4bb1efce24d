// Small process helpers shared by the CLI launchers.
import { spawn } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

/** Runs a command with inherited output; resolves on exit 0, rejects otherwise. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: root, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

export const node = process.execPath;
export const bin = {
  prisma: [path.join(root, "lib/cli/prisma.mjs")],
  next: [path.join(root, "node_modules/next/dist/bin/next")],
  // Server-only modules are importable by scripts under the react-server export condition.
  tsx: ["--conditions=react-server", "--import", "tsx"],
};
