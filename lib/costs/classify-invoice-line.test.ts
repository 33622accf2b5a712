import { describe, expect, it } from "vitest";
import { classifyInvoiceLine, splitNameAndSize } from "./classify-invoice-line";

function classify(product: string, description: string, amountCents = 100, groupDescription: string | null = null) {
  return classifyInvoiceLine({ product, description, amountCents, groupDescription });
}

describe("classifyInvoiceLine", () => {
  it.each([
    ["Droplets", "web (s-1vcpu-1gb)", "droplet"],
    ["Volumes", "data (10 GiB)", "volume"],
    ["Snapshots", "web-snap (2 GiB)", "snapshot"],
    ["Volume Snapshots", "data-snap (3 GiB)", "snapshot"],
    ["Load Balancers", "lb (lb-small)", "load_balancer"],
    ["Managed Databases", "pg (db-s-1vcpu-1gb)", "database"],
    ["Kubernetes Clusters", "k8s-pool (s-2vcpu-4gb)", "kubernetes_cluster"],
    ["Kubernetes", "k8s-pool (s-2vcpu-4gb)", "kubernetes_cluster"],
    ["Reserved IPs", "Unused Reserved IP - 1.2.3.4", "reserved_ip"],
    ["Floating IPs", "Unused Floating IP - 1.1.1.1", "reserved_ip"],
    ["App Platform", "docs (apps-s-1vcpu-0.5gb)", "app"],
    ["Apps", "docs (apps-s-1vcpu-0.5gb)", "app"],
    ["Domains", "example.com", "domain"],
    ["  droplets ", "web (s-1vcpu-1gb)", "droplet"],
  ])("maps %j to a %s resource", (product, description, kind) => {
    expect(classify(product, description)).toMatchObject({ lineType: "resource", kind });
  });

  it.each([
    ["Spaces Subscription", "Spaces (250 GiB)"],
    ["Spaces Overage", "Spaces transfer overage (40 GiB)"],
    ["Bandwidth", "Outbound transfer overage (9 GiB)"],
    ["Container Registry", "registry (basic)"],
    ["Functions", "GB-seconds (12000)"],
    ["", "Something new"],
  ])("leaves %j as other, with no kind or name", (product, description) => {
    expect(classify(product, description)).toEqual({
      lineType: "other",
      kind: null,
      isBackup: false,
      name: null,
      sizeLabel: null,
    });
  });

  it.each([
    ["Spaces Subscription", "tenant-acme--media (nyc3)", "tenant-acme--media", "nyc3"],
    ["Spaces Overage", "assets.example.com", "assets.example.com", null],
  ])("takes a Spaces line naming a bucket (%j %j) as that bucket's", (product, description, name, sizeLabel) => {
    expect(classify(product, description)).toEqual({ lineType: "resource", kind: "spaces_bucket", isBackup: false, name, sizeLabel });
  });

  it("matches a droplet backup to its droplet", () => {
    expect(classify("Droplet Backups", "web-01 (s-1vcpu-2gb)")).toEqual({
      lineType: "resource",
      kind: "droplet",
      isBackup: true,
      name: "web-01",
      sizeLabel: "s-1vcpu-2gb",
    });
  });

  it.each([
    ["Taxes", "Australian GST"],
    ["Tax", "VAT"],
    ["Taxes", "STATE SALES TAX (6.25%)"],
    ["", "Australian GST"],
    ["Other", "VAT (20%)"],
  ])("marks %j %j as tax", (product, description) => {
    expect(classify(product, description)).toMatchObject({ lineType: "tax", kind: null, name: null });
  });

  it.each([
    ["Credits", "Promo code WELCOME", -500],
    ["Promotional credit", "Welcome", -500],
    ["", "Account credit", -100],
    ["Adjustments", "Discount", 0],
  ])("marks %j %j as credit", (product, description, cents) => {
    expect(classify(product, description, cents)).toMatchObject({ lineType: "credit", kind: null });
  });

  it("keeps the kind of a negative resource line so the credit can be attributed", () => {
    expect(classify("Droplets", "web (s-1vcpu-1gb)", -300)).toMatchObject({
      lineType: "credit",
      kind: "droplet",
      name: "web",
    });
  });

  it("does not read tax or credit words in a resource's own name", () => {
    expect(classify("Droplets", "tax-api (s-1vcpu-1gb)")).toMatchObject({ lineType: "resource", name: "tax-api" });
    expect(classify("Droplets", "credit check (s-1vcpu-1gb)")).toMatchObject({ lineType: "resource" });
  });

  it("names grouped resources after their group", () => {
    expect(classify("Managed Databases", "pg standby storage (10 GiB)", 0, "arcadia-pg")).toMatchObject({
      kind: "database",
      name: "arcadia-pg",
      sizeLabel: "10 GiB",
    });
    expect(classify("Kubernetes Clusters", "k8s control plane", 0, "k8s")).toMatchObject({ name: "k8s" });
    expect(classify("App Platform", "docs (apps-s-1vcpu-0.5gb)", 500, "docs")).toMatchObject({ name: "docs" });
    expect(classify("Managed Databases", "pg (db-s-1vcpu-1gb)")).toMatchObject({ name: "pg" });
    // A droplet's group, if DO ever sets one, is not its name.
    expect(classify("Droplets", "web (s-1vcpu-1gb)", 100, "group")).toMatchObject({ name: "web" });
  });

  it("names reserved IPs by their address", () => {
    expect(classify("Reserved IPs", "Unused Reserved IP - 170.64.1.10")).toMatchObject({ name: "170.64.1.10" });
    expect(classify("Reserved IPs", "Reserved IPv6 2400:6180:0:d0::1")).toMatchObject({ name: "2400:6180:0:d0::1" });
    expect(classify("Reserved IPs", "ip-for-web")).toMatchObject({ name: "ip-for-web" });
  });
});

describe("splitNameAndSize", () => {
  it.each([
    ["arcadia-web-01 (s-1vcpu-2gb)", "arcadia-web-01", "s-1vcpu-2gb"],
    ["my (old) box (s-1vcpu-1gb)", "my (old) box", "s-1vcpu-1gb"],
    ["box (size (nested))", "box", "size (nested)"],
    ["(only-size)", "(only-size)", null],
    ["no size", "no size", null],
    ["trailing (group) and text", "trailing (group) and text", null],
    ["empty ()", "empty", null],
    ["unbalanced)", "unbalanced)", null],
    ["  padded  (x)  ", "padded", "x"],
  ])("splits %j", (description, name, sizeLabel) => {
    expect(splitNameAndSize(description)).toEqual({ name, sizeLabel });
  });
});
