import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InvoiceAnomaly } from "./invoice-anomaly";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("InvoiceAnomaly", () => {
  it("flags an invoice the rule flags, with its rise on the median and a link to what grew", () => {
    const html = renderToStaticMarkup(
      <InvoiceAnomaly verdict={{ isAnomaly: true, baselineCents: 48_000, increaseCents: 72_000, increasePct: 150 }} currency="USD" href="/costs/explore?to=2026-08" />,
    );
    expect(text(html)).toBe("Anomaly , far above its recent months: the median of the 3 months before was US$480.00 +150 % on its 3-month median What grew");
    expect(html).toContain('href="/costs/explore?to=2026-08"');
  });

  it("says nothing about an invoice the rule does not flag, or one it could not judge", () => {
    expect(renderToStaticMarkup(<InvoiceAnomaly verdict={{ isAnomaly: false, baselineCents: 40_000, increaseCents: 8_000, increasePct: 20 }} currency="USD" href="/x" />)).toBe("");
    expect(renderToStaticMarkup(<InvoiceAnomaly verdict={undefined} currency="USD" href="/x" />)).toBe("");
  });
});
