import { z } from "zod";

// The one place that reads process.env. Parsed once, on first use, so `next build` (which imports route modules
// without a runtime environment) never needs secrets; the server's instrumentation hook calls `env()` at start-up so a
// missing variable stops the app immediately with its name.

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const jwtAlgorithm = z.enum(["HS256", "HS384", "HS512"]);

const durationUnits = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** Seconds, written as a number of seconds or with a unit: `3600`, `90m`, `12h`, `30d`. */
const durationSeconds = z
  .string()
  .trim()
  .regex(/^\d+[smhd]?$/, "must be a duration such as 3600, 90m, 12h or 30d")
  .transform((v) => {
    const unit = v.at(-1) as keyof typeof durationUnits;
    return unit in durationUnits ? Number(v.slice(0, -1)) * durationUnits[unit] : Number(v);
  });

/** Everything but the two secrets the web server needs: command-line jobs parse only this. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default(".data"),
  /** How long a new PostgreSQL connection may take before the request fails (503) instead of hanging. */
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(5),
  /** Bounds each statement of the web server's pool; 0 turns it off. Migrations and `npm run job` are not bounded. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().nonnegative().default(30_000),
  ARCADIA_JWT_ISSUER: optionalString,
  ARCADIA_JWT_AUDIENCE: optionalString,
  // `none` and asymmetric algorithms are not accepted: the enum only knows HMAC.
  ARCADIA_JWT_ALGORITHMS: csv.pipe(z.array(jwtAlgorithm)).transform((a) => (a.length ? a : (["HS512"] as const))),
  NEXTAUTH_URL: optionalString,
  ADMIN_EMAIL: optionalString,
  ADMIN_PASSWORD: optionalString,
  DO_API_TOKEN: optionalString,
  DO_API_URL: z.string().url().default("https://api.digitalocean.com"),
  /** Set by `npm run demo` when it runs the app against the bundled fake DO account. */
  ARCADIA_DEMO: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_DEV: optionalString,
  CORS_ORIGINS: csv,
  METRICS_TOKEN: optionalString,
  /** Request and job metrics for /api/metrics (default on). */
  METRICS_ENABLED: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v !== "0" && v !== "false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TENANT_TAG_PREFIX: z.string().default("tenant:"),
  /** A Spaces access key (DO's S3-compatible API), optional: with both halves set the inventory lists Spaces buckets. */
  SPACES_ACCESS_KEY_ID: optionalString,
  SPACES_SECRET_ACCESS_KEY: optionalString,
  /** The Spaces regions whose buckets are listed. */
  SPACES_REGIONS: csv
    .pipe(z.array(z.string().regex(/^[a-z]{3}\d$/, "must be Spaces region slugs such as syd1,sgp1")))
    .transform((a) => (a.length ? a : ["syd1", "sgp1", "nyc3", "ams3", "fra1", "sfo3"])),
  /** One endpoint for every region instead of `https://<region>.digitaloceanspaces.com` (a local S3-compatible server). */
  SPACES_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  REPORTING_CURRENCY: z.string().length(3).default("AUD"),
  /** Reference rates in the ECB's XML format for the daily fetch-fx-rates job; set by the operator, http(s) only. */
  FX_RATES_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .default("https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist-90d.xml"),
  /** Webhook URLs may point at private, loopback and link-local addresses (development and tests only). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  /**
   * Encrypts stored webhook signing secrets; without it they are encrypted with a key derived from NEXTAUTH_SECRET
   * (read here as well, optional, so `npm run job -- deliver-notifications` can sign).
   */
  /** The email channel's SMTP server, e.g. smtp://user:pass@mail.example.com:587 (never logged). */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  /** The From of notification mail. */
  NOTIFY_FROM: optionalString,
  WEBHOOK_SECRET_KEY: z.string().min(32, "WEBHOOK_SECRET_KEY must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: optionalString,
  /** Provisioning sagas may change DigitalOcean (create, resize, delete droplets): nothing reaches DO without it. */
  PROVISIONING_ENABLED: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  /** Runs every saga step but the DO calls, which are recorded as what would have been sent. */
  PROVISIONING_DRY_RUN: z.enum(["0", "1", "true", "false"]).optional().transform((v) => v === "1" || v === "true"),
  /** A request adding more than this many US dollars a month to DO's bill waits for an admin's approval. */
  PROVISIONING_APPROVAL_THRESHOLD_USD: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, "must be an amount such as 200 or 49.50")
    .transform((v) => Math.round(Number(v) * 100))
    .default(200_00),
  /** The DO project new droplets are assigned to; unset leaves them in the account's default project. */
  PROVISIONING_PROJECT_ID: optionalString,
  /** How often a saga polls `GET /v2/actions/{id}` while DO works (DO's actions take seconds to minutes). */
  PROVISIONING_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  /** How long a saga waits for one DO action before it gives up (and compensates). */
  PROVISIONING_ACTION_TIMEOUT_SECONDS: durationSeconds.default(15 * 60),
  /** A `running` job or sync run whose heartbeat is older than this is taken to have died with its process. */
  JOB_HEARTBEAT_TIMEOUT_SECONDS: durationSeconds.default(300),
  /** The cost anomaly rule (lib/costs/detect-cost-anomaly.ts): a month more than this percent above its trailing median… */
  COST_ANOMALY_MIN_PCT: z.coerce.number({ error: "must be a number of percent, e.g. 50" }).min(0).max(100_000).default(50),
  /** …and more than this many dollars (of the lines' currency, US dollars for DO) above it, to the cent. */
  COST_ANOMALY_MIN_USD: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,2})?$/, "must be an amount such as 100 or 12.50")
    .transform(Number)
    .default(100),
});

export const envSchema = baseEnvSchema
  .extend({
  ARCADIA_JWT_SECRET: z
    .string({ error: "ARCADIA_JWT_SECRET is required: the shared secret arcadia-app signs its JWTs with" })
    .min(32, "ARCADIA_JWT_SECRET must be at least 32 characters"),
  NEXTAUTH_SECRET: z
    .string({ error: "NEXTAUTH_SECRET is required: it encrypts browser sessions" })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    /** Ceiling on an arcadia-app token's lifetime (exp - iat, or exp - now without iat). */
    ARCADIA_JWT_MAX_TTL: durationSeconds.default(30 * 86_400),
  })
  // Without an issuer check, a token signed with the shared secret for any other purpose would be accepted.
  .refine((e) => e.NODE_ENV !== "production" || e.ARCADIA_JWT_ISSUER !== undefined, {
    path: ["ARCADIA_JWT_ISSUER"],
    message: "ARCADIA_JWT_ISSUER is required in production: the iss arcadia-app puts in its tokens",
  });

export type Env = z.infer<typeof envSchema>;
export type BaseEnv = z.infer<typeof baseEnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

function parseWith<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  // An empty value (`FOO=` copied from .env.example) means unset.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

let cachedBase: BaseEnv | undefined;

/** For command-line scripts, which never verify tokens or sessions (scripts/cli.ts loads the .env files first). */
export function cliEnv(): BaseEnv {
  cachedBase ??= parseWith(baseEnvSchema, process.env);
  return cachedBase;
}

/** Tests change process.env between cases; this drops the cached parse. */
export function resetEnvCache(): void {
  cached = undefined;
  cachedBase = undefined;
}
