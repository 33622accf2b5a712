import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { apiRequest } from "@/test/app-db";
import { adminToken, nowS, signJwt, tenantToken } from "@/test/jwt";
import { GET, POST } from "./route";

function sessionCookie(res: Response): string | undefined {
  const set = res.headers.get("set-cookie") ?? "";
  return /next-auth\.session-token=([^;]+)/.exec(set)?.[1];
}

describe("arcadia sign-in link", () => {
  it("exchanges a tenant's token for a session and redirects away from the token at once", async () => {
    const token = tenantToken("acme", { email: "t@acme.test" });
    const res = await GET(apiRequest(`/auth/arcadia?token=${token}`));
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toBe("/plans");
    expect(location).not.toContain(token);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const cookie = sessionCookie(res);
    expect(cookie).toBeTruthy();
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    const session = await decode({ token: cookie!, secret: process.env.NEXTAUTH_SECRET! });
    expect(session).toMatchObject({ role: "tenant", tenantId: "acme", email: "t@acme.test" });
  });

  it("sends an admin to the inventory, also from a POSTed form", async () => {
    const form = new URLSearchParams({ token: adminToken() });
    const res = await POST(
      apiRequest("/auth/arcadia", { method: "POST", body: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/inventory");
  });

  it("refuses expired, forged and missing tokens without setting a session", async () => {
    for (const bad of [
      signJwt({ sub: "1", role: "tenant", tenant_id: "a", exp: nowS() - 10 }),
      signJwt({ sub: "1", role: "platform_admin", exp: nowS() + 60 }, { secret: "forged-".repeat(8) }),
      signJwt({ sub: "1", role: "platform_admin", exp: nowS() + 60 }, { alg: "none" }),
      "",
    ]) {
      const res = await GET(apiRequest(`/auth/arcadia?token=${bad}`));
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toContain("/login?error=ArcadiaLink");
      expect(sessionCookie(res)).toBeUndefined();
    }
  });
});
