import { describe, expect, it } from "vitest";
import { describeEventData } from "./describe-event-data";

describe("an event's details in the activity feed", () => {
  it("reads as words: amounts with their currency, lists by count and first names, nested resources by name, no nulls", () => {
    expect(
      describeEventData({
        period: "2026-11",
        currency: "USD",
        amount_cents: 111630,
        reconciles: true,
        resource: { id: "803f7cca", kind: "droplet", name: "arcadia-bastion-01" },
        resources: [{ id: "a", name: "vm-1" }, { id: "b", name: "vm-2" }, { id: "c", name: "vm-3" }, { id: "d", name: "vm-4" }],
        tenant_name: null,
        tags: ["a", "b"],
      }),
    ).toBe("period: 2026-11 · currency: USD · amount: US$1,116.30 · reconciles: true · resource: arcadia-bastion-01 · resources: 4 (vm-1, vm-2, vm-3, …) · tags: a, b");
  });

  it("leaves cents as they are when the event names no currency", () => {
    expect(describeEventData({ monthly_cost_cents: 1000, currency: null })).toBe("monthly_cost_cents: 1000");
  });
});
