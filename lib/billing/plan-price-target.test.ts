import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { parseMarginPageQuery } from "./margin-page-query";
import { setMarginTarget } from "./margin-target";
import { FALLBACK_PLAN_TARGET_PCT, getPlanPriceTarget } from "./plan-price-target";

describe("the target the plans view prices for", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t?.drop());

  const whatIf = (raw: Record<string, string>) => parseMarginPageQuery(raw).target;

  it("is the stored target unless the URL asks for a what-if, and a stated fallback when none is stored", async () => {
    expect(whatIf({})).toBeUndefined();
    expect(whatIf({ target: "" })).toBeUndefined();
    expect(whatIf({ target: "120" })).toBeUndefined();
    expect(whatIf({ target: "42.5" })).toBe(42.5);

    expect(await getPlanPriceTarget(t.db, whatIf({}))).toEqual({ pct: FALLBACK_PLAN_TARGET_PCT, source: "fallback", stored: null });
    await setMarginTarget(t.db, 37.5, "admin-1");
    expect(await getPlanPriceTarget(t.db, whatIf({}))).toEqual({ pct: 37.5, source: "stored", stored: 37.5 });
    expect(await getPlanPriceTarget(t.db, whatIf({ target: "50" }))).toEqual({ pct: 50, source: "what_if", stored: 37.5 });
  });

  it("prices a stored target outside what a price can meet at the nearest one it can, and says so", async () => {
    await setMarginTarget(t.db, -10, "admin-1");
    expect(await getPlanPriceTarget(t.db, undefined)).toEqual({ pct: 0, source: "stored", stored: -10 });
    await setMarginTarget(t.db, 98, "admin-1");
    expect(await getPlanPriceTarget(t.db, undefined)).toEqual({ pct: 95, source: "stored", stored: 98 });
  });
});
