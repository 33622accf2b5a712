import { describe, expect, it } from "vitest";
import { createDoClient } from "./client";
import { DoPaginationError, DoSchemaError, DoTokenRejectedError } from "./errors";
import { getPageKey, toRequestPath, setDefaultPerPage } from "./page-url";
import { dropletSchema } from "./schemas";
import { computeBackoffMs, getRateLimitWaitMs } from "./send-request";

// Cases the fake server can't produce on purpose: DO's real absolute links, bodies of the wrong shape, odd headers.

type Call = { url: string; authorization: string | null };

function stubFetch(respond: (url: URL) => { status?: number; body: unknown; headers?: Record<string, string> }) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push({ url: url.toString(), authorization: new Headers(init?.headers).get("authorization") });
    const { status = 200, body, headers } = respond(url);
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const dropletsPage = (ids: number[], next?: string) => ({
  droplets: ids.map((id) => ({
    id,
    name: `d-${id}`,
    status: "active",
    memory: 1024,
    vcpus: 1,
    disk: 25,
    created_at: "2024-01-01T00:00:00Z",
    size_slug: "s-1vcpu-1gb",
    size: { slug: "s-1vcpu-1gb", price_monthly: 6, price_hourly: 0.00893 },
    region: { slug: "syd1" },
    image: { name: "24.04 (LTS) x64", distribution: "Ubuntu", slug: "ubuntu-24-04-x64" },
    networks: { v4: [{ ip_address: "170.64.0.1", type: "public" }], v6: [] },
    features: [],
    volume_ids: [],
    tags: [],
    brand_new_field: { kept: true },
  })),
  links: next ? { pages: { next } } : { pages: {} },
  meta: { total: 3 },
});

describe("createDoClient with a stubbed fetch", () => {
  it("follows DO's absolute next links on the configured base URL only", async () => {
    const { calls, fetchImpl } = stubFetch((url) =>
      url.searchParams.get("page") === "2"
        ? { body: dropletsPage([3]) }
        : { body: dropletsPage([1, 2], "https://api.digitalocean.com/v2/droplets?page=2&per_page=200") },
    );
    const client = createDoClient({ token: "t", baseUrl: "http://127.0.0.1:9/", fetchImpl });

    const droplets = await client.listAllArray("/v2/droplets", "droplets", dropletSchema);

    expect(droplets.map((d) => d.id)).toEqual([1, 2, 3]);
    expect(droplets[0]).toHaveProperty("brand_new_field", { kept: true });
    expect(calls.map((c) => c.url)).toEqual([
      "http://127.0.0.1:9/v2/droplets?per_page=200",
      "http://127.0.0.1:9/v2/droplets?page=2&per_page=200",
    ]);
    expect(calls.every((c) => c.authorization === "Bearer t")).toBe(true);
  });

  it("never sends the token to a host named in a path argument", async () => {
    const { calls, fetchImpl } = stubFetch(() => ({ status: 404, body: { id: "not_found", message: "nope" } }));
    const client = createDoClient({ token: "t", baseUrl: "https://api.digitalocean.com", fetchImpl });
    await client.getText("https://evil.example/v2/account").catch(() => undefined);
    expect(calls.map((c) => c.url)).toEqual(["https://api.digitalocean.com/v2/account"]);
  });

  it("throws DoSchemaError naming the path and the field", async () => {
    const page = dropletsPage([1]);
    (page.droplets[0] as Record<string, unknown>).size_slug = 42;
    const { fetchImpl } = stubFetch(() => ({ body: page }));
    const client = createDoClient({ token: "t", baseUrl: "http://do.test", fetchImpl });

    const error = await client.listDroplets().next().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DoSchemaError);
    expect(error).toMatchObject({ status: 200, path: "/v2/droplets?per_page=200" });
    expect((error as DoSchemaError).message).toContain("droplets.0.size_slug");
    expect((error as DoSchemaError).issues[0]?.path).toEqual(["droplets", 0, "size_slug"]);
  });

  it("treats 403 like 401", async () => {
    const { calls, fetchImpl } = stubFetch(() => ({ status: 403, body: { id: "forbidden", message: "scope" } }));
    const client = createDoClient({ token: "t", baseUrl: "http://do.test", fetchImpl });
    await expect(client.getBalance()).rejects.toBeInstanceOf(DoTokenRejectedError);
    expect(calls).toHaveLength(1);
  });

  it("stops after maxPages even when every next link is new", async () => {
    const { fetchImpl } = stubFetch((url) => {
      const page = Number(url.searchParams.get("page") ?? "1");
      return { body: dropletsPage([page], `https://api.digitalocean.com/v2/droplets?page=${page + 1}&per_page=200`) };
    });
    const client = createDoClient({ token: "t", baseUrl: "http://do.test", fetchImpl, maxPages: 5 });
    const pages: number[] = [];
    const error = await (async () => {
      for await (const page of client.listDroplets()) pages.push(page.length);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoPaginationError);
    expect(pages).toHaveLength(5);
  });

  it("accepts DO's `databases: null` for an account without clusters", async () => {
    const { fetchImpl } = stubFetch(() => ({ body: { databases: null } }));
    const client = createDoClient({ token: "t", baseUrl: "http://do.test", fetchImpl });
    const pages = [];
    for await (const page of client.listDatabases()) pages.push(page);
    expect(pages).toEqual([[]]);
  });
});

