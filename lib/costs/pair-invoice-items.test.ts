import { describe, expect, it } from "vitest";
import { createItemPairer } from "./pair-invoice-items";
import { parseInvoiceCsv } from "./parse-invoice-csv";

const HEADER = "product,group_description,description,hours,start,end,USD,project_name,category";
const WINDOW = "2026-04-01 00:00:00 +0000,2026-04-30 23:59:59 +0000";
const item = (description: string, amount: string, ids: { resource_id?: string; resource_uuid?: string }) => ({
  product: "Droplets",
  description,
  amount,
  start_time: "2026-04-01T00:00:00Z",
  end_time: "2026-05-01T00:00:00Z",
  ...ids,
});

describe("createItemPairer", () => {
  const lines = parseInvoiceCsv(
    [
      HEADER,
      `Droplets,,web (s-1vcpu-1gb),720,${WINDOW},$6.00,arcadia,iaas`,
      `Droplets,,web (s-1vcpu-1gb),720,${WINDOW},$6.00,arcadia,iaas`,
      `Droplets,,web (s-1vcpu-1gb),720,${WINDOW},$12.00,arcadia,iaas`,
      `Droplets,,db (s-1vcpu-1gb),100,2026-04-01 00:00:00 +0000,2026-04-05 04:00:00 +0000,$0.83,arcadia,iaas`,
    ].join("\n"),
  ).lines;

  it("pairs a CSV line with the item of the same product, description, amount and window (the CSV's 23:59:59 end included)", () => {
    const pairer = createItemPairer();
    pairer.add([item("web (s-1vcpu-1gb)", "12.00", { resource_id: "3" }), item("web (s-1vcpu-1gb)", "6.00", { resource_id: "1", resource_uuid: "u-1" })]);
    expect(pairer.take(lines[2]!)).toEqual({ doResourceId: "3", doResourceUuid: null });
    expect(pairer.take(lines[0]!)).toEqual({ doResourceId: "1", doResourceUuid: "u-1" });
    expect(pairer.itemCount).toBe(2);
  });

  it("hands identical lines the identical items' ids in turn, and nothing once they are used up", () => {
    const pairer = createItemPairer();
    pairer.add([item("web (s-1vcpu-1gb)", "6.00", { resource_id: "1" })]);
    pairer.add([item("web (s-1vcpu-1gb)", "6.00", { resource_id: "2" })]);
    expect([pairer.take(lines[0]!), pairer.take(lines[1]!), pairer.take(lines[0]!)]).toEqual([
      { doResourceId: "1", doResourceUuid: null },
      { doResourceId: "2", doResourceUuid: null },
      null,
    ]);
  });

  it("does not pair across a different window or amount, and ignores items without ids", () => {
    const pairer = createItemPairer();
    pairer.add([
      { ...item("db (s-1vcpu-1gb)", "0.83", { resource_id: "9" }), end_time: "2026-04-06T04:00:00Z" },
      item("db (s-1vcpu-1gb)", "0.84", { resource_id: "8" }),
      item("web (s-1vcpu-1gb)", "6.00", {}),
    ]);
    expect(pairer.take(lines[3]!)).toBeNull();
    expect(pairer.take(lines[0]!)).toBeNull();
    pairer.add([{ ...item("db (s-1vcpu-1gb)", "0.83", { resource_uuid: "u-9" }), end_time: "2026-04-05T04:00:00Z" }]);
    expect(pairer.take(lines[3]!)).toEqual({ doResourceId: null, doResourceUuid: "u-9" });
  });
});
