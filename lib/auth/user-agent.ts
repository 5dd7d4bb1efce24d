/**
 * A short, human summary of a User-Agent header for the sessions list ("Firefox on Windows").
 * Only the browser family and operating system are kept; the raw header (with its version numbers
 * and fingerprinting detail) is never stored. Order matters: Edge and Opera also claim "Chrome",
 * and Chrome also claims "Safari".
 *
 * @returns "<browser> on <system>", or null for a missing header.
 */
export function summariseUserAgent(header: string | null | undefined): string | null {
  if (!header) return null;
  const ua = header.slice(0, 512);
  const browser =
    /Edg(e|A|iOS)?\//.test(ua) ? "Edge"
    : /OPR\/|Opera/.test(ua) ? "Opera"
    : /Firefox\/|FxiOS\//.test(ua) ? "Firefox"
    : /Chrome\/|CriOS\/|Chromium\//.test(ua) ? "Chrome"
    : /Safari\//.test(ua) ? "Safari"
    : /curl\//i.test(ua) ? "curl"
    : "Browser";
  const system =
    /Android/.test(ua) ? "Android"
    : /iPhone|iPad|iPod/.test(ua) ? "iOS"
    : /Windows/.test(ua) ? "Windows"
    : /Mac OS X|Macintosh/.test(ua) ? "macOS"
    : /CrOS/.test(ua) ? "ChromeOS"
    : /Linux|X11/.test(ua) ? "Linux"
    : null;
  return system ? `${browser} on ${system}` : browser;
}
