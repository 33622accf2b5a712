"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable, type SortState } from "@/components/ui/data-table";
import type { CostLineItem } from "@/lib/costs/schemas";
import type { UrlState } from "@/lib/http/search-params";
import { formatDecimalMoney, formatMoney } from "@/lib/money/format-money";
import { MatchBadge } from "./match-badge";
import { formatDay } from "@/lib/time/format-month";

const shortDate = (iso: string | null) => (iso ? formatDay(iso) : "—");

const columns: ColumnDef<CostLineItem, unknown>[] = [
  { id: "line_no", header: "Line", meta: { sortField: "line_no", align: "right" }, cell: ({ row }) => row.original.line_no },
  { id: "product", header: "Product", meta: { sortField: "product" }, cell: ({ row }) => row.original.product },
  {
    id: "description",
    header: "Description",
    meta: { sortField: "description" },
    cell: ({ row }) => {
      const line = row.original;
      return (
        <span className="flex min-w-48 max-w-sm flex-col whitespace-normal">
          {line.resource_id ? (
            <Link href={`/resources/${line.resource_id}`} className="font-medium text-brand-700 hover:underline">
              {line.description}
            </Link>
          ) : (
            <span>{line.description}</span>
          )}
          {line.group_description ? <span className="text-xs text-slate-600">{line.group_description}</span> : null}
        </span>
      );
    },
  },
  { id: "kind", header: "Kind", meta: { sortField: "kind" }, cell: ({ row }) => row.original.kind?.replace("_", " ") ?? "—" },
  { id: "project", header: "Project", meta: { sortField: "project" }, cell: ({ row }) => row.original.project_name ?? "—" },
  { id: "category", header: "Category", meta: { sortField: "category" }, cell: ({ row }) => row.original.category ?? "—" },
  { id: "hours", header: "Hours", meta: { sortField: "hours", align: "right" }, cell: ({ row }) => row.original.hours ?? "—" },
  {
    id: "start",
    header: "Usage",
    meta: { sortField: "start" },
    cell: ({ row }) => `${shortDate(row.original.start)} – ${shortDate(row.original.end)}`,
  },
  { id: "amount", header: "Amount", meta: { sortField: "amount", align: "right" }, cell: ({ row }) => formatDecimalMoney(row.original.amount, row.original.currency) },
  { id: "match", header: "Match", meta: { sortField: "match" }, cell: ({ row }) => <MatchBadge line={row.original} /> },
];

export interface CostLineTotals {
  lineCount: number;
  totalCents: number;
  matchedCount: number;
  matchedCents: number;
}

/** The explorer's table: sort links keep the filters; the footer totals every line the filter selects. */
export function CostLinesTable({
  rows,
  sort,
  url,
  totals,
  currency,
}: {
  rows: CostLineItem[];
  sort: SortState;
  /** The explorer's URL state, which sort links keep. */
  url: UrlState;
  totals: CostLineTotals;
  /** What the totals are in: the period's invoice's currency. */
  currency: string;
}) {
  return (
    <DataTable
      caption="Cost lines of the selected period and filters"
      columns={columns}
      data={rows}
      sort={sort}
      sortUrl={url}
      rowKey={(line) => line.id}
      footer={
        <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold text-slate-900">
          <tr>
            <th scope="row" colSpan={8} className="px-3 py-2 text-left">
              Total for this filter: {totals.lineCount.toLocaleString("en")} lines
              <span className="ml-2 font-normal text-slate-600">
                ({totals.matchedCount.toLocaleString("en")} matched, {formatMoney(totals.matchedCents, currency)})
              </span>
            </th>
            <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(totals.totalCents, currency)}</td>
            <td />
          </tr>
        </tfoot>
      }
    />
  );
}
