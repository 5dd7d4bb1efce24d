// Security headers shared by next.config.js (what Next adds to its responses) and the server entry
// (lib/server/serve.ts, for the API responses it answers itself without Next). Plain JavaScript:
// next.config.js imports it.

/** The Content-Security-Policy of API responses: data, plus inline styles for next-auth's own fallback pages. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";
