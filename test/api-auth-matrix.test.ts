import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { signJwt } from "@/test/jwt";

setupAppTestDb();

/**
 * Every /api/v1 route file, found on disk, so a new route is covered the moment it exists: without a token each
 * method answers 401 with the error envelope; with a forged token, 401 too. (Role checks: `publicRoutes` lists the
 * only routes that need no token.)
 */
const root = path.join(process.cwd(), "app/api/v1");
const publicRoutes = new Set(["/api/v1/openapi.json"]);
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

const routes = routeFiles(root).map((file) => {
  const rel = path.relative(path.join(process.cwd(), "app"), path.dirname(file));
  const urlPath = `/${rel.replace(/\[([^\]]+)\]/g, "00000000-0000-4000-8000-000000000000")}`;
  const params = Object.fromEntries([...rel.matchAll(/\[([^\]]+)\]/g)].map((m) => [m[1], "00000000-0000-4000-8000-000000000000"]));
  return { file, urlPath, params, apiPath: `/${rel}` };
});

describe("every /api/v1 route requires arcadia-app's bearer token", () => {
  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThan(0);
  });

  for (const r of routes.filter((r) => !publicRoutes.has(r.apiPath))) {
    it(`${r.apiPath}`, async () => {
      const mod = (await import(/* @vite-ignore */ r.file)) as Record<string, unknown>;
      const exported = methods.filter((m) => typeof mod[m] === "function");
      expect(exported.length).toBeGreaterThan(0);
      for (const m of exported) {
        const handler = mod[m] as (req: unknown, ctx: unknown) => Promise<Response>;
        const init = { method: m, ...(m === "GET" || m === "DELETE" ? {} : { body: "{}", headers: { "content-type": "application/json" } }) };
        const none = await handler(apiRequest(r.urlPath, init), routeParams(r.params));
        expect(none.status, `${m} without token`).toBe(401);
        expect(((await none.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
        const forged = signJwt({ sub: "x", role: "platform_admin", exp: 9e9 }, { secret: "forged-".repeat(8) });
        const bad = await handler(apiRequest(r.urlPath, { ...init, token: forged }), routeParams(r.params));
        expect(bad.status, `${m} with a forged token`).toBe(401);
      }
    });
  }
});
