import { describe, expect, it } from "vitest";
import { compareSpec, toJsonValue } from "./compare-spec";

const droplet = {
  id: "r-1",
  name: "web-01",
  region: "syd1",
  sizeSlug: "s-1vcpu-2gb",
  status: "active",
  tags: ["web", "tenant:acme"],
  monthlyPriceCents: 1200,
  providerCreatedAt: new Date("2025-03-14T09:26:53Z"),
  deletedAt: null,
  attrs: { size: { vcpus: 1, memory: 2048 }, image: { slug: "ubuntu-24-04-x64" }, volume_ids: [] },
};

describe("compareSpec", () => {
  it("flags only the fields that differ as facts", () => {
    expect(
      compareSpec(
        { size_slug: "s-2vcpu-4gb", region: "syd1", tags: ["tenant:acme", "web"], "size.vcpus": "1", monthly_price_cents: "12.00e2" },
        droplet,
      ),
    ).toEqual([{ field: "size_slug", expected: "s-2vcpu-4gb", actual: "s-1vcpu-2gb" }]);
  });

  it("reads nested attrs and reports a missing value as null", () => {
    expect(compareSpec({ "image.slug": "debian-12-x64", "backups.plan": "weekly", volume_ids: null }, droplet)).toEqual([
      { field: "image.slug", expected: "debian-12-x64", actual: "ubuntu-24-04-x64" },
      { field: "backups.plan", expected: "weekly", actual: null },
    ]);
  });

  it("compares objects key by key and stores dates as ISO text", () => {
    expect(compareSpec({ size: { vcpus: 1, memory: "2048" } }, droplet)).toEqual([]);
    expect(compareSpec({ provider_created_at: "2025-03-14 09:26:53 +0000" }, droplet)).toEqual([]);
    expect(compareSpec({ provider_created_at: "2024-01-01T00:00:00Z" }, droplet)).toEqual([
      { field: "provider_created_at", expected: "2024-01-01T00:00:00Z", actual: "2025-03-14T09:26:53.000Z" },
    ]);
  });

  it("gives a tombstoned resource one drift, on exists", () => {
    const gone = { ...droplet, deletedAt: new Date() };
    expect(compareSpec({ size_slug: "s-2vcpu-4gb", region: "nyc1" }, gone)).toEqual([{ field: "exists", expected: true, actual: false }]);
    expect(compareSpec({ exists: false, size_slug: "s-2vcpu-4gb" }, gone)).toEqual([]);
    expect(compareSpec({ exists: false, size_slug: "s-2vcpu-4gb" }, droplet)).toEqual([{ field: "exists", expected: false, actual: true }]);
    expect(compareSpec({ exists: true }, { ...droplet, deleted_at: null })).toEqual([]);
  });
});

describe("toJsonValue", () => {
  it("writes what a column holds the way JSON carries it", () => {
    expect(toJsonValue(undefined)).toBeNull();
    expect(toJsonValue(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01T00:00:00.000Z");
    expect(toJsonValue(12n)).toBe("12");
    expect(toJsonValue(["a"])).toEqual(["a"]);
  });
});
