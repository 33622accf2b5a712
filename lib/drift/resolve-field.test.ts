import { describe, expect, it } from "vitest";
import { resolveField } from "./resolve-field";

describe("resolveField", () => {
  const row = {
    id: "res_1",
    sizeSlug: "s-1vcpu-1gb",
    region: "syd1",
    status: null,
    tags: ["web"],
    attrs: {
      size_slug: "s-2vcpu-4gb",
      status: "active",
      region: { slug: "syd1", name: "Sydney 1" },
      size: { price_monthly: 12, vcpus: 1 },
      networks: { v4: [{ ip_address: "10.0.0.2", type: "private" }, { ip_address: "170.64.1.10", type: "public" }] },
      volume_ids: ["vol-1"],
      backupPolicy: { plan: "weekly" },
    },
  };

  it.each<[string, unknown]>([
    ["size_slug", "s-1vcpu-1gb"],
    ["sizeSlug", "s-1vcpu-1gb"],
    ["region", "syd1"],
    ["region.slug", "syd1"],
    ["region.name", "Sydney 1"],
    ["size.price_monthly", 12],
    ["size.priceMonthly", 12],
    ["networks.v4.0.ip_address", "10.0.0.2"],
    ["networks.v4.1.ip_address", "170.64.1.10"],
    ["networks.v4.2.ip_address", undefined],
    ["networks.v4.first", undefined],
    ["volume_ids.0", "vol-1"],
    ["backup_policy.plan", "weekly"],
    ["tags", ["web"]],
    ["status", "active"],
    ["missing", undefined],
    ["region.slug.more", undefined],
    ["constructor", undefined],
    ["attrs.size.vcpus", 1],
  ])("resolves %j", (field, value) => {
    expect(resolveField(row, field)).toEqual(value);
  });

  it("prefers the column to attrs", () => {
    expect(resolveField({ name: "column", attrs: { name: "attrs" } }, "name")).toBe("column");
  });

  it("keeps a null column when attrs has nothing either", () => {
    expect(resolveField({ status: null, attrs: {} }, "status")).toBeNull();
    expect(resolveField({ attrs: null }, "status")).toBeUndefined();
  });

  it("reads snake_case rows as well as camelCase ones", () => {
    expect(resolveField({ size_slug: "s-1", attrs: {} }, "sizeSlug")).toBe("s-1");
  });
});
