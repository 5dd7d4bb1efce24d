import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespaces, pickClientMessages } from "./client-messages";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const clientFiles = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir))).filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));

describe("messages sent to the browser", () => {
  it("cover every namespace a client component reads", () => {
    expect(clientFiles.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of clientFiles) {
      const source = readFileSync(file, "utf8");
      const calls = [...source.matchAll(/useTranslations\(([^)]*)\)/g)].map((m) => m[1]!.trim());
      for (const argument of calls) {
        const literal = /^["']([A-Za-z0-9_.]+)["']$/.exec(argument)?.[1];
        if (!literal) {
          missing.push(`${path.relative(root, file)}: useTranslations(${argument}) (name the namespace literally)`);
          continue;
        }
        if (!clientNamespaces.some((ns) => literal === ns || literal.startsWith(`${ns}.`))) missing.push(`${path.relative(root, file)}: "${literal}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("keeps the shape of the picked namespaces and leaves the rest out", () => {
    const messages = { a: { x: "1", y: { z: "2" } }, b: { c: { d: "3" }, e: "4" }, f: "5" };
    expect(pickClientMessages(messages, ["a", "b.c", "missing.path"])).toEqual({ a: { x: "1", y: { z: "2" } }, b: { c: { d: "3" } } });
  });
});
