"use client";

import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { hrefWith, type UrlState } from "@/lib/http/search-params";
import { cn } from "./cn";

export interface SortState {
  field: string;
  dir: "asc" | "desc";
}

/**
 * A server-driven table: sorting and paging live in the URL, so the table only renders rows and sort links.
 * Sortable columns set `meta.sortField`; the header announces the current order through aria-sort. A sort link keeps
 * the page's other URL state (`sortUrl`) and goes back to the first page.
 */
export function DataTable<T>({
  columns,
  data,
  sort,
  sortUrl,
  caption,
  rowKey,
  footer,
  columnVisibility,
}: {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  sort?: SortState;
  sortUrl?: UrlState;
  caption: string;
  rowKey: (row: T) => string;
  footer?: ReactNode;
  /** Columns by id that are hidden (`false`); every column shows otherwise. */
  columnVisibility?: Record<string, boolean>;
}) {
  const table = useReactTable({
    data,
    columns,
    state: columnVisibility ? { columnVisibility } : undefined,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    getRowId: rowKey,
  });
  return (
    // relative: absolutely placed (sr-only) text in a scrolled table stays inside it instead of widening the page.
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((header) => {
                const sortField = (header.column.columnDef.meta as { sortField?: string; align?: "right" } | undefined)?.sortField;
                const align = (header.column.columnDef.meta as { align?: "right" } | undefined)?.align;
                const active = sortField && sort?.field === sortField;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : sortField ? "none" : undefined}
                    className={cn("px-3 py-2 font-semibold text-slate-700", align === "right" ? "text-right" : "text-left")}
                  >
                    {sortField && sortUrl ? (
                      <Link
                        href={hrefWith(sortUrl, { sort: sortField, dir: active && sort.dir === "asc" ? "desc" : "asc", page: undefined })}
                        className="inline-flex items-center gap-1 hover:text-slate-950"
                        scroll={false}
                      >
                        {label}
                        <span aria-hidden="true" className="text-xs text-slate-500">
                          {active ? (sort.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </Link>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getVisibleCells().map((cell) => {
                const align = (cell.column.columnDef.meta as { align?: "right" } | undefined)?.align;
                return (
                  <td key={cell.id} className={cn("whitespace-nowrap px-3 py-2 text-slate-800", align === "right" && "text-right tabular-nums")}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer}
      </table>
    </div>
  );
}
