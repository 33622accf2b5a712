import { describe, expect, it } from "vitest";
import { roles } from "@/lib/auth/arcadia-jwt";
import { apiOperations } from "@/lib/openapi/operations";
import { listApiRouteFiles } from "@/test/api-routes";
import { apiRequest, routeParams, setupAppTestDb } from "@/test/app-db";
import { adminToken, signJwt, tenantToken } from "@/test/jwt";

setupAppTestDb();

/**
 * The 401/403 half of every /api/v1 route's auth matrix, driven by the route files on disk and the documented
 * operations: without a token or with a forged one, 401 with the error envelope; with a valid token of a role the
 * operation does not allow, 403. (Each feature's own route tests cover the 200s on real data.)
 */
const tokens = { platform_admin: adminToken, tenant: () => tenantToken("acme") };

describe("every /api/v1 operation checks the caller", () => {
  const routes = listApiRouteFiles();
  it("finds the routes", () => expect(routes.length).toBeGreaterThan(1));

  for (const op of apiOperations.filter((o) => o.roles !== "public")) {
    it(`${op.method} ${op.path}`, async () => {
      const route = routes.find((r) => r.apiPath === op.path);
      expect(route, "route file").toBeTruthy();
      const mod = (await import(/* @vite-ignore */ route!.file)) as Record<string, (req: unknown, ctx: unknown) => Promise<Response>>;
      const handler = mod[op.method]!;
      const init = op.method === "GET" || op.method === "DELETE" ? { method: op.method } : { method: op.method, body: "{}", headers: { "content-type": "application/json" } };
      const call = (token?: string) => handler(apiRequest(route!.samplePath, { ...init, token }), routeParams(route!.sampleParams));

      const none = await call();
      expect(none.status, "without a token").toBe(401);
      expect(((await none.json()) as any).error).toMatchObject({ code: "unauthorized" });
      const forged = signJwt({ sub: "x", role: "platform_admin", exp: 9e9 }, { secret: "forged-".repeat(8) });
      expect((await call(forged)).status, "with a forged token").toBe(401);

      for (const role of roles.filter((r) => !(op.roles as readonly string[]).includes(r))) {
        const res = await call(tokens[role]());
        expect(res.status, `as ${role}`).toBe(403);
        expect(((await res.json()) as any).error.code).toBe("forbidden");
      }
    });
  }
});
