import { describe, expect, it } from "vitest";
import { operationOf } from "@/lib/http/api-methods";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { apiOperations } from "@/lib/openapi/operations";
import { apiRequest } from "@/test/app-db";
import { httpMethods, listApiRouteFiles } from "@/test/api-routes";
import { GET as getDocument } from "@/app/api/v1/openapi.json/route";

describe("OpenAPI document", () => {
  it("documents exactly the routes that exist: no undocumented route, no operation without a route", async () => {
    const onDisk: string[] = [];
    for (const route of listApiRouteFiles()) {
      const mod = (await import(/* @vite-ignore */ route.file)) as Record<string, unknown>;
      // Each route exports every method; the ones it serves carry their operation (the rest answer 405).
      for (const m of httpMethods) {
        const op = operationOf(mod[m]);
        if (op) onDisk.push(`${op.method} ${op.path}`);
        if (op) expect(`${op.method} ${op.path}`, `${m} ${route.apiPath}`).toBe(`${m} ${route.apiPath}`);
      }
    }
    const documented = apiOperations.map((o) => `${o.method} ${o.path}`);
    expect(onDisk.sort()).toEqual([...documented].sort());
    expect(new Set(documented).size).toBe(documented.length);
  });

  it("is served publicly as OpenAPI 3.1 with the bearer scheme and shared error responses", async () => {
    const res = await getDocument(apiRequest("/api/v1/openapi.json"), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.components.securitySchemes.arcadiaJwt).toMatchObject({ type: "http", scheme: "bearer" });
    for (const op of apiOperations) {
      const entry = doc.paths[op.path][op.method.toLowerCase()];
      expect(entry, `${op.method} ${op.path}`).toBeTruthy();
      if (op.roles !== "public") {
        expect(entry.security).toEqual([{ arcadiaJwt: [] }]);
        expect(entry["x-roles"]).toEqual(op.roles);
        expect(entry.responses["401"]).toEqual({ $ref: "#/components/responses/Unauthorized" });
        expect(entry.responses["403"]).toEqual({ $ref: "#/components/responses/Forbidden" });
      }
      expect(entry.responses["500"]).toEqual({ $ref: "#/components/responses/InternalError" });
    }
  });

  it("documents every success status an operation answers, with its body", () => {
    const doc = buildOpenApiDocument(apiOperations, { version: "test" }) as any;
    const statuses = (path: string, method: string) =>
      Object.keys(doc.paths[path][method].responses).filter((s) => s.startsWith("2")).sort();
    expect(statuses("/api/v1/usage", "post")).toEqual(["200", "201"]);
    expect(statuses("/api/v1/tenants/{id}", "put")).toEqual(["200", "201"]);
    expect(statuses("/api/v1/subscriptions/{id}", "put")).toEqual(["200", "201"]);
    expect(statuses("/api/v1/inventory", "get")).toEqual(["200"]);
    const usage = doc.paths["/api/v1/usage"].post.responses;
    expect(usage["200"].description).toMatch(/replay/i);
    expect(usage["200"].content["application/json"].schema).toEqual(usage["201"].content["application/json"].schema);
  });

  it("describes query parameters from the zod schema, with their constraints", () => {
    const doc = buildOpenApiDocument(apiOperations, { version: "test" }) as any;
    const params = doc.paths["/api/v1/inventory"].get.parameters;
    const limit = params.find((p: any) => p.name === "limit");
    expect(limit.schema).toMatchObject({ maximum: 500, minimum: 1, default: 50 });
    expect(params.find((p: any) => p.name === "kind").schema.enum).toContain("load_balancer");
  });
});
