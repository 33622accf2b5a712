import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { contentSecurityPolicy } from "./content-security-policy";

const page = (path: string) =>
  proxy(new NextRequest(`http://localhost${path}`, { headers: { cookie: "next-auth.session-token=x" } }));

describe("every page's Content-Security-Policy", () => {
  it("allows scripts only with a fresh nonce per response, and forwards it to the render", () => {
    const [a, b] = [page("/inventory"), page("/inventory")];
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const [na, nb] = [nonceOf(a.headers.get("content-security-policy")), nonceOf(b.headers.get("content-security-policy"))];
    expect(na).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(na).not.toBe(nb);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(na);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(a.headers.get("content-security-policy"));
  });

  it("is strict: no inline or eval'd script, no plugins, no framing, no foreign <base> or form targets", () => {
    const csp = contentSecurityPolicy("abc", { development: false, https: true });
    const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));
    expect(directive("script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive("base-uri")).toBe("base-uri 'self'");
    expect(directive("form-action")).toBe("form-action 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("abc", { development: true, https: false })).toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it("is sent on public pages too, and signed-out visitors of admin pages are sent to sign in", () => {
    const login = proxy(new NextRequest("http://localhost/login"));
    expect(login.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const margin = proxy(new NextRequest("http://localhost/margin/tenants?month=2026-11"));
    expect(margin.status).toBe(307);
    expect(margin.headers.get("location")).toBe("http://localhost/login?callbackUrl=%2Fmargin%2Ftenants%3Fmonth%3D2026-11");
  });
});
