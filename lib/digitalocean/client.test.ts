import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { createDoClient, type DoClientOptions, type DoRequestEvent } from "./client";
import { DoApiError, DoPaginationError, DoRateLimitedError, DoTokenRejectedError } from "./errors";
import { accountSchema, invoicePreviewSchema, volumeSchema } from "./schemas";

const TOKEN = "dop_v1_test_token_never_in_messages";

let fake: FakeDo;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 7, droplets: 450, token: TOKEN, now: new Date("2026-05-15T12:00:00Z") });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.faults.clear();
  fake.requests.length = 0;
});

function makeClient(overrides: Partial<DoClientOptions> = {}) {
  return createDoClient({
    token: TOKEN,
    baseUrl: fake.url,
    retryBaseMs: 5,
    retryMaxMs: 20,
    maxRateLimitWaitMs: 2_000,
    ...overrides,
  });
}

const dropletRequests = () => fake.requests.filter((r) => r.path === "/v2/droplets");

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function catchError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("createDoClient against the fake DO API", () => {
  it("streams every page at per_page=200, one request per page", async () => {
    const total = fake.account.droplets.length;
    const pages = await collect(makeClient().listDroplets());

    expect(pages).toHaveLength(Math.ceil(total / 200));
    expect(pages.map((p) => p.length)).toEqual([200, 200, total - 400]);
    const ids = pages.flat().map((d) => d.id);
    expect(new Set(ids).size).toBe(total);
    expect(dropletRequests()).toHaveLength(Math.ceil(total / 200));
    expect(dropletRequests().every((r) => r.query.per_page === "200")).toBe(true);
  });

  it("waits out a 429 for retry-after seconds, then succeeds", async () => {
    fake.faults.set("/v2/account", { type: "rate_limit", retryAfter: 1, times: 1 });
    const events: DoRequestEvent[] = [];
    const started = Date.now();

    const account = await makeClient({ onRequest: (e) => events.push(e) }).getAccount();

    expect(account.email).toBe(fake.account.owner.email);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(events.map((e) => [e.status, e.attempt])).toEqual([
      [429, 1],
      [200, 2],
    ]);
  });

  it("caps the rate-limit wait at maxRateLimitWaitMs", async () => {
    fake.faults.set("/v2/account", { type: "rate_limit", retryAfter: 600, times: 1 });
    const started = Date.now();
    await makeClient({ maxRateLimitWaitMs: 50 }).getAccount();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("waits until ratelimit-reset when there is no retry-after", async () => {
    fake.faults.set("/v2/account", { type: "rate_limit", resetIn: 1, times: 1 });
    const started = Date.now();
    await makeClient().getAccount();
    // The reset is rounded up to a whole second, so the wait is somewhere in (0, 2] seconds.
    expect(Date.now() - started).toBeGreaterThan(0);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("throws DoRateLimitedError when still limited after every retry", async () => {
    fake.faults.set("/v2/account", { type: "rate_limit", retryAfter: 120, times: Number.POSITIVE_INFINITY });
    const error = await catchError(makeClient({ maxRetries: 2, maxRateLimitWaitMs: 10 }).getAccount());
    expect(error).toBeInstanceOf(DoRateLimitedError);
    expect(error).toMatchObject({ status: 429, doId: "too_many_requests", retryAfterMs: 120_000 });
    expect(fake.requests).toHaveLength(3);
  });

  it("retries 5xx and succeeds", async () => {
    fake.faults.set("/v2/volumes", { type: "error", status: 503, times: 2 });
    const volumes = await makeClient().listAllArray("/v2/volumes", "volumes", volumeSchema);
    expect(volumes).toHaveLength(fake.account.volumes.length);
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("surfaces a persistent 500 as a DoApiError with DO's id and request id", async () => {
    fake.faults.set("/v2/account", { type: "error", status: 500, times: Number.POSITIVE_INFINITY });
    const error = await catchError(makeClient({ maxRetries: 2 }).getAccount());

    expect(error).toBeInstanceOf(DoApiError);
    expect(error).toMatchObject({ status: 500, doId: "server_error", path: "/v2/account" });
    expect((error as DoApiError).requestId).toMatch(/^fake-/);
    expect((error as DoApiError).message).toContain("/v2/account");
    expect(fake.requests).toHaveLength(3);
  });

  it("does not retry other 4xx", async () => {
    const error = await catchError(makeClient().request("/v2/no-such-thing", accountSchema));
    expect(error).toMatchObject({ status: 404, doId: "not_found" });
    expect(fake.requests).toHaveLength(1);
  });

  it("times out a slow response, retries, and gives up with status 0", async () => {
    fake.faults.set("/v2/account", { type: "slow", delayMs: 400 });
    const error = await catchError(makeClient({ timeoutMs: 80, maxRetries: 1 }).getAccount());

    expect(error).toBeInstanceOf(DoApiError);
    expect(error).toMatchObject({ status: 0, path: "/v2/account" });
    expect((error as Error).message).toMatch(/timed out after 80ms/);
    expect(fake.requests).toHaveLength(2);
  });

  it("recovers when only the first attempt is slow", async () => {
    fake.faults.set("/v2/account", { type: "slow", delayMs: 400, times: 1 });
    await expect(makeClient({ timeoutMs: 80 }).getAccount()).resolves.toMatchObject({ status: "active" });
  });

  it("retries a malformed JSON body or an HTML page like a 5xx, then fails naming the status and path", async () => {
    fake.faults.set("/v2/account", { type: "malformed", times: 1 });
    await expect(makeClient().getAccount()).resolves.toMatchObject({ status: "active" });
    fake.faults.set("/v2/account", { type: "html", times: 1 });
    await expect(makeClient().getAccount()).resolves.toMatchObject({ status: "active" });
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    fake.faults.set("/v2/account", { type: "malformed", times: Number.POSITIVE_INFINITY });
    const error = await catchError(makeClient({ maxRetries: 2 }).getAccount());
    expect(error).toBeInstanceOf(DoApiError);
    expect(error).toMatchObject({ status: 200, path: "/v2/account" });
    expect((error as Error).message).toMatch(/malformed JSON for GET \/v2\/account .*3 attempts/);
    expect(fake.requests).toHaveLength(7);
  });

  it("retries a body cut off mid-transfer, and fails with status 0 if it keeps happening", async () => {
    fake.faults.set("/v2/droplets", { type: "truncated", times: 1 });
    const pages = await collect(makeClient().listDroplets());
    expect(pages.flat()).toHaveLength(fake.account.droplets.length);

    fake.faults.set("/v2/account", { type: "truncated", times: Number.POSITIVE_INFINITY });
    const error = await catchError(makeClient({ maxRetries: 1 }).getAccount());
    expect(error).toMatchObject({ status: 0, path: "/v2/account" });
  });

  it("throws when a page keeps failing mid-listing, after the pages before it", async () => {
    fake.faults.set("/v2/droplets", { type: "fail_page", page: 2, status: 500, times: Number.POSITIVE_INFINITY });
    const received: number[] = [];

    const error = await catchError(
      (async () => {
        for await (const page of makeClient({ maxRetries: 2 }).listDroplets()) received.push(page.length);
      })(),
    );

    expect(received).toEqual([200]);
    expect(error).toBeInstanceOf(DoApiError);
    expect(error).toMatchObject({ status: 500 });
    expect((error as DoApiError).path).toContain("page=2");
    expect(dropletRequests().map((r) => r.query.page ?? "1")).toEqual(["1", "2", "2", "2"]);
  });

  it("rejects a bad token with DoTokenRejectedError, once, without leaking the token", async () => {
    const client = makeClient({ token: "dop_v1_wrong_token" });
    const error = await catchError(client.getAccount());

    expect(error).toBeInstanceOf(DoTokenRejectedError);
    expect(error).toBeInstanceOf(DoApiError);
    expect(error).toMatchObject({ status: 401, doId: "unauthorized", message: "DO token rejected" });
    expect(JSON.stringify(error)).not.toContain("dop_v1_wrong_token");
    expect(String((error as Error).stack)).not.toContain("dop_v1_wrong_token");
    expect(fake.requests).toHaveLength(1);
  });

  it("detects a next link that repeats a page", async () => {
    fake.faults.set("/v2/domains", { type: "repeat_next" });
    const error = await catchError(collect(makeClient().listDomains()));
    expect(error).toBeInstanceOf(DoPaginationError);
    expect(fake.requests).toHaveLength(1);
  });

  it("fetches the invoice CSV as text", async () => {
    const [invoice] = await makeClient().listAllArray(
      "/v2/customers/my/invoices",
      "invoices",
      invoicePreviewSchema,
    );
    const csv = await makeClient().getInvoiceCsv(invoice?.invoice_uuid ?? "");
    expect(csv.split("\n")[0]).toBe("product,group_description,description,hours,start,end,USD,project_name,category");
    expect(csv).toContain("Australian GST");
  });

  it("reads every endpoint the sync and cost ingestion need", async () => {
    const client = makeClient();
    const all = async <T>(pages: AsyncIterable<T[]>) => (await collect(pages)).flat();
    const { account } = fake;

    expect(await all(client.listVolumes())).toHaveLength(account.volumes.length);
    const snapshots = await all(client.listSnapshots("volume"));
    expect(snapshots.length).toBe(account.snapshots.filter((s) => s.resource_type === "volume").length);
    expect(snapshots.every((s) => s.resource_type === "volume")).toBe(true);
    expect(await all(client.listDomains())).toHaveLength(account.domains.length);
    expect(await all(client.listLoadBalancers())).toHaveLength(account.loadBalancers.length);
    const databases = await all(client.listDatabases());
    expect(databases).toHaveLength(account.databases.length);
    expect(databases[0]).not.toHaveProperty("connection");
    expect(await all(client.listKubernetesClusters())).toHaveLength(account.kubernetesClusters.length);
    expect(await all(client.listReservedIps())).toHaveLength(account.reservedIps.length);
    expect((await all(client.listApps())).map((a) => a.spec.name)).toEqual(account.apps.map((a) => a.spec.name));
    const projects = await all(client.listProjects());
    const tenants = projects.find((p) => p.name === "tenants");
    const resources = await all(client.listProjectResources(tenants?.id ?? ""));
    expect(resources.some((r) => r.urn.startsWith("do:droplet:"))).toBe(true);

    const balance = await client.getBalance();
    const preview = await client.getInvoicePreview();
    expect(balance.month_to_date_usage).toBe(preview.amount);
    const history = await all(client.listBillingHistory());
    const invoices = await all(client.listInvoices());
    expect(invoices).toHaveLength(30);
    expect(history.filter((h) => h.type === "Invoice").map((h) => h.invoice_uuid)).toEqual(
      invoices.map((i) => i.invoice_uuid).reverse(),
    );
    const first = invoices[0]?.invoice_uuid ?? "";
    const items = await all(client.listInvoiceItems(first));
    expect(items.length).toBeGreaterThan(20);
    const summary = await client.getInvoiceSummary(first);
    expect(summary.amount).toBe(invoices[0]?.amount);
  });

  it("reports every attempt to onRequest, and a throwing hook does not break the call", async () => {
    fake.faults.set("/v2/account", { type: "error", status: 502, times: 1 });
    const events: DoRequestEvent[] = [];
    await makeClient({
      onRequest: (event) => {
        events.push(event);
        throw new Error("metrics are down");
      },
    }).getAccount();
    expect(events.map((e) => ({ status: e.status, attempt: e.attempt, path: e.path }))).toEqual([
      { status: 502, attempt: 1, path: "/v2/account" },
      { status: 200, attempt: 2, path: "/v2/account" },
    ]);
    expect(events.every((e) => e.durationMs >= 0 && e.method === "GET")).toBe(true);
  });

  it("gives up on an unreachable server with status 0", async () => {
    const closed = await startFakeDo({ droplets: 0 });
    const url = closed.url;
    await closed.close();
    const error = await catchError(makeClient({ baseUrl: url, maxRetries: 1 }).getAccount());
    expect(error).toMatchObject({ status: 0, path: "/v2/account" });
    expect((error as Error).message).not.toContain(TOKEN);
  });
});
