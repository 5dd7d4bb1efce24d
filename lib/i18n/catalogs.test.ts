import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultLocale, locales } from "./config";
import { mergeCatalogs } from "./load-messages";

type Tree = { [key: string]: string | Tree };

// Every catalog file: the core one and one per domain folder (see load-messages.ts).
const messagesDir = path.join(import.meta.dirname, "messages");
const parts = ["", ...readdirSync(messagesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)];

function load(locale: string): Tree {
  return mergeCatalogs(...parts.map((part) => JSON.parse(readFileSync(path.join(import.meta.dirname, "messages", part, `${locale}.json`), "utf8")) as Tree));
}

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

// Simple argument names ({name}, {count, plural, …}); plural branch bodies are not arguments.
function argumentNames(message: string): string[] {
  return [...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,|\})/g)].map((m) => m[1]!).sort();
}

const reference = leaves(load(defaultLocale));

describe("message catalogs", () => {
  it("has a non-trivial English catalog", () => {
    expect(reference.size).toBeGreaterThan(100);
  });

  for (const locale of locales.filter((l) => l !== defaultLocale)) {
    describe(locale, () => {
      const catalog = leaves(load(locale));

      it("has every key of the English catalog and no extra ones", () => {
        const missing = [...reference.keys()].filter((k) => !catalog.has(k));
        const extra = [...catalog.keys()].filter((k) => !reference.has(k));
        expect(missing, `missing in ${locale}`).toEqual([]);
        expect(extra, `unknown in ${locale}`).toEqual([]);
      });

      it("has no empty messages and keeps every placeholder", () => {
        for (const [key, english] of reference) {
          const translated = catalog.get(key);
          if (translated === undefined) continue;
          expect(translated.trim(), `${locale}:${key} is empty`).not.toBe("");
          expect(new Set(argumentNames(translated)), `${locale}:${key} placeholders`).toEqual(new Set(argumentNames(english)));
        }
      });
    });
  }
});
