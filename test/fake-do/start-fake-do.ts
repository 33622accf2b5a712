import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createAccountHelpers } from "./create-account-helpers";
import { createBilling } from "./create-billing";
import { createDemoStory, demoUnlistedCredit } from "./create-demo-story";
import { createFaults, type Fault } from "./create-faults";
import { createFakeActions } from "./fake-actions";
import { defaultAccountSizes, type GenerateAccountOptions, generateAccount } from "./generate-account";
import { paginate, readPageParams } from "./paginate";
import type { BandwidthOverride } from "./render-bandwidth";
import { renderEcbRates } from "./render-ecb-rates";
import { demoWebhookPath, receiveDemoWebhook } from "./receive-demo-webhook";
import { routeProvisioning } from "./route-provisioning";
import { slidingWindow } from "./sliding-window";
import { notFoundBody, type RouteResult, routeRequest } from "./route-request";

const ecbFiles: Record<string, "history" | "daily"> = { "/ecb/eurofxref-hist.xml": "history", "/ecb/eurofxref-daily.xml": "daily" };

export type StartFakeDoOptions = GenerateAccountOptions & {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The only bearer token accepted; by default any non-empty token is. */
  token?: string;
  /** Faults armed from the first request, keyed by path prefix. */
  faults?: Record<string, Fault>;
  /** Hourly request budget reported in the `ratelimit-*` headers (a sliding hour, as DO counts it). */
  rateLimit?: number;
  /**
   * Answer 429 past DO's limits, as DO does: `rateLimit` per sliding hour and `perMinute` (default 250) per sliding
   * minute. Off by default: the headers still report the hour's budget.
   */
  enforceRateLimit?: boolean | { perMinute?: number };
  /** Milliseconds since the epoch for the rate-limit windows and `requests[].at`; a bench passes a simulated clock. */
  clock?: () => number;
  /** Oldest entries of `requests` are dropped past this, so a long-running CLI doesn't grow without bound. */
  maxRecordedRequests?: number;
  /** How long an action (a create, power off/on, resize) stays `in-progress`, by `clock`; default 1 s. */
  actionDurationMs?: number;
  /** The demo's events (create-demo-story.ts): a droplet destroyed after the first sync, an invoice off its lines. */
  demoStory?: boolean;
};

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** 499 when the client hung up before the (slow) answer. */
  status: number;
  /** When it arrived, by the fake's clock (ms since the epoch). */
  at: number;
  fault?: Fault["type"];
  /** The parsed JSON body of a POST or DELETE. */
  body?: unknown;
};

export type FakeDo = Awaited<ReturnType<typeof startFakeDo>>;

/**
 * A DigitalOcean API double on a real loopback port: point the client's baseUrl at `url`. The account is generated
 * from the seed and stays mutable (`account` arrays, or the helpers, which also keep invoices consistent).
 */
