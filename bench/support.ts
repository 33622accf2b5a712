import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createHmac } from "node:crypto";
import http from "node:http";
import autocannon from "autocannon";
import path from "node:path";
import { createTestDb, type TestDb } from "@/test/db";

/** Benchmarks run on the PostgreSQL server (TEST_DATABASE_URL, default the local one): they compare against postgres.js. */
export async function createBenchDb(): Promise<TestDb> {
  process.env.TEST_DATABASE_URL ||= "postgres://postgres@127.0.0.1:5432/postgres";
  return createTestDb();
}

export const benchSecrets = {
  ARCADIA_JWT_SECRET: "bench-arcadia-secret-0123456789abcdef0123456789abcdef",
  NEXTAUTH_SECRET: "bench-nextauth-secret-0123456789abcdef0123456789abcdef",
  ARCADIA_JWT_ISSUER: "arcadia-app",
};

export function benchAdminToken(): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const input = `${enc({ alg: "HS512", typ: "JWT" })}.${enc({ sub: "bench", role: "platform_admin", iss: benchSecrets.ARCADIA_JWT_ISSUER, typ: "access", iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600 })}`;
  return `${input}.${createHmac("sha512", benchSecrets.ARCADIA_JWT_SECRET).update(input).digest("base64url")}`;
}

export const distDir = process.env.NEXT_DIST_DIR || ".next";

/** Builds the app once if there is no production build yet. */
export async function ensureBuild(): Promise<void> {
  if (existsSync(path.join(distDir, "BUILD_ID"))) return;
  console.log("  (no production build found: running next build)");
  await run("npx", ["next", "build"]);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: "inherit", env });
    p.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

/**
 * `npm start` (next start of the production build, as deployed) against `databaseUrl`; resolves once /api/health
 * answers. `cwd` serves another checkout's build (a baseline revision to compare with).
 */
export async function startServer(
  databaseUrl: string,
  port: number,
  extraEnv: Record<string, string> = {},
  cwd?: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn("npm", ["run", "-s", "start", "--", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...benchSecrets, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", NODE_ENV: "production", ...extraEnv },
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await httpGet(`${url}/api/health`)).status === 200) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {}
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}

/** Runs `task` `total` times with `concurrency` in flight; returns each latency in ms, sorted. */
export async function measureConcurrent(task: () => Promise<unknown>, total: number, concurrency: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const t0 = performance.now();
      await task();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies.sort((a, b) => a - b);
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One GET over a kept-alive connection without Accept-Encoding (start-up checks, single-call latencies). */
export function httpGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: keepAlive, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** One load round: `requests` calls with `concurrency` in flight; resolves to each call's latency in ms, sorted. */
export type LoadRound = (requests: number, concurrency: number) => Promise<number[]>;

/** Rounds of a JS task (e.g. the handler's SQL through postgres.js). */
export function taskRounds(task: () => Promise<unknown>): LoadRound {
  return (requests, concurrency) => measureConcurrent(task, requests, concurrency);
}

/**
 * Rounds of GETs by autocannon, the load generator the issues name: kept-alive connections, no Accept-Encoding, and a
 * lean HTTP client, so the load generator, which shares the two cores with the server, takes as little from it as
 * it can. `path` may vary per request. Any answer but 200, error or timeout fails the bench.
 */
export function httpRounds(baseUrl: string, path: string | (() => string), headers: Record<string, string> = {}): LoadRound {
  return async (requests, concurrency) => {
    const latencies: number[] = [];
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: baseUrl,
          connections: concurrency,
          amount: requests,
          headers,
          requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: typeof path === "string" ? path : path() }) }],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      instance.on("response", (_client, status, _bytes, ms) => {
        if (status === 200) latencies.push(ms);
      });
    });
    if (result.non2xx || result.errors || result.timeouts || latencies.length !== requests) {
      throw new Error(`${baseUrl}: ${result.non2xx} non-200, ${result.errors} errors, ${result.timeouts} timeouts of ${requests}`);
    }
    return latencies.sort((a, b) => a - b);
  };
}

/**
 * The p95 of each of `rounds` rounds of `requests` calls at `concurrency`, taking turns between the loads so that
 * drift in the machine's load falls on every load alike, and rotating their order each round so none always runs
 * first or last; returns each load's p95 over all its rounds' requests.
 */
export async function alternatingP95(
  loads: Record<string, LoadRound>,
  { rounds, requests, concurrency, warmup = 300 }: { rounds: number; requests: number; concurrency: number; warmup?: number },
): Promise<Record<string, number>> {
  const all: Record<string, number[]> = Object.fromEntries(Object.keys(loads).map((k) => [k, []]));
  // `warmup` calls first (JIT, pools, plans); fewer for loads whose calls take long, such as aggregates.
  for (const load of Object.values(loads)) await load(warmup, concurrency);
  const entries = Object.entries(loads);
  for (let r = 0; r < rounds; r++) {
    for (const [name, load] of [...entries.slice(r % entries.length), ...entries.slice(0, r % entries.length)]) {
      // Each round starts with unrecorded requests: what is measured is the load's steady state, not how a process
      // that sat idle through the others' rounds wakes up.
      await load(Math.min(200, requests, warmup), concurrency);
      all[name]!.push(...(await load(requests, concurrency)));
    }
  }
  return Object.fromEntries(
    Object.entries(all).map(([k, v]) => {
      const sorted = v.sort((a, b) => a - b);
      return [k, sorted[Math.ceil(0.95 * sorted.length) - 1]!];
    }),
  );
}

/**
 * CPU milliseconds PostgreSQL's processes on this machine have used so far, exited backends included (they are
 * counted into the postmaster's children time). Linux only; NaN elsewhere. Tells a bench where its time went.
 */
export function postgresCpuMs(): number {
  if (!existsSync("/proc/self/stat")) return Number.NaN;
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime, stime, cutime, cstime
    } catch {} // the process ended while we looked
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
