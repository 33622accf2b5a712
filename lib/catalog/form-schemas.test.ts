import { afterEach, describe, expect, it, vi } from "vitest";
import { parseActionInput } from "@/lib/http/parse-action-input";
import { addonFormSchema, planFormSchema, resourcePriceFormSchema, versionFormSchema } from "./form-schemas";

// Parsed as the server actions parse them (adminAction): the FormData's values by input name.
const parseVersionForm = (f: FormData) => parseActionInput(versionFormSchema, f);
const parsePlanForm = (f: FormData) => parseActionInput(planFormSchema, f);
const parseAddonForm = (f: FormData) => parseActionInput(addonFormSchema, f);
const parseResourcePriceForm = (f: FormData) => parseActionInput(resourcePriceFormSchema, f);

const form = (entries: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
};

describe("parseVersionForm", () => {
  it("turns dollars and grouped numbers into cents and integers, keeping only ticked items", () => {
    const r = parseVersionForm(
      form({
        base_price: "$1,049.5",
        currency: "aud",
        "items.llm_tokens.enabled": "on",
        "items.llm_tokens.included_qty": "2,000,000",
        "items.llm_tokens.overage_unit": "1M tokens",
        "items.llm_tokens.overage_price": "3",
        "items.llm_tokens.hard_cap_qty": "",
        "items.dns_zones.included_qty": "not ticked, so ignored",
      }),
    );
    expect(r).toMatchObject({
      success: true,
      data: {
        base_price_cents: 104950,
        currency: "AUD",
        items: [{ resource_kind: "llm_tokens", included_qty: 2_000_000, overage_unit: "1M tokens", overage_price_cents: 300, hard_cap_qty: null }],
      },
    });
  });

  it("reports each problem under the name of the input it belongs to", () => {
    const r = parseVersionForm(
      form({
        base_price: "49.999",
        currency: "dollars",
        "items.droplet_hours.enabled": "on",
        "items.droplet_hours.included_qty": "1.5",
        "items.droplet_hours.overage_unit": "",
        "items.droplet_hours.overage_price": "abc",
        "items.bandwidth_gb.enabled": "on",
        "items.bandwidth_gb.included_qty": "100",
        "items.bandwidth_gb.overage_unit": "GB",
        "items.bandwidth_gb.overage_price": "0.02",
        "items.bandwidth_gb.hard_cap_qty": "50",
      }),
    );
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.fieldErrors).toEqual({
      base_price: "Enter an amount in dollars, such as 49.95",
      currency: "Use a three-letter ISO 4217 code such as AUD",
      "items.droplet_hours.included_qty": "Enter a whole number, such as 2,000,000",
      "items.droplet_hours.overage_unit": "Name the unit overage is charged in",
      "items.droplet_hours.overage_price": "Enter an amount in dollars, such as 49.95",
      "items.bandwidth_gb.hard_cap_qty": "The cap cannot be below the included quantity",
    });
    expect(r.values?.base_price).toBe("49.999");
  });

  it("reads the allowed droplet sizes as a list (commas or spaces between), blank meaning any, and names a bad slug", () => {
    const ok = parseVersionForm(form({ base_price: "20", currency: "AUD", allowed_sizes: " s-1vcpu-1gb, s-1vcpu-2gb\ns-2vcpu-4gb " }));
    expect(ok).toMatchObject({ success: true, data: { allowed_sizes: ["s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-4gb"] } });
    expect(parseVersionForm(form({ base_price: "20", currency: "AUD", allowed_sizes: "" }))).toMatchObject({ success: true, data: { allowed_sizes: [] } });
    const bad = parseVersionForm(form({ base_price: "20", currency: "AUD", allowed_sizes: "s-1vcpu-1gb, Huge Box" }));
    expect(bad.success ? {} : bad.fieldErrors).toEqual({ allowed_sizes: "Use DO size slugs such as s-1vcpu-2gb, separated by commas" });
  });

  it("asks for a price when none is given", () => {
    const r = parseVersionForm(form({ currency: "AUD" }));
    expect(r.success ? {} : r.fieldErrors).toEqual({ base_price: "Enter the monthly price" });
  });
});

describe("the other catalog forms", () => {
  it("parsePlanForm lowercases the code and makes a draft with no items", () => {
    const r = parsePlanForm(form({ code: "Team", name: "Team", description: "", currency: "AUD", base_price: "80" }));
    expect(r).toMatchObject({ success: true, data: { plan: { code: "team" }, version: { base_price_cents: 8000, items: [] } } });
    const bad = parsePlanForm(form({ code: "no spaces", name: " ", currency: "AUD", base_price: "" }));
    expect(bad.success ? [] : Object.keys(bad.fieldErrors).sort()).toEqual(["base_price", "code", "name"]);
  });

  it("parseAddonForm needs a positive quantity", () => {
    const r = parseAddonForm(form({ code: "x-1", name: "X", resource_kind: "llm_tokens", qty: "0", price: "5", currency: "AUD" }));
    expect(r.success ? {} : r.fieldErrors).toEqual({ qty: "The quantity must be at least 1" });
    const kind = parseAddonForm(form({ code: "x-1", name: "X", resource_kind: "gold", qty: "1", price: "5", currency: "AUD" }));
    expect(kind.success ? [] : Object.keys(kind.fieldErrors)).toEqual(["resource_kind"]);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("parseResourcePriceForm starts now unless given a UTC date", () => {
    const now = new Date("2026-05-05T05:05:05Z");
    vi.useFakeTimers({ toFake: ["Date"], now });
    const base = { resource_kind: "volume_gb_month", unit: "GB-month", price: "0.16", currency: "AUD" };
    expect(parseResourcePriceForm(form({ ...base, effective_from: "" }))).toMatchObject({ success: true, data: { price_cents: 16, effective_from: now } });
    expect(parseResourcePriceForm(form({ ...base, effective_from: "2026-07-01" }))).toMatchObject({
      success: true,
      data: { effective_from: new Date("2026-07-01T00:00:00Z") },
    });
    const bad = parseResourcePriceForm(form({ ...base, effective_from: "2026-02-30x" }));
    expect(bad.success ? [] : Object.keys(bad.fieldErrors)).toEqual(["effective_from"]);
    const feb30 = parseResourcePriceForm(form({ ...base, effective_from: "2026-02-30" }));
    expect(feb30.success ? {} : feb30.fieldErrors).toEqual({ effective_from: "That date does not exist" });
    // Year 0000 is no date PostgreSQL knows, and 0099 would not round-trip: both are refused, not a failed insert.
    for (const year of ["0000", "0099", "9999"]) {
      const r = parseResourcePriceForm(form({ ...base, effective_from: `${year}-01-01` }));
      expect(r.success ? {} : r.fieldErrors, year).toEqual({ effective_from: "Use a date between 2000 and 2099" });
    }
  });
});