describe("getRateLimitWaitMs", () => {
  const now = Date.UTC(2026, 4, 1, 12, 0, 0);
  it("prefers retry-after seconds", () => {
    expect(getRateLimitWaitMs(new Headers({ "retry-after": "3", "ratelimit-reset": "9999999999" }), now)).toBe(3000);
  });
  it("reads an HTTP-date retry-after", () => {
    const headers = new Headers({ "retry-after": new Date(now + 5000).toUTCString() });
    expect(getRateLimitWaitMs(headers, now)).toBe(5000);
  });
  it("falls back to ratelimit-reset, never negative", () => {
    expect(getRateLimitWaitMs(new Headers({ "ratelimit-reset": String(now / 1000 + 7) }), now)).toBe(7000);
    expect(getRateLimitWaitMs(new Headers({ "ratelimit-reset": String(now / 1000 - 7) }), now)).toBe(0);
    expect(getRateLimitWaitMs(new Headers(), now)).toBeUndefined();
  });
});

describe("computeBackoffMs", () => {
  it("stays within the doubling ceiling and the cap", () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const delay = computeBackoffMs({ retryBaseMs: 100, retryMaxMs: 1000 }, attempt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(Math.min(1000, 100 * 2 ** (attempt - 1)));
    }
  });
});

describe("page URLs", () => {
  it("re-bases absolute links and keeps a base path prefix", () => {
    expect(toRequestPath("https://api.digitalocean.com/v2/x?page=2", "http://127.0.0.1:4010")).toBe("/v2/x?page=2");
    expect(toRequestPath("http://proxy.test/do/v2/x?page=2", "http://proxy.test/do")).toBe("/v2/x?page=2");
    expect(toRequestPath("/v2/x", "http://proxy.test/do")).toBe("/v2/x");
  });
  it("adds per_page only when missing", () => {
    expect(setDefaultPerPage("/v2/snapshots?resource_type=volume", 200)).toBe("/v2/snapshots?resource_type=volume&per_page=200");
    expect(setDefaultPerPage("/v2/x?per_page=50&page=3", 200)).toBe("/v2/x?per_page=50&page=3");
  });
  it("treats an absent page as page 1, in any parameter order", () => {
    expect(getPageKey("/v2/x?per_page=200")).toBe(getPageKey("/v2/x?page=1&per_page=200"));
    expect(getPageKey("/v2/x?per_page=200&page=2")).toBe(getPageKey("/v2/x?page=2&per_page=200"));
    expect(getPageKey("/v2/x?page=2")).not.toBe(getPageKey("/v2/x?page=3"));
  });
});
