import { createServer } from "node:http";
import { NextRequest } from "next/server";

/**
 * The app as a second process, for tests that need one (`next start` needs a build): the server's real start-up
 * (instrumentation's register(): environment, migrations, the data directory's lock) and the real route handlers of
 * /api/health and the job-handover routes, behind a plain node:http adapter instead of Next's. Listens on a free
 * port first and sets PORT, as Next does before the instrumentation hook runs; prints `ready <port> <pid>`.
 *
 *     tsx --conditions react-server test/serve-app.ts
 */
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const routes: { method: string; pattern: RegExp; load: () => Promise<Handler> }[] = [
  { method: "GET", pattern: /^\/api\/health$/, load: async () => (await import("@/app/api/health/route")).GET as Handler },
  { method: "POST", pattern: /^\/api\/internal\/job-runs$/, load: async () => (await import("@/app/api/internal/job-runs/route")).POST as Handler },
  {
    method: "GET",
    pattern: /^\/api\/internal\/job-runs\/(?<id>[^/]+)$/,
    load: async () => (await import("@/app/api/internal/job-runs/[id]/route")).GET as unknown as Handler,
  },
];

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) for (const x of [v ?? []].flat()) headers.append(k, x);
  const request = new NextRequest(url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
  const params = { ...route.pattern.exec(url.pathname)?.groups };
  const response = await (await route.load())(request, { params: Promise.resolve(params) });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});

await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as { port: number };
process.env.PORT = String(port);
process.env.NEXT_RUNTIME = "nodejs";
// Next exits on SIGTERM through process.exit, which is when the lock is released.
process.once("SIGTERM", () => process.exit(0));
const { register } = await import("@/instrumentation");
await register();
console.log(`ready ${port} ${process.pid}`);
