import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets parallel builds (several engineers' e2e runs on one machine) use separate output directories.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WASM and data files by path; bundling it breaks them (see STACK.md).
  serverExternalPackages: ["@electric-sql/pglite", "pino", "prom-client"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // Not on the sign-in link: its redirect says no-referrer, so the token in its URL is never sent anywhere.
        source: "/((?!auth/arcadia).*)",
        headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }],
      },
    ];
  },
};

export default nextConfig;
