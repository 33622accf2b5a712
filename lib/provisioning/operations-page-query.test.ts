import { describe, expect, it } from "vitest";
import { provisioningActions } from "@/db/schema/provisioning-constants";
import { hrefWith } from "@/lib/http/search-params";
import { operationsUrl, parseOperationsPageQuery } from "./operations-page-query";

describe("the /operations page's URL", () => {
  it("reads no filter as every request", () => {
    expect(parseOperationsPageQuery({})).toEqual({ query: {}, isValid: true });
  });

  it("keeps the tenant, action, status and cursor a filter form sent, blank fields left out", () => {
    expect(parseOperationsPageQuery({ tenant: "acme", action: "resize_droplet", status: "awaiting_approval", cursor: "abc", extra: "x" })).toEqual({
      query: { tenant: "acme", action: "resize_droplet", status: "awaiting_approval", cursor: "abc" },
      isValid: true,
    });
    expect(parseOperationsPageQuery({ tenant: "", action: "", status: "running" })).toEqual({ query: { status: "running" }, isValid: true });
    expect(parseOperationsPageQuery({ status: ["failed", "running"] }).query.status).toBe("failed");
  });

  it("accepts every action the tables know, and drops an unknown action, status or malformed tenant, keeping the rest", () => {
    for (const action of provisioningActions) expect(parseOperationsPageQuery({ action }).query.action).toBe(action);
    expect(parseOperationsPageQuery({ action: "reboot_droplet", status: "exploded", tenant: "acme" })).toEqual({ query: { tenant: "acme" }, isValid: false });
    expect(parseOperationsPageQuery({ tenant: "no spaces/allowed", status: "queued" })).toEqual({ query: { status: "queued" }, isValid: false });
  });

  it("writes its links with the filters, leaving out what is unset", () => {
    const { query } = parseOperationsPageQuery({ tenant: "acme", status: "running" });
    expect(hrefWith(operationsUrl(query))).toBe("/operations?tenant=acme&status=running");
    expect(hrefWith(operationsUrl(query), { cursor: "next" })).toBe("/operations?tenant=acme&status=running&cursor=next");
    expect(hrefWith(operationsUrl({}))).toBe("/operations");
  });
});
