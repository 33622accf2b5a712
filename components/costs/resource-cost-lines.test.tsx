import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CostLineItem } from "@/lib/costs/schemas";
import { ResourceCostLines } from "./resource-cost-lines";

const line: CostLineItem = {
  id: "1",
  invoice_uuid: "u",
  period: "2026-09-01",
  line_no: 1,
  product: "Droplets",
  group_description: null,
  description: "arcadia-api-01 (s-4vcpu-8gb)",
  hours: "720",
  start: null,
  end: null,
  amount: "48.00",
  currency: "USD",
  project_name: null,
  category: null,
  line_type: "resource",
  kind: "droplet",
  name: "arcadia-api-01",
  resource_id: "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11",
  match_method: "id",
};

describe("a resource's cost lines", () => {
  it("names each month as every page does (Sep 2026, not 2026-09), and its match badge does not wrap", () => {
    const html = renderToStaticMarkup(<ResourceCostLines lines={[line]} lineCount={1} totalCents={4800} limit={60} />);
    expect(html).toMatch(/>Sep 2026<\/a>/);
    expect(html).not.toContain(">2026-09<");
    expect(html).toMatch(/<span class="[^"]*whitespace-nowrap[^"]*">by DO id<\/span>/);
  });
});
