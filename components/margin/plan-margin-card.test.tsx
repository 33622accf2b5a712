import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { PlanMarginCard as Card } from "@/lib/billing/plan-margin-cards";
import { PlanMarginCard } from "./plan-margin-card";

const point = (cogs: number, target: number) => ({ cogsPerSubscriber: cogs, extrasPerSubscriber: 0, breakEvenPriceCents: cogs, targetPriceCents: target });
const card = (overrides: Partial<Card> = {}): Card => ({
  code: "starter",
  name: "Starter",
  version: 1,
  basePriceCents: 2000,
  currency: "AUD",
  isPast: true,
  publishedAfterMonth: false,
  publishedAt: "2026-01-01T00:00:00.000Z",
  subscribers: 4,
  revenue: 8000,
  baseRevenue: 8000,
  cogs: 3300,
  shared: 0,
  margin: 4700,
  marginPct: 58.75,
  missingPairs: [],
  noPriceReason: null,
  pricing: { subscribers: 4, average: point(825, 2063), median: point(600, 1500), p90: point(1500, 3750), perIncludedUnit: [] },
  ...overrides,
});
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("PlanMarginCard", () => {
  it("names the version on sale in that month and shows the spread of COGS per subscription with the prices each needs", () => {
    const t = text(renderToStaticMarkup(<PlanMarginCard plan={card()} currency="AUD" target={60} month="2026-11-01" />));
    expect(t).toContain("Version 1 was on sale in Nov 2026 at A$20.00 a month.");
    expect(t).toContain("Open a draft at A$20.63");
    expect(t).toMatch(/Median subscriber A\$6\.00 A\$0\.00 A\$6\.00 A\$15\.00/);
    expect(t).toMatch(/90th percentile subscriber A\$15\.00 A\$0\.00 A\$15\.00 A\$37\.50/);
  });

  it("says when no version was on sale yet in the month, and which one its subscribers were billed on", () => {
    const t = text(
      renderToStaticMarkup(
        <PlanMarginCard plan={card({ publishedAfterMonth: true, publishedAt: "2026-12-01T09:00:00.000Z" })} currency="AUD" target={60} month="2026-11-01" />,
      ),
    );
    expect(t).toContain("No version was on sale yet in Nov 2026: version 1 (A$20.00 a month) was published on 1 Dec 2026");
    expect(t).toContain("Open a draft at A$20.63");
  });

  it("writes the publishing day's month as every other page does (Sep, not the en-GB Sept)", () => {
    const t = text(
      renderToStaticMarkup(
        <PlanMarginCard plan={card({ publishedAfterMonth: true, publishedAt: "2026-09-02T09:00:00.000Z" })} currency="AUD" target={60} month="2026-08-01" />,
      ),
    );
    expect(t).toContain("was published on 2 Sep 2026");
  });

  it("offers no price from a month without an invoice, and says why", () => {
    const t = text(
      renderToStaticMarkup(<PlanMarginCard plan={card({ isPast: false, pricing: null, noPriceReason: "no_invoice", cogs: null, margin: null, marginPct: null })} currency="AUD" target={60} month="2026-12-01" />),
    );
    expect(t).not.toContain("Open a draft");
    expect(t).toContain("Dec 2026 has no invoice yet");
    expect(t).toContain("Version 1 on sale at A$20.00 a month.");
  });
});
