import "server-only";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

// One registry per process, kept on globalThis so dev-mode reloads do not register the same metric twice.
const g = globalThis as unknown as { __arcadiaMetrics?: ReturnType<typeof createMetrics> };

function createMetrics() {
  const registry = new Registry();
  const httpRequests = new Counter({
    name: "arcadia_http_requests_total",
    help: "HTTP requests answered, by route, method and status",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "arcadia_http_request_duration_seconds",
    help: "HTTP request latency, by route, method and status",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: "arcadia_job_runs_total",
    help: "Job runs, by job and outcome",
    labelNames: ["job", "outcome"] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "arcadia_job_duration_seconds",
    help: "Job run duration, by job and outcome",
    labelNames: ["job", "outcome"] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [registry],
  });
  const doRequests = new Counter({
    name: "arcadia_do_requests_total",
    help: "Requests made to the DigitalOcean API, by status",
    labelNames: ["status"] as const,
    registers: [registry],
  });
  const doRateLimited = new Counter({
    name: "arcadia_do_rate_limited_total",
    help: "DigitalOcean API responses that were 429 Too Many Requests",
    registers: [registry],
  });
  const lastSyncAge = new Gauge({
    name: "arcadia_inventory_last_sync_age_seconds",
    help: "Seconds since the last successful inventory sync, by kind",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const invoiceLines = new Counter({
    name: "arcadia_invoice_lines_ingested_total",
    help: "Invoice CSV lines ingested",
    registers: [registry],
  });
  const signInFailures = new Counter({
    name: "arcadia_sign_in_failures_total",
    help: "Password sign-ins refused for a wrong email or password",
    registers: [registry],
  });
  const signInLockouts = new Counter({
    name: "arcadia_sign_in_lockouts_total",
    help: "Sign-in lockouts after repeated failures, by what was locked (account or ip)",
    labelNames: ["scope"] as const,
    registers: [registry],
  });
  /** Resolved label sets of the two HTTP metrics, by "method status route" (see `httpMetricsFor`). */
  const httpSeries = new Map<string, { observe(seconds: number): void }>();
  return { registry, httpRequests, httpDuration, httpSeries, jobRuns, jobDuration, doRequests, doRateLimited, lastSyncAge, invoiceLines, signInFailures, signInLockouts };
}

export function metrics() {
  g.__arcadiaMetrics ??= createMetrics();
  return g.__arcadiaMetrics;
}

/**
 * The request counter and latency histogram of one (route, method, status), resolved once: prom-client would otherwise
 * hash the labels on every request, twice.
 */
export function httpMetricsFor(route: string, method: string, status: number) {
  const m = metrics();
  const key = `${method} ${status} ${route}`;
  let series = m.httpSeries.get(key);
  if (!series) {
    const labels = { route, method, status: String(status) };
    const [count, duration] = [m.httpRequests.labels(labels), m.httpDuration.labels(labels)];
    series = {
      observe(seconds) {
        count.inc();
        duration.observe(seconds);
      },
    };
    if (m.httpSeries.size < 1000) m.httpSeries.set(key, series); // routes are templates; the cap is a second guard
  }
  return series;
}
