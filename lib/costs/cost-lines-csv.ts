import type { CostLineItem } from "./schemas";

/**
 * The export's columns: the API's fields, in the API's names, so a spreadsheet and a script read the same thing.
 * Each amount's currency stands beside it, so a sheet never mixes US and Australian dollars unawares.
 */
export const costLinesCsvColumns = [
  "period",
  "invoice_uuid",
  "line_no",
  "product",
  "group_description",
  "description",
  "hours",
  "start",
  "end",
  "amount",
  "currency",
  "project_name",
  "category",
  "line_type",
  "kind",
  "name",
  "resource_id",
  "match_method",
] as const satisfies readonly (keyof CostLineItem)[];

export function costLinesCsvHeader(): string {
  return `${costLinesCsvColumns.join(",")}\r\n`;
}

export function toCostLinesCsvRows(lines: readonly CostLineItem[]): string {
  return lines.map((line) => `${costLinesCsvColumns.map((column) => escapeCsvField(line[column])).join(",")}\r\n`).join("");
}

// A leading =, +, - or @ makes spreadsheets evaluate the cell; DO descriptions are free text, so they are defused
// with a leading apostrophe. Amounts are left alone: "-1.00" is a number, not a formula.
function escapeCsvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+@\t\r]/.test(text)) text = `'${text}`;
  if (typeof value === "string" && /^-/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
