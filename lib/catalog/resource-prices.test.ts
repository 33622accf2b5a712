import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CatalogResourceKind, resourcePrices } from "@/db/schema/catalog";
import { createTestDb, type TestDb } from "@/test/db";
import { createResourcePrice, currentResourcePrice, listEffectiveResourcePrices, listResourcePriceHistory } from "./resource-prices";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const d = (iso: string) => new Date(iso);
const price = (kind: CatalogResourceKind, cents: number, from: string, to: string | null = null) =>
  createResourcePrice(t.db, { resource_kind: kind, unit: "hour", price_cents: cents, currency: "AUD", effective_from: d(from), effective_to: to ? d(to) : null });

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e as Error & { code?: string },
  );

describe("resource prices", () => {
  it("a new price closes the open period of its kind at the instant it starts", async () => {
    await price("droplet_hours", 2, "2026-01-01T00:00:00Z");
    const r = await price("droplet_hours", 3, "2026-02-01T00:00:00Z");
    expect(r.closed).toMatchObject({ price_cents: 2, effective_from: "2026-01-01T00:00:00.000Z", effective_to: "2026-02-01T00:00:00.000Z" });
    expect(r.created).toMatchObject({ price_cents: 3, effective_to: null });
    const history = (await listResourcePriceHistory(t.db)).filter((p) => p.resource_kind === "droplet_hours");
    expect(history.map((p) => [p.price_cents, p.effective_from, p.effective_to])).toEqual([
      [3, "2026-02-01T00:00:00.000Z", null],
      [2, "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"],
    ]);
  });

  it("looks up the price in force, periods being half-open [from, to)", async () => {
    const at = async (iso: string) => (await currentResourcePrice(t.db, "droplet_hours", d(iso)))?.price_cents ?? null;
    expect(await at("2025-12-31T23:59:59.999Z")).toBeNull();
    expect(await at("2026-01-01T00:00:00.000Z")).toBe(2);
    expect(await at("2026-01-31T23:59:59.999Z")).toBe(2);
    expect(await at("2026-02-01T00:00:00.000Z")).toBe(3);
    expect(await at("2099-01-01T00:00:00.000Z")).toBe(3);
    expect(await currentResourcePrice(t.db, "dns_zones", d("2026-03-01T00:00:00Z"))).toBeNull();
  });

  it("lists every kind's price in force at a moment", async () => {
    await price("bandwidth_gb", 1, "2026-01-15T00:00:00Z");
    const jan10 = await listEffectiveResourcePrices(t.db, d("2026-01-10T00:00:00Z"));
    expect(jan10.map((p) => [p.resource_kind, p.price_cents])).toEqual([["droplet_hours", 2]]);
    const feb = await listEffectiveResourcePrices(t.db, d("2026-02-10T00:00:00Z"));
    expect(feb.map((p) => [p.resource_kind, p.price_cents])).toEqual([
      ["bandwidth_gb", 1],
      ["droplet_hours", 3],
    ]);
  });

  it("refuses a price that would overlap an existing period, naming the period", async () => {
    const sameStart = await rejection(price("droplet_hours", 9, "2026-02-01T00:00:00Z"));
    expect(sameStart).toMatchObject({ code: "conflict" });
    expect(sameStart.message).toMatch(/already starts at 2026-02-01T00:00:00.000Z/);
    const inHistory = await rejection(price("droplet_hours", 9, "2026-01-10T00:00:00Z"));
    expect(inHistory.message).toMatch(/falls in the closed droplet_hours period 2026-01-01T00:00:00.000Z – 2026-02-01T00:00:00.000Z/);
    const beforeAll = await rejection(price("droplet_hours", 9, "2025-06-01T00:00:00Z"));
    expect(beforeAll.message).toMatch(/later droplet_hours price starts at 2026-01-01/);
    // A bounded period that fits before the first one is fine.
    await price("droplet_hours", 1, "2025-06-01T00:00:00Z", "2026-01-01T00:00:00Z");
    expect((await currentResourcePrice(t.db, "droplet_hours", d("2025-07-01T00:00:00Z")))?.price_cents).toBe(1);
  });

  it("the database refuses overlapping rows written around the domain layer", async () => {
    const e = await rejection(
      t.db.insert(resourcePrices).values({ resourceKind: "droplet_hours", unit: "hour", priceCents: 5, currency: "AUD", effectiveFrom: d("2026-03-01T00:00:00Z") }),
    );
    expect(String(e.cause ?? e)).toMatch(/droplet_hours price already covers part of the period/);
    const reopen = await rejection(
      t.db.update(resourcePrices).set({ effectiveTo: null }).where(eq(resourcePrices.effectiveFrom, d("2026-01-01T00:00:00Z"))),
    );
    expect(String(reopen.cause ?? reopen)).toMatch(/already covers/);
    // Other kinds are independent.
    await t.db.insert(resourcePrices).values({ resourceKind: "llm_tokens", unit: "1M tokens", priceCents: 300, currency: "AUD", effectiveFrom: d("2026-03-01T00:00:00Z") });
  });

  it("racing new prices of one kind leave a history without gaps or overlaps", async () => {
    await price("database_hours", 4, "2026-01-01T00:00:00Z");
    const starts = ["2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"];
    const results = await Promise.allSettled(starts.map((s, i) => price("database_hours", 5 + i, `${s}T00:00:00Z`)));
    // Whatever the order, each one either closed the open period or was refused for landing before a later one.
    const history = (await listResourcePriceHistory(t.db)).filter((p) => p.resource_kind === "database_hours").reverse();
    expect(history.filter((p) => p.effective_to === null)).toHaveLength(1);
    for (let i = 1; i < history.length; i++) expect(history[i - 1]!.effective_to).toBe(history[i]!.effective_from);
    expect(history.length).toBe(1 + results.filter((r) => r.status === "fulfilled").length);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
  });

  it("rejects invalid input", async () => {
    const e = await rejection(price("droplet_hours", -1, "2027-01-01T00:00:00Z"));
    expect(e).toMatchObject({ code: "invalid_request" });
    const backwards = await rejection(price("reserved_ip_hours", 1, "2027-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
    expect(backwards.message).toMatch(/end after it starts/);
  });
});
