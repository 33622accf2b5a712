import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type FakeDo, startFakeDo } from "@/test/fake-do";
import { createDoClient } from "./client";
import { DoIncompleteListingError } from "./errors";
import { invoiceItemSchema } from "./schemas";

// A listing is complete only when it saw as many distinct items as DO's meta.total: DO's offset pages shift when the
// account changes mid-listing, and a proxy or DO itself can hand back a short page with an unchanged meta.

let fake: FakeDo;

beforeAll(async () => {
  fake = await startFakeDo({ seed: 11, droplets: 450, now: new Date("2026-05-15T12:00:00Z") });
});
afterAll(() => fake.close());
afterEach(() => {
  fake.faults.clear();
  fake.requests.length = 0;
});

const client = () => createDoClient({ token: "t", baseUrl: fake.url, retryBaseMs: 1, retryMaxMs: 5 });
const dropletRequests = () => fake.requests.filter((r) => r.path === "/v2/droplets");

async function listIds(pages: AsyncIterable<{ id: number }[]>): Promise<{ ids: number[]; error?: unknown }> {
  const ids: number[] = [];
  try {
    for await (const page of pages) ids.push(...page.map((d) => d.id));
  } catch (error) {
    return { ids, error };
  }
  return { ids };
}

/** Moves the account's newest droplet to the front, where DO's offset pages shift every later item by one. */
function createAtFront(): number {
  const d = fake.addDroplet({ name: "created-mid-listing" });
  fake.account.droplets.unshift(fake.account.droplets.pop()!);
  return d.id;
}

describe("listAll compares what it saw with meta.total", () => {
  it("a short page with an unchanged meta fails the listing as incomplete, after yielding what it got", async () => {
    fake.faults.set("/v2/droplets", { type: "short_page", page: 2, drop: 50 });
    const { ids, error } = await listIds(client().listDroplets());
    expect(ids).toHaveLength(fake.account.droplets.length - 50);
    expect(error).toBeInstanceOf(DoIncompleteListingError);
    expect((error as Error).message).toMatch(/incomplete/);
    expect((error as Error).message).toContain(`${fake.account.droplets.length - 50} distinct of the ${fake.account.droplets.length}`);
  });

  it("a droplet created at the front mid-listing: the duplicate is yielded once and the re-list finds the new one", async () => {
    let created = 0;
    fake.faults.set("/v2/droplets", { type: "mutate", page: 2, apply: () => (created = createAtFront()) });
    const { ids, error } = await listIds(client().listDroplets());
    expect(error).toBeUndefined();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(fake.account.droplets.map((d) => d.id).sort());
    expect(ids).toContain(created);
    expect(dropletRequests()).toHaveLength(6); // three pages, then three again
    fake.removeResource("droplets", created);
  });

  it("a droplet deleted mid-listing, which makes the next page skip one: the re-list finds the skipped one", async () => {
    const skipped = fake.account.droplets[200]!.id;
    fake.faults.set("/v2/droplets", { type: "mutate", page: 2, apply: () => fake.removeResource("droplets", fake.account.droplets[0]!.id) });
    const { ids, error } = await listIds(client().listDroplets());
    expect(error).toBeUndefined();
    expect(ids).toContain(skipped);
    for (const d of fake.account.droplets) expect(ids).toContain(d.id);
  });

  it("a total still changing on the re-list fails as incomplete", async () => {
    fake.faults.set("/v2/droplets", { type: "mutate", page: 2, times: 2, apply: () => fake.addDroplet({ name: "churn" }) });
    const { error } = await listIds(client().listDroplets());
    expect(error).toBeInstanceOf(DoIncompleteListingError);
    expect((error as Error).message).toMatch(/incomplete: meta.total changed/);
    expect(dropletRequests()).toHaveLength(6);
  });

  it("a listing whose items have no identity counts each item, and a short page still fails it", async () => {
    const [invoice] = fake.billing.listInvoices().invoices;
    const path = `/v2/customers/my/invoices/${invoice!.uuid}`;
    const all = await client().listAllArray(path, "invoice_items", invoiceItemSchema);
    expect(all.length).toBeGreaterThan(0);
    fake.faults.set(path, { type: "short_page", drop: 1 });
    await expect(client().listAllArray(path, "invoice_items", invoiceItemSchema)).rejects.toThrow(/incomplete/);
  });
});
