import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The API reference page's renderer: Scalar's standalone browser bundle (@scalar/api-reference,
 * MIT), served from our own origin, followed by the few lines that mount it on the page. No CDN, no
 * fonts or services from elsewhere: the page's CSP (`connect-src 'self'`) would refuse them anyway.
 */
export const scalarVersion = "1.72.1";

// Mounts the reference into #parley-api-reference, reading the document's URL and the reader's language
// and direction from its data-document, data-locale and data-dir attributes (Scalar has its own UI translations).
const mount = `
;(function () {
  // Not "api-reference": the bundle mounts a second, unconfigured reference on an element with that id.
  var el = document.getElementById("parley-api-reference");
  if (!el || !window.Scalar) return;
  window.Scalar.createApiReference(el, {
    url: el.getAttribute("data-document"),
    localization: { locale: el.getAttribute("data-locale") || "en", direction: el.getAttribute("data-dir") || "auto" },
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    hideTestRequestButton: true,
    hideDarkModeToggle: true,
    forceDarkModeState: "light",
    showDeveloperTools: "never",
    agent: { disabled: true },
    mcp: { disabled: true },
    documentDownloadType: "none",
    defaultOpenAllTags: true
  });
})();
`;

/**
 * The bundle declares its Inter and mono fonts with @font-face rules on fonts.scalar.com, which the
 * browser fetches as soon as the text uses them (withDefaultFonts: false does not stop it here) and
 * our CSP refuses. Without those rules the reference uses the next fonts in its stacks, local ones.
 */
export function withoutRemoteFonts(bundle: string): string {
  return bundle.replace(/@font-face\s*\{[^}]*fonts\.scalar\.com[^}]*\}/g, "");
}

let cached: Promise<string> | null = null;

/** The bundle and its mount code as one script (read from node_modules once per process). */
export function referenceScript(): Promise<string> {
  cached ??= readFile(path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js"), "utf8").then((bundle) => `${withoutRemoteFonts(bundle)}\n${mount}`);
  return cached;
}
