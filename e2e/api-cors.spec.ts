import { expect, test } from "@playwright/test";
import { e2eCorsOrigin } from "./env";

// Through the real server, so the proxy's matcher is part of what is tested: preflights reach the proxy, every other
// /api/v1 request goes straight to its handler.
test.describe("CORS on /api/v1 through next start", () => {
  const preflight = (origin: string) => ({
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
  });

  test("a preflight from the allowed origin gets the methods and headers, without credentials", async ({ request }) => {
    const res = await request.fetch("/api/v1/inventory", preflight(e2eCorsOrigin));
    expect(res.status()).toBe(204);
    expect(res.headers()["access-control-allow-origin"]).toBe(e2eCorsOrigin);
    expect(res.headers()["access-control-allow-methods"]).toContain("GET");
    expect(res.headers()["access-control-allow-headers"]).toMatch(/Authorization/);
    expect(res.headers()["access-control-allow-credentials"]).toBeUndefined();
  });

  test("a preflight from another origin gets no CORS headers", async ({ request }) => {
    const res = await request.fetch("/api/v1/inventory", preflight("https://evil.example"));
    expect(res.headers()["access-control-allow-origin"]).toBeUndefined();
  });

  test("a plain API call is answered by its handler: 401 without a token, CORS header for the allowed origin", async ({ request }) => {
    const res = await request.get("/api/v1/inventory", { headers: { origin: e2eCorsOrigin } });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
    expect(res.headers()["access-control-allow-origin"]).toBe(e2eCorsOrigin);
  });
});
