import "server-only";
import { DoApiError, DoRateLimitedError, DoTokenRejectedError } from "./errors";
import { doErrorBodySchema } from "./schemas";

export type DoMethod = "GET" | "POST" | "DELETE";

export type DoRequestEvent = {
  method: DoMethod;
  /** Path and query relative to the API origin, e.g. `/v2/droplets?page=2&per_page=200`. */
  path: string;
  /** HTTP status, or 0 when no response arrived (network error or timeout). */
  status: number;
  durationMs: number;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** DO's `ratelimit-remaining` and `ratelimit-reset` (as ms since the epoch), when the response carried them. */
  rateLimit?: { remaining: number; resetAtMs: number };
};

export type SendRequestConfig = {
  token: string;
  /** Base URL without a trailing slash, e.g. `https://api.digitalocean.com`. */
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxRateLimitWaitMs: number;
  fetchImpl: typeof fetch;
  onRequest?: (event: DoRequestEvent) => void;
};

export type DoResponse = { status: number; headers: Headers; body: string; /** Parsed body, for JSON requests (null when empty, as a 204's). */ json?: unknown };

/** A write: its method and JSON body. */
export type DoWrite = { method: "POST" | "DELETE"; body?: unknown };

type AttemptOutcome = { ok: true; response: DoResponse } | { ok: false; timedOut: boolean; cause: unknown };

/**
 * One request with DO's failure rules: 429 waits for `retry-after`/`ratelimit-reset` (capped), 5xx, network errors and (for
 * JSON) a 2xx body that is not JSON back off exponentially with full jitter, 401/403 fail at once, any other status
 * throws. Returns 2xx responses only, with `json` parsed when `accept` is JSON.
 *
 * A POST is retried only after a 429 (DO refused it unread): after a 5xx or a lost connection DO may have acted on it,
 * and DO has no idempotency key, so the caller decides (a saga looks for what it may have created). DELETE is
 * idempotent and retried like a GET.
 */
export async function sendRequest(config: SendRequestConfig, path: string, accept: string, write?: DoWrite): Promise<DoResponse> {
  const wantsJson = accept === "application/json";
  const method: DoMethod = write?.method ?? "GET";
  const isRetriedLikeRead = method !== "POST";
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const outcome = await sendAttempt(config, path, accept, write);
    const status = outcome.ok ? outcome.response.status : 0;
    const rateLimit = outcome.ok ? readRateLimit(outcome.response.headers) : undefined;
    reportRequest(config, { method, path, status, durationMs: performance.now() - started, attempt, ...(rateLimit ? { rateLimit } : {}) });
    const canRetry = attempt <= config.maxRetries;

    if (!outcome.ok) {
      if (!canRetry || !isRetriedLikeRead) {
        const reason = outcome.timedOut ? `timed out after ${config.timeoutMs}ms` : `failed: ${describeCause(outcome.cause)}`;
        throw new DoApiError(`DO request ${method} ${path} ${reason} (${attempt} attempt${attempt === 1 ? "" : "s"})`, {
          status: 0,
          path,
          cause: outcome.cause,
        });
      }
      await sleep(computeBackoffMs(config, attempt));
      continue;
    }

    const { response } = outcome;
    if (response.status >= 200 && response.status < 300) {
      if (!wantsJson) return response;
      if (response.body === "" && (response.status === 204 || write)) return { ...response, json: null };
      // A body cut short or an HTML page from a proxy in the way: as transient as a 5xx, so retried like one.
      try {
        return { ...response, json: JSON.parse(response.body) };
      } catch (cause) {
        if (canRetry && isRetriedLikeRead) {
          await sleep(computeBackoffMs(config, attempt));
          continue;
        }
        throw new DoApiError(
          `DO API returned malformed JSON for ${method} ${path} (HTTP ${response.status}, ${response.body.length} bytes) after ${attempt} attempts`,
          { status: response.status, path, cause },
        );
      }
    }

    const errorBody = parseErrorBody(response.body);
    const details = { status: response.status, path, doId: errorBody?.id, requestId: errorBody?.request_id };
    if (response.status === 401 || response.status === 403) throw new DoTokenRejectedError(details);

    if (response.status === 429) {
      const hintMs = getRateLimitWaitMs(response.headers);
      if (!canRetry) {
        throw new DoRateLimitedError(`DO rate limit still exceeded on ${method} ${path} after ${attempt} attempts`, {
          ...details,
          retryAfterMs: hintMs,
        });
      }
      await sleep(Math.min(hintMs ?? computeBackoffMs(config, attempt), config.maxRateLimitWaitMs));
      continue;
    }

    const what = errorBody?.message ?? `HTTP ${response.status}`;
    if (response.status >= 500 && canRetry && isRetriedLikeRead) {
      await sleep(computeBackoffMs(config, attempt));
      continue;
    }
    const tries = response.status >= 500 && attempt > 1 ? ` after ${attempt} attempts` : "";
    throw new DoApiError(`DO API ${response.status} on ${method} ${path}${tries}: ${what}`, details);
  }
}

async function sendAttempt(config: SendRequestConfig, path: string, accept: string, write?: DoWrite): Promise<AttemptOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  const hasBody = write?.body !== undefined;
  try {
    const res = await config.fetchImpl(`${config.baseUrl}${path}`, {
      method: write?.method ?? "GET",
      headers: { Authorization: `Bearer ${config.token}`, Accept: accept, ...(hasBody ? { "Content-Type": "application/json" } : {}) },
      ...(hasBody ? { body: JSON.stringify(write.body) } : {}),
      signal: controller.signal,
    });
    // The body is read under the same timer: a server that stalls mid-body must time out too.
    const body = await res.text();
    return { ok: true, response: { status: res.status, headers: res.headers, body } };
  } catch (cause) {
    return { ok: false, timedOut: controller.signal.aborted, cause };
  } finally {
    clearTimeout(timer);
  }
}

function reportRequest(config: SendRequestConfig, event: DoRequestEvent): void {
  if (!config.onRequest) return;
  try {
    config.onRequest(event);
  } catch {
    // A broken metrics hook must not fail a sync.
  }
}

function parseErrorBody(body: string) {
  try {
    const parsed = doErrorBodySchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The budget left in DO's window, from the headers every response carries; undefined when they are absent. */
export function readRateLimit(headers: Headers): { remaining: number; resetAtMs: number } | undefined {
  const remaining = Number(headers.get("ratelimit-remaining") ?? Number.NaN);
  const reset = Number(headers.get("ratelimit-reset") ?? Number.NaN);
  if (!Number.isFinite(remaining) || !Number.isFinite(reset)) return undefined;
  return { remaining, resetAtMs: reset * 1000 };
}

/** Milliseconds DO asks us to wait: `retry-after` (seconds) wins, else until `ratelimit-reset` (Unix seconds). */
export function getRateLimitWaitMs(headers: Headers, nowMs = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter !== null && retryAfter.trim() !== "") {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = Number(headers.get("ratelimit-reset") ?? Number.NaN);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - nowMs);
  return undefined;
}

/** Full jitter: a random wait in [0, min(max, base·2^(attempt-1))], so many workers don't retry in lockstep. */
export function computeBackoffMs(config: Pick<SendRequestConfig, "retryBaseMs" | "retryMaxMs">, attempt: number): number {
  const ceiling = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** (attempt - 1));
  return Math.random() * ceiling;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, socket closed) in `cause`.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  return `${cause.message}${inner}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
