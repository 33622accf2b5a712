import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { costLinesCsvColumns, costLinesCsvHeader, toCostLinesCsvRows } from "./cost-lines-csv";
import type { CostLineItem } from "./schemas";

const line: CostLineItem = {
  id: "7",
  invoice_uuid: "inv-1",
  period: "2026-04-01",
  line_no: 2,
  product: "Droplets",
  group_description: null,
  description: 'web, the "main" one (s-1vcpu-1gb)',
  hours: "720",
  start: "2026-04-01T00:00:00.000Z",
  end: "2026-04-30T23:59:59.000Z",
  amount: "-1.50",
  currency: "USD",
  project_name: "=HYPERLINK(\"http://evil\")",
  category: "iaas",
  line_type: "credit",
  kind: "droplet",
  name: "web",
  resource_id: null,
  match_method: "none",
};

describe("the cost-line CSV export", () => {
  it("writes the API's fields under the API's names, quoting what needs it, and reads back the same", () => {
    const text = costLinesCsvHeader() + toCostLinesCsvRows([line]);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...costLinesCsvColumns]);
    expect(parsed.data[0]).toMatchObject({ description: line.description, amount: "-1.50", currency: "USD", line_no: "2", group_description: "", resource_id: "" });
  });

  it("keeps the columns it always had, in their order, with each amount's currency beside it", () => {
    expect(costLinesCsvHeader()).toBe(
      "period,invoice_uuid,line_no,product,group_description,description,hours,start,end,amount,currency,project_name,category,line_type,kind,name,resource_id,match_method\r\n",
    );
  });

  it("defuses cells a spreadsheet would evaluate, but not negative amounts", () => {
    const row = toCostLinesCsvRows([line]);
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain(",-1.50,USD,");
  });
});
