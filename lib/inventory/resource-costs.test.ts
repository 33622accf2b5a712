import { describe, expect, it } from "vitest";
import { setupAppTestDb } from "@/test/app-db";
import { createInvoiceWithLines } from "@/test/billing-factories";
import { createResource } from "@/test/factories";
import { loadResourceCosts } from "./resource-costs";

const getDb = setupAppTestDb();

describe("loadResourceCosts", () => {
  it("says nothing before any invoice is ingested", async () => {
    const r = await createResource(getDb().db);
    expect(await loadResourceCosts(getDb().db, [r.id])).toEqual({ period: null, currency: null, byResource: {}, byKind: {} });
  });

  it("sums each resource's matched lines of the latest invoiced month, and each kind's lines of that month", async () => {
    const { db } = getDb();
    const a = await createResource(db);
    const b = await createResource(db);
    const vol = await createResource(db, { kind: "volume" });
    await createInvoiceWithLines(db, "2026-03-01", [{ cents: 900, resourceId: b.id }]);
    await createInvoiceWithLines(db, "2026-04-01", [
      { cents: 1200, resourceId: a.id },
      { cents: 100, resourceId: a.id },
      { cents: 700 }, // a droplet nobody matched still counts in the kind's total
      { cents: 300, resourceId: vol.id, kind: "volume" },
      { cents: 55, lineType: "tax" },
    ]);
    const costs = await loadResourceCosts(db, [a.id, b.id, vol.id]);
    expect(costs).toEqual({ period: "2026-04-01", currency: "USD", byResource: { [a.id]: 1300, [vol.id]: 300 }, byKind: { droplet: 2000, volume: 300 } });
  });
});
