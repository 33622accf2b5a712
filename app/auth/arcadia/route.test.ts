import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/platform/env";
import { apiRequest, setupAppTestDb } from "@/test/app-db";
import { adminToken } from "@/test/jwt";
import { GET, POST } from "./route";

const post = (headers: Record<string, string | undefined>, token = adminToken()) =>
  POST(
    apiRequest("/auth/arcadia", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost", ...headers } as Record<string, string>,
      body: new URLSearchParams({ token }).toString(),
    }),
  );

setupAppTestDb();

beforeAll(() => {
  process.env.NEXTAUTH_URL = "http://localhost";
  resetEnvCache();
});
afterAll(() => {
  delete process.env.NEXTAUTH_URL;
  resetEnvCache();
});

describe("POST /auth/arcadia (sign-in link as a form)", () => {
  it("signs in when the form was posted from this site", async () => {
    for (const headers of [{ origin: "http://localhost" }, { "sec-fetch-site": "same-origin" }]) {
      const res = await post(headers);
      expect(res.status).toBe(303);
      expect(res.headers.get("set-cookie")).toMatch(/next-auth\.session-token=/);
    }
  });

  it.each([
    { origin: "https://evil.example" },
    { origin: "null" },
    { origin: "http://localhost.evil.example" },
    { origin: "https://evil.example", "sec-fetch-site": "same-origin" },
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site" },
    {},
  ])("refuses a form posted from elsewhere (%j) and sets no cookie", async (headers) => {
    const res = await post(headers);
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect((await res.json()).error.code).toBe("forbidden");
  });
});

describe("GET /auth/arcadia", () => {
  it("never lets a global header override its Referrer-Policy", async () => {
    const res = await GET(apiRequest(`/auth/arcadia?token=${adminToken()}`));
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
