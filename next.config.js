import createNextIntlPlugin from "next-intl/plugin";
import { API_CONTENT_SECURITY_POLICY } from "./lib/http/security-headers.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Large drafts are checked by our own validation (1,000,000 characters, with a clear message);
  // the transport limit sits above it so an oversized body reaches that check instead of failing.
  experimental: { serverActions: { bodySizeLimit: "41mb" } },
  // Native and server-only packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "unpdf"],
  async headers() {
    return [
      {
        // Every page but the embeddable survey may not be framed by other sites.
        source: "/((?!s/[^/]+/embed).*)",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        source: "/s/:slug/embed",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // Pages get their Content-Security-Policy (with a per-render script nonce) from proxy.ts;
        // API responses are data (next-auth's own fallback pages need only inline styles).
        // Attachment downloads set their own, stricter one (sandbox; lib/attachments/attachment-response.ts):
        // Next keeps a header set here over the route's, so they are left out.
        source: "/api/:path((?!v1/attachments/).*)",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
