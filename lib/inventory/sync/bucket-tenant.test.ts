import { describe, expect, it } from "vitest";
import { bucketNamePrefix, bucketTenantTag } from "./bucket-tenant";

describe("bucketTenantTag", () => {
  it.each([
    ["tenant-acme", [], "tenant:acme"],
    ["tenant-acme--media", [], "tenant:acme"],
    ["tenant-acme-media", [], "tenant:acme-media"],
    ["tenant-acme--media--2026", [], "tenant:acme"],
    ["assets", ["tenant:globex"], "tenant:globex"],
    // A tag says it more precisely than a name.
    ["tenant-acme", ["env:prod", "tenant:globex"], "tenant:globex"],
    ["tenant-", [], null],
    ["tenant---x", [], null],
    ["arcadia-assets", ["env:prod"], null],
    ["tenants-acme", [], null],
  ])("%j with tags %j belongs to %j", (name, tags, expected) => {
    expect(bucketTenantTag(name, tags, "tenant:")).toBe(expected);
  });

  it("derives the name prefix from the configured tag prefix", () => {
    expect(bucketNamePrefix("tenant:")).toBe("tenant-");
    expect(bucketNamePrefix("Org:")).toBe("org-");
    expect(bucketTenantTag("org-initech", [], "Org:")).toBe("Org:initech");
  });
});
