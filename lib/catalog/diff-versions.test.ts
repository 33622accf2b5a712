import { describe, expect, it } from "vitest";
import { diffVersions } from "./diff-versions";
import type { PlanItemDto } from "./schemas";

const droplets: PlanItemDto = { resource_kind: "droplet_hours", included_qty: 744, overage_unit: "hour", overage_price_cents: 2, hard_cap_qty: null };
const dns: PlanItemDto = { resource_kind: "dns_zones", included_qty: 3, overage_unit: "zone", overage_price_cents: 100, hard_cap_qty: 5 };
const llm: PlanItemDto = { resource_kind: "llm_tokens", included_qty: 1_000_000, overage_unit: "1M tokens", overage_price_cents: 300, hard_cap_qty: null };

describe("diffVersions", () => {
  it("is empty for identical versions, whatever the item order", () => {
    expect(diffVersions({ base_price_cents: 5000, currency: "AUD", items: [droplets, dns] }, { base_price_cents: 5000, currency: "AUD", items: [dns, droplets] })).toEqual([]);
  });

  it("lists price, currency, added, removed and changed items in catalog order", () => {
    const changes = diffVersions(
      { base_price_cents: 5000, currency: "AUD", items: [droplets, dns] },
      { base_price_cents: 5500, currency: "NZD", items: [llm, { ...droplets, included_qty: 1488, hard_cap_qty: 2000 }] },
    );
    expect(changes).toEqual([
      { type: "base_price", from: 5000, to: 5500 },
      { type: "currency", from: "AUD", to: "NZD" },
      {
        type: "item_changed",
        resource_kind: "droplet_hours",
        fields: [
          { field: "included_qty", from: 744, to: 1488 },
          { field: "hard_cap_qty", from: null, to: 2000 },
        ],
      },
      { type: "item_removed", item: dns },
      { type: "item_added", item: llm },
    ]);
  });

  it("treats every item of a first version as added", () => {
    expect(diffVersions(null, { base_price_cents: 1, currency: "AUD", items: [dns, droplets] }).map((c) => c.type)).toEqual(["item_added", "item_added"]);
  });
});
