import path from "node:path";
import { getRouteRegex } from "next/dist/shared/lib/router/utils/route-regex";
import { getSortedRoutes } from "next/dist/shared/lib/router/utils/sorted-routes";
import { describe, expect, it } from "vitest";
import { apiOperations } from "@/lib/openapi/operations";
import { httpMethods, listApiRouteFiles } from "@/test/api-routes";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { adminToken } from "@/test/jwt";

setupAppTestDb();

type Handler = (req: unknown, ctx: unknown) => Promise<Response>;
const catchAllFile = path.join(process.cwd(), "app/api/v1/[...path]/route.ts");

/** Answers that are JSON in the error envelope, as arcadia-app's client expects of every /api/v1 answer. */
async function envelope(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

describe("paths no operation serves", () => {
  it("answer a JSON 404 in the envelope, for every method", async () => {
    const mod = (await import(/* @vite-ignore */ catchAllFile)) as Record<string, Handler>;
    for (const p of ["/api/v1/nope", "/api/v1/tenants", "/api/v1/drift/x/y/z", "/api/v1/inventory/extra"]) {
      for (const method of [...httpMethods, "OPTIONS"]) {
        const res = await mod[method]!(apiRequest(p, { method, token: adminToken() }), routeParams({ path: p.split("/").slice(3) }));
        expect(res.status, `${method} ${p}`).toBe(404);
        expect((await envelope(res)).code).toBe("not_found");
      }
    }
  });

  it("never shadow a real route: Next's own route order sends every operation's path to its route file", () => {
    const appDir = path.join(process.cwd(), "app");
    const pages = [catchAllFile, ...listApiRouteFiles().map((r) => r.file)].map((f) => `/${path.relative(appDir, path.dirname(f))}`);
    const sorted = getSortedRoutes(pages);
    for (const route of listApiRouteFiles()) {
      const first = sorted.find((page) => getRouteRegex(page).re.test(route.samplePath));
      expect(first, route.samplePath).toBe(`/${path.relative(appDir, path.dirname(route.file))}`);
    }
    expect(sorted.find((page) => getRouteRegex(page).re.test("/api/v1/tenants"))).toBe("/api/v1/[...path]");
  });
});

describe("a method a route does not serve", () => {
  it("answers 405 in the envelope with Allow naming the methods it does serve", async () => {
    let checked = 0;
    for (const route of listApiRouteFiles()) {
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, Handler>;
      const allowed = apiOperations.filter((o) => o.path === route.apiPath).map((o) => o.method);
      for (const method of httpMethods.filter((m) => !allowed.includes(m))) {
        expect(mod[method], `${method} ${route.apiPath} is exported`).toBeTypeOf("function");
        const res = await mod[method]!(apiRequest(route.samplePath, { method, token: adminToken() }), routeParams(route.sampleParams));
        expect(res.status, `${method} ${route.apiPath}`).toBe(405);
        expect((await envelope(res)).code).toBe("method_not_allowed");
        expect(res.headers.get("allow")?.split(", ").sort(), route.apiPath).toEqual([...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort());
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
