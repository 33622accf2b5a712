import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDoClient } from "@/lib/digitalocean/client";
import { dropletSchema } from "@/lib/digitalocean/schemas";
import { type FakeDo, startFakeDo } from "./index";

let fake: FakeDo;
const auth = { authorization: "Bearer anything" };

beforeAll(async () => {
  fake = await startFakeDo({ seed: 3, droplets: 45, kubernetesClusters: 1, now: new Date("2026-05-15T12:00:00Z") });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.faults.clear();
  fake.requests.length = 0;
});

async function get(path: string, headers: Record<string, string> = auth) {
  const res = await fetch(`${fake.url}${path}`, { headers });
  const text = await res.text();
  return { res, text, json: () => JSON.parse(text) };
}

describe("fake DO: protocol", () => {
  it("pages like DO: per_page defaults to 20, absolute links from the Host, no next on the last page", async () => {
    const total = fake.account.droplets.length;
    const first = (await get("/v2/droplets")).json();
    expect(first.droplets).toHaveLength(20);
    expect(first.meta).toEqual({ total });
    expect(first.links.pages).toEqual({
      next: `${fake.url}/v2/droplets?page=2&per_page=20`,
      last: `${fake.url}/v2/droplets?page=${Math.ceil(total / 20)}&per_page=20`,
    });

    const last = (await get(`/v2/droplets?page=${Math.ceil(total / 20)}`)).json();
    expect(last.links.pages).toEqual({
      first: `${fake.url}/v2/droplets?page=1&per_page=20`,
      prev: `${fake.url}/v2/droplets?page=${Math.ceil(total / 20) - 1}&per_page=20`,
    });
    expect(last.droplets).toHaveLength(total % 20 || 20);
  });

  it("caps per_page at 200, keeps filters in links, and sends pages {} for a single page", async () => {
    const capped = (await get("/v2/droplets?per_page=500")).json();
    expect(capped.droplets).toHaveLength(fake.account.droplets.length);
    expect(capped.links).toEqual({ pages: {} });

    const filtered = (await get("/v2/snapshots?resource_type=droplet&per_page=2")).json();
    expect(filtered.snapshots.every((s: { resource_type: string }) => s.resource_type === "droplet")).toBe(true);
    expect(filtered.links.pages.next).toBe(`${fake.url}/v2/snapshots?page=2&per_page=2&resource_type=droplet`);
  });

  it("sends links {} for an empty list, and no pagination at all for databases", async () => {
    const empty = await startFakeDo({ droplets: 0, kubernetesClusters: 0 });
    try {
      const res = await fetch(`${empty.url}/v2/droplets`, { headers: auth });
      expect(await res.json()).toEqual({ droplets: [], links: {}, meta: { total: 0 } });
    } finally {
      await empty.close();
    }
    const dbs = (await get("/v2/databases")).json();
    expect(Object.keys(dbs)).toEqual(["databases"]);
  });

  it("answers DO-style errors: 401 without a token, 404 for unknown paths", async () => {
    const unauthorized = await get("/v2/account", {});
    expect(unauthorized.res.status).toBe(401);
    expect(unauthorized.json()).toMatchObject({ id: "unauthorized", message: "Unable to authenticate you" });
    expect(unauthorized.json().request_id).toEqual(expect.any(String));

    const missing = await get("/v2/whatever");
    expect(missing.res.status).toBe(404);
    expect(missing.json()).toMatchObject({ id: "not_found" });
    expect((await get("/v2/customers/my/invoices/no-such-uuid/csv")).res.status).toBe(404);
  });

  it("only accepts the configured token when one is set", async () => {
    const strict = await startFakeDo({ droplets: 1, token: "right" });
    try {
      const wrong = await fetch(`${strict.url}/v2/account`, { headers: { authorization: "Bearer wrong" } });
      const right = await fetch(`${strict.url}/v2/account`, { headers: { authorization: "Bearer right" } });
      expect([wrong.status, right.status]).toEqual([401, 200]);
    } finally {
      await strict.close();
    }
  });

  it("sends rate-limit headers on every response and records each request", async () => {
    const { res } = await get("/v2/account?x=1");
    expect(Number(res.headers.get("ratelimit-limit"))).toBe(5000);
    expect(Number(res.headers.get("ratelimit-remaining"))).toBeLessThan(5000);
    expect(Number(res.headers.get("ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    expect(fake.requests).toEqual([{ method: "GET", path: "/v2/account", query: { x: "1" }, status: 200, at: expect.any(Number) }]);
  });

  it("enforces DO's limits when asked: 250 per sliding minute, the hourly budget per sliding hour, on its clock", async () => {
    let now = Date.parse("2026-05-15T12:00:00Z");
    const strict = await startFakeDo({ seed: 3, droplets: 1, rateLimit: 300, enforceRateLimit: true, clock: () => now });
    try {
      const status = async () => (await fetch(`${strict.url}/v2/account`, { headers: auth })).status;
      const burst = async (n: number) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push(await status());
        return out;
      };
      expect((await burst(251)).filter((s) => s === 429)).toHaveLength(1); // the 251st within the minute
      const limited = await fetch(`${strict.url}/v2/account`, { headers: auth });
      expect(Number(limited.headers.get("ratelimit-reset"))).toBe(Date.parse("2026-05-15T12:01:00Z") / 1000);
      now += 60_000; // the minute has passed; 250 of the hour's 300 are used
      expect((await burst(51)).filter((s) => s === 429)).toHaveLength(1);
      now += 3_600_000;
      expect(await status()).toBe(200);
      expect(strict.requests.at(-1)?.at).toBe(now);
    } finally {
      await strict.close();
    }
  });
});

describe("fake DO: faults", () => {
  it("applies a fault `times` times, then serves normally", async () => {
    fake.faults.set("/v2/volumes", { type: "error", status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get("/v2/volumes")).res.status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(fake.faults.list()).toEqual([]);
  });

  it("fails only the chosen page", async () => {
    fake.faults.set("/v2/droplets", { type: "fail_page", page: 2, status: 502, times: Number.POSITIVE_INFINITY });
    expect((await get("/v2/droplets?page=1")).res.status).toBe(200);
    expect((await get("/v2/droplets?page=2")).res.status).toBe(502);
    expect((await get("/v2/droplets?page=2")).res.status).toBe(502);
  });

  it("uses the longest matching prefix whose fault applies", async () => {
    fake.faults.set("/v2/droplets", { type: "error", status: 502 });
    fake.faults.set("/v2", { type: "error", status: 500, times: Number.POSITIVE_INFINITY });
    expect((await get("/v2/droplets")).res.status).toBe(502);
    expect((await get("/v2/droplets")).res.status).toBe(500);
    expect((await get("/v2/account")).res.status).toBe(500);
  });

  it("sends a 429 with retry-after and a reset in the future", async () => {
    fake.faults.set("/v2/account", { type: "rate_limit", retryAfter: 7 });
    const { res, json } = await get("/v2/account");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.headers.get("ratelimit-remaining")).toBe("0");
    expect(json()).toMatchObject({ id: "too_many_requests" });
  });

  it("cuts bodies: truncated drops the connection, malformed sends half the JSON", async () => {
    fake.faults.set("/v2/account", { type: "truncated" });
    await expect(get("/v2/account")).rejects.toThrow();

    fake.faults.set("/v2/account", { type: "malformed" });
    const { res, json } = await get("/v2/account");
    expect(res.status).toBe(200);
    expect(json).toThrow(SyntaxError);
  });

  it("short_page leaves items out of the chosen page while meta and links stay as they were", async () => {
    fake.faults.set("/v2/droplets", { type: "short_page", page: 2, drop: 5, times: Number.POSITIVE_INFINITY });
    const first = (await get("/v2/droplets?page=1&per_page=20")).json();
    const second = (await get("/v2/droplets?page=2&per_page=20")).json();
    expect(first.droplets).toHaveLength(20);
    expect(second.droplets).toHaveLength(15);
    expect(second.meta).toEqual({ total: fake.account.droplets.length });
    expect(second.links.pages.next).toBe(`${fake.url}/v2/droplets?page=3&per_page=20`);
  });

  it("html answers a page of HTML, as a proxy in the way would", async () => {
    fake.faults.set("/v2/account", { type: "html" });
    const { res, text } = await get("/v2/account");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(text).toMatch(/^<html>/);
  });

  it("mutate changes the account just before answering the chosen page", async () => {
    const before = fake.account.droplets.length;
    fake.faults.set("/v2/droplets", { type: "mutate", page: 2, apply: () => fake.addDroplet({ name: "mid-listing" }) });
    expect((await get("/v2/droplets?page=1&per_page=20")).json().meta.total).toBe(before);
    expect((await get("/v2/droplets?page=2&per_page=20")).json().meta.total).toBe(before + 1);
    expect(fake.faults.list()).toEqual([]);
    fake.removeResource("droplets", fake.account.droplets.find((d) => d.name === "mid-listing")!.id);
  });

  it("delays with slow, and points next back at the same page with repeat_next", async () => {
    fake.faults.set("/v2/domains", { type: "slow", delayMs: 150, times: 1 });
    const started = Date.now();
    await get("/v2/domains");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    fake.faults.set("/v2/droplets", { type: "repeat_next" });
    const page = (await get("/v2/droplets?page=2&per_page=20")).json();
    expect(page.links.pages.next).toBe(`${fake.url}/v2/droplets?page=2&per_page=20`);
  });
});

describe("fake DO: mutable account", () => {
  it("lists added, updated and removed droplets on the next sync", async () => {
    const client = createDoClient({ token: "t", baseUrl: fake.url });
    const added = fake.addDroplet({ name: "tenant-acme-vm-99", tags: ["tenant:acme"], sizeSlug: "s-2vcpu-4gb" });
    const victim = fake.account.droplets[0];
    if (!victim) throw new Error("no droplets");
    fake.updateDroplet(added.id, { sizeSlug: "s-4vcpu-8gb", status: "off" });
    expect(fake.removeResource("droplets", victim.id)).toBe(true);

    const listed = await client.listAllArray("/v2/droplets", "droplets", dropletSchema);
    const again = listed.find((d) => d.id === added.id);
    expect(again).toMatchObject({ name: "tenant-acme-vm-99", size_slug: "s-4vcpu-8gb", status: "off" });
    expect(again?.size.price_monthly).toBe(48);
    expect(listed.some((d) => d.id === victim.id)).toBe(false);
    expect(fake.account.deleted.at(-1)).toMatchObject({ kind: "droplets", resource: { id: victim.id } });
    expect(fake.removeResource("domains", "no-such.example")).toBe(false);
  });
});
