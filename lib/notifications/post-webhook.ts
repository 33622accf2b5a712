import "server-only";
import http from "node:http";
import https from "node:https";
import { checkWebhookUrlShape, guardedLookup, type Lookup, WebhookUrlError } from "./ssrf-guard";

export interface PostOptions {
  allowPrivate: boolean;
  /** The whole attempt's bound: connect, send and the answer's first bytes (default 10 s). */
  timeoutMs?: number;
  lookup?: Lookup;
}

export interface PostResult {
  isSuccess: boolean;
  /** null when no answer came: refused address, connection error, timeout. */
  statusCode: number | null;
  latencyMs: number;
  /** The first bytes of the answer, as text (at most 1 kB). */
  responseExcerpt: string | null;
  error: string | null;
}

const defaultTimeoutMs = 10_000;
export const responseExcerptBytes = 1024;

// Kept-alive connections make a backlog drain fast. Separate pools per SSRF mode: a connection opened to a private
// address while that was allowed must never be reused when it is not (only tests switch modes in one process).
const agents = {
  strict: { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) },
  private: { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) },
};

/**
 * One delivery attempt: POSTs `body` with `headers` and reports what happened, never throwing. Redirects are not
 * followed (a 3xx is a failure like any non-2xx), only the first kilobyte of the answer is read, and the destination
 * is checked against SSRF on the connection itself (see ssrf-guard.ts). Error texts never include the URL, which
 * may carry a receiver's token.
 */
export function postWebhook(rawUrl: string, body: string, headers: Record<string, string>, opts: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  try {
    url = checkWebhookUrlShape(rawUrl, opts).url;
  } catch (err) {
    if (!(err instanceof WebhookUrlError)) throw err;
    return Promise.resolve({ isSuccess: false, statusCode: null, latencyMs: 0, responseExcerpt: null, error: `refused: ${err.message}` });
  }
  const isHttps = url.protocol === "https:";
  const pool = opts.allowPrivate ? agents.private : agents.strict;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<PostResult, "latencyMs"> & { latencyMs?: number }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ latencyMs: elapsed(), ...r });
    };
    const req = (isHttps ? https : http).request(
      url,
      {
        method: "POST",
        agent: isHttps ? pool.https : pool.http,
        lookup: guardedLookup(opts) as never,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "arcadia-cloud-webhooks/1",
        },
      },
      (res) => {
        const latencyMs = elapsed();
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish({
            isSuccess: status >= 200 && status < 300,
            statusCode: status,
            latencyMs,
            responseExcerpt: excerpt(Buffer.concat(chunks)),
            error: status >= 200 && status < 300 ? null : `answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""}`,
          });
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= responseExcerptBytes) {
            done();
            res.destroy(); // the rest is never read
          }
        });
        res.on("end", done);
        res.on("error", done);
        res.on("close", done);
      },
    );
    const timeoutMs = opts.timeoutMs ?? defaultTimeoutMs;
    const timer = setTimeout(() => {
      finish({ isSuccess: false, statusCode: null, responseExcerpt: null, error: `no answer within ${timeoutMs / 1000} s` });
      req.destroy();
    }, timeoutMs);
    req.on("error", (err: NodeJS.ErrnoException) => {
      const refused = err.code === "EADDRREFUSED";
      finish({ isSuccess: false, statusCode: null, responseExcerpt: null, error: refused ? `refused: ${err.message}` : describeNetworkError(err) });
    });
    req.end(body);
  });
}

/** The first kilobyte as text PostgreSQL can store (no NUL, no broken surrogate from a cut multi-byte character). */
function excerpt(bytes: Buffer): string | null {
  if (!bytes.length) return null;
  return bytes.subarray(0, responseExcerptBytes).toString("utf8").replaceAll("\u0000", "").replace(/\uFFFD+$/, "").toWellFormed();
}

function describeNetworkError(err: NodeJS.ErrnoException): string {
  return err.code ? `${err.code}: ${err.message}` : err.message;
}