export async function startFakeDo(options: StartFakeDoOptions = {}) {
  const now = options.now ?? new Date();
  const seed = options.seed ?? 1;
  const account = generateAccount({ ...options, now, seed });
  const billing = createBilling(account, {
    seed,
    now,
    invoicesMonths: options.invoicesMonths ?? defaultAccountSizes.invoicesMonths,
    unlistedCredit: options.demoStory ? demoUnlistedCredit : undefined,
  });
  const faults = createFaults(options.faults);
  const requests: RecordedRequest[] = [];
  const maxRecorded = options.maxRecordedRequests ?? 100_000;
  const rateLimit = options.rateLimit ?? 5000;
  const clock = options.clock ?? Date.now;
  const perMinute = options.enforceRateLimit ? ((typeof options.enforceRateLimit === "object" && options.enforceRateLimit.perMinute) || 250) : Number.POSITIVE_INFINITY;
  const perHour = options.enforceRateLimit ? rateLimit : Number.POSITIVE_INFINITY;
  // When each admitted request arrived, oldest first, over the last hour and the last minute.
  const lastHour = slidingWindow(3_600_000);
  const lastMinute = slidingWindow(60_000);
  const bandwidth = new Map<string, BandwidthOverride>();
  let requestCounter = 0;
  const actions = createFakeActions(clock, options.actionDurationMs ?? 1000);
  const tags = new Set(account.droplets.flatMap((d) => d.tags));
  const helpers = createAccountHelpers(account, now);
  const story = options.demoStory ? createDemoStory(account, helpers) : undefined;

  /** Whether the request arriving `at` is within both windows' budgets; counts it if so. */
  const admit = (at: number) => {
    if (lastHour.count(at) >= perHour || lastMinute.count(at) >= perMinute) return false;
    lastHour.add(at);
    lastMinute.add(at);
    return true;
  };
  const rateLimitHeaders = (): Record<string, string> => {
    const at = clock();
    return {
      "ratelimit-limit": String(rateLimit),
      "ratelimit-remaining": String(Math.max(0, rateLimit - lastHour.count(at))),
      "ratelimit-reset": String(Math.ceil(lastHour.resetAt(at) / 1000)),
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      at: clock(),
    };
    requests.push(record);
    if (requests.length > maxRecorded) requests.splice(0, Math.ceil(maxRecorded / 2));
    requestCounter += 1;
    const requestId = `fake-${String(requestCounter).padStart(8, "0")}-${seed}`;

    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      const contentType = headers["content-type"] ?? "application/json; charset=utf-8";
      res.writeHead(status, {
        ...rateLimitHeaders(),
        "x-request-id": requestId,
        ...headers,
        "content-type": contentType,
        "content-length": String(Buffer.byteLength(body)),
      });
      res.end(body);
    };
    const sendError = (status: number, id: string, message: string, headers?: Record<string, string>) =>
      send(status, JSON.stringify({ id, message, request_id: requestId }), headers);

    // Not DO's API: the ECB's public reference rates, for the demo's FX_RATES_URL (no token, as at the ECB).
    const ecb = ecbFiles[url.pathname];
    if (ecb) {
      const body = renderEcbRates({ seed, now, months: options.invoicesMonths ?? defaultAccountSizes.invoicesMonths, latestOnly: ecb === "daily" });
      return send(200, body, { "content-type": "text/xml; charset=utf-8" });
    }

    // Not DO's API either: the demo's webhook receiver (no token: the app signs its deliveries instead).
    if (options.demoStory && url.pathname === demoWebhookPath) {
      const answer = await receiveDemoWebhook(req, await readBody(req));
      return send(answer.status, answer.text);
    }

    const auth = req.headers.authorization ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length).trim() : "";
    if (!token || (options.token !== undefined && token !== options.token)) {
      return sendError(401, "unauthorized", "Unable to authenticate you");
    }
    const method = req.method ?? "GET";
    if (!["GET", "POST", "DELETE"].includes(method)) return sendError(405, "method_not_allowed", "The fake DO API answers GET, POST and DELETE");
    let body: unknown;
    // DELETE carries a body too where DO reads one (untagging resources).
    if (method === "POST" || method === "DELETE") {
      const text = await readBody(req);
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return sendError(400, "bad_request", "The request body is not valid JSON");
      }
      record.body = body;
    }
    if (!admit(record.at)) {
      const resetMs = lastMinute.count(record.at) >= perMinute ? lastMinute.resetAt(record.at) : lastHour.resetAt(record.at);
      return sendError(429, "too_many_requests", "API Rate limit exceeded.", { "ratelimit-remaining": "0", "ratelimit-reset": String(Math.ceil(resetMs / 1000)) });
    }

    const applied = faults.take(url.pathname, readPageParams(url.searchParams).page, method);
    if (applied.delayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, applied.delayMs));
      if (res.destroyed || req.destroyed) {
        record.status = 499;
        return;
      }
    }
    for (const mutate of applied.mutations) mutate();
    const fault = applied.response;
    if (fault) record.fault = fault.type;
    if (fault?.type === "html") {
      const html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>Bad Gateway</h1></center></body></html>";
      return send(fault.status ?? 200, html, { "content-type": "text/html" });
    }
    if (fault?.type === "rate_limit") {
      const waitSeconds = fault.retryAfter ?? fault.resetIn ?? 60;
      const headers: Record<string, string> = {
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(Math.ceil(Date.now() / 1000 + waitSeconds)),
      };
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      return sendError(429, "too_many_requests", "API Rate limit exceeded.", headers);
    }
    if (fault?.type === "error" || fault?.type === "fail_page") {
      const status = fault.status ?? 500;
      const id = (fault.type === "error" && fault.id) || getErrorId(status);
      const message = (fault.type === "error" && fault.message) || "Server was unable to give you a response.";
      return sendError(status, id, message);
    }

    let result: RouteResult;
    try {
      actions.settle();
      const list = (key: string, items: readonly unknown[]): RouteResult => {
        const page = paginate(items, url);
        return { status: 200, json: { [key]: page.items, links: page.links, meta: page.meta } };
      };
      const provisioning = { account, helpers, actions, tags, clock, origin: url.origin, actionFaults: applied.actions, list };
      const path = url.pathname.replace(/\/+$/, "");
      result =
        routeProvisioning(provisioning, method, path, body, url.searchParams) ??
        (method === "GET" ? routeRequest({ account, billing, now, bandwidth }, url) : { status: 404, json: notFoundBody });
    } catch (error) {
      console.error("fake DO route failed", error);
      return sendError(500, "server_error", "Server was unable to give you a response.");
    }
    if ("text" in result) return send(result.status, result.text, result.headers);
    story?.observe(method, url.pathname, url.searchParams, result.json);
    if (applied.repeatNext) pointNextAtSelf(result.json, url);
    if (fault?.type === "short_page") dropLastItems(result.json, fault.drop);
    const json = JSON.stringify(result.json);

    if (fault?.type === "malformed") return send(result.status, json.slice(0, Math.floor(json.length / 2)));
    if (fault?.type === "truncated") {
      record.status = result.status;
      res.writeHead(result.status, {
        ...rateLimitHeaders(),
        "content-type": "application/json; charset=utf-8",
        "content-length": String(Buffer.byteLength(json)),
      });
      res.write(json.slice(0, Math.floor(json.length / 2)), () => res.destroy());
      return;
    }
    if (result.status === 404 && result.json === notFoundBody) {
      return sendError(404, notFoundBody.id, notFoundBody.message);
    }
    if (result.status === 204) return send(204, "");
    send(result.status, json);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error("fake DO request failed", error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const wildcard = address.address === "0.0.0.0" || address.address === "::";
  const host = wildcard ? "127.0.0.1" : address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    account,
    billing,
    faults,
    requests,
    now,
    ...helpers,
    /** Every action started so far (settled up to the last request), oldest first. */
    actions: () => actions.list(),
    tags,
    /** Programs a droplet's public outbound rate (Mbps, constant or per unix second) instead of the generated one. */
    setBandwidth: (hostId: string | number, mbps: BandwidthOverride) => bandwidth.set(String(hostId), mbps),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

function pointNextAtSelf(json: unknown, url: URL): void {
  const links = (json as { links?: { pages?: Record<string, string> } }).links;
  if (links) links.pages = { ...links.pages, next: url.toString() };
}

/** Leaves out the last `drop` items (default half) of the page's item array, keeping `links` and `meta`. */
function dropLastItems(json: unknown, drop: number | undefined): void {
  const body = json as Record<string, unknown>;
  const key = Object.keys(body).find((k) => k !== "links" && k !== "meta" && Array.isArray(body[k]));
  const items = key ? (body[key] as unknown[]) : [];
  if (key) body[key] = items.slice(0, Math.max(0, items.length - (drop ?? Math.ceil(items.length / 2))));
}

function getErrorId(status: number): string {
  const ids: Record<number, string> = {
    400: "bad_request",
    404: "not_found",
    422: "unprocessable_entity",
    429: "too_many_requests",
    500: "server_error",
    502: "bad_gateway",
    503: "service_unavailable",
    504: "gateway_timeout",
  };
  return ids[status] ?? "server_error";
}
