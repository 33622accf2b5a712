/**
 * The environment the e2e server runs with. scripts/test-all.sh prepares a fresh database (E2E_DATABASE_URL on the
 * PostgreSQL server, or a fresh PGlite directory) before Playwright starts the server.
 */
export const e2eAdmin = { email: "e2e-admin@example.com", password: "e2e-admin-password-123" };

const databaseUrl = process.env.E2E_DATABASE_URL;

/** The fake DigitalOcean API the e2e server talks to: the demo account, as `npm run demo` serves it. */
export const e2eFakeDo = { port: process.env.E2E_FAKE_DO_PORT ?? "4110", token: "e2e-do-token" };

/** The one origin the e2e server lets call /api/v1 from a browser. */
export const e2eCorsOrigin = "https://app.arcadia.example";

export const e2eEnv: Record<string, string> = {
  PORT: process.env.E2E_PORT ?? "3100",
  NODE_ENV: "production",
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e" }),
  ARCADIA_JWT_SECRET: "e2e-arcadia-secret-0123456789abcdef0123456789abcdef",
  // Production refuses to start without an issuer to check.
  ARCADIA_JWT_ISSUER: "arcadia-app",
  NEXTAUTH_SECRET: "e2e-nextauth-secret-0123456789abcdef0123456789abcdef",
  NEXTAUTH_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}`,
  ADMIN_EMAIL: e2eAdmin.email,
  ADMIN_PASSWORD: e2eAdmin.password,
  LOG_LEVEL: "warn",
  DO_API_URL: `http://127.0.0.1:${e2eFakeDo.port}`,
  DO_API_TOKEN: e2eFakeDo.token,
  // The fake DO also serves the demo's ECB-format reference rates (fetch-fx-rates).
  FX_RATES_URL: `http://127.0.0.1:${e2eFakeDo.port}/ecb/eurofxref-hist.xml`,
  ARCADIA_DEMO: "1",
  CORS_ORIGINS: e2eCorsOrigin,
  // notifications.spec.ts registers a webhook receiver it runs on 127.0.0.1.
  WEBHOOK_ALLOW_PRIVATE: "1",
  // Provisioning against the fake DO, as the demo runs it (operations.spec.ts approves a request and follows its saga).
  PROVISIONING_ENABLED: "1",
  PROVISIONING_POLL_INTERVAL_MS: "500",
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
};
