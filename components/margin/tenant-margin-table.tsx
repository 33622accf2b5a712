"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type SortState } from "@/components/ui/data-table";
import { resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import type { TenantMarginRow } from "@/lib/billing/tenant-margin-rows";
import type { UrlState } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money/format-money";

const qty = (n: number) => n.toLocaleString("en-AU", { maximumFractionDigits: 1 });

const unbilledLabel: Record<NonNullable<TenantMarginRow["unbilledReason"]>, string> = {
  unknown_tenant: "arcadia-app never sent this tenant",
  no_subscription: "no subscription in force",
  trial: "on trial only",
};

/** "Unbilled: no subscription in force, since 2026-03-04, 3 resources": who runs on us for free, since when. */
function UnbilledNote({ row }: { row: TenantMarginRow }) {
  const parts = [
    row.unbilledReason ? unbilledLabel[row.unbilledReason] : null,
    row.unbilledSince ? `since ${row.unbilledSince.slice(0, 10)}` : null,
    `${row.resources} ${row.resources === 1 ? "resource" : "resources"}`,
  ].filter(Boolean);
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
      <Badge tone="red">Unbilled</Badge>
      {parts.join(", ")}
    </span>
  );
}

function columns(currency: string): ColumnDef<TenantMarginRow, unknown>[] {
  const c = (cents: number | null) => formatMoney(cents, currency);
  return [
    {
      id: "tenant",
      header: "Tenant",
      meta: { sortField: "tenant" },
      cell: ({ row }) =>
        row.original.tenantId === null ? (
          <span className="italic text-slate-600">Shared cost (not attributable to a tenant)</span>
        ) : (
          <span className="flex flex-col gap-0.5">
            <Link href={`/tenants/${encodeURIComponent(row.original.tenantId)}`} className="font-medium text-brand-700 hover:underline">
              {row.original.name ?? row.original.tenantId}
            </Link>
            <span className="font-mono text-xs text-slate-500">{row.original.tenantId}</span>
            {row.original.isBilled ? null : <UnbilledNote row={row.original} />}
          </span>
        ),
    },
    { id: "plan", header: "Plan", meta: { sortField: "plan" }, cell: ({ row }) => row.original.planCode ?? "—" },
    { id: "revenue", header: "Revenue", meta: { sortField: "revenue", align: "right" }, cell: ({ row }) => c(row.original.revenue) },
    {
      id: "cogs",
      header: "COGS",
      meta: { sortField: "cogs", align: "right" },
      cell: ({ row }) => (
        <span className="flex flex-col items-end">
          {c(row.original.cogs)}
          {row.original.tenantId !== null && row.original.shared ? <span className="text-xs text-slate-500">incl. {c(row.original.shared)} shared</span> : null}
        </span>
      ),
    },
    {
      id: "margin",
      header: "Margin",
      meta: { sortField: "margin", align: "right" },
      cell: ({ row }) => <span className={(row.original.margin ?? 0) < 0 ? "text-red-700" : undefined}>{c(row.original.margin)}</span>,
    },
    {
      id: "margin_pct",
      header: "Margin %",
      meta: { sortField: "margin_pct", align: "right" },
      cell: ({ row }) => (row.original.marginPct === null ? "—" : `${row.original.marginPct.toFixed(2)} %`),
    },
    {
      id: "usage",
      header: "Usage vs included",
      cell: ({ row }) =>
        row.original.usage.length ? (
          <ul className="flex flex-col gap-0.5 text-xs">
            {row.original.usage.map((u) => (
              <li key={u.resourceKind} className="flex items-center gap-2">
                <span className="text-slate-600">{resourceKindLabel(u.resourceKind)}</span>
                <span className="tabular-nums">
                  {qty(u.used)} / {qty(u.included)}
                </span>
                {!u.isCovered ? <Badge>not in plan</Badge> : u.used > u.included ? <Badge tone="amber">over</Badge> : null}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-500">—</span>
        ),
    },
  ];
}

/** Per-tenant margin for one month; the sort lives in the URL (`url` carries the other parameters). */
export function TenantMarginTable({ rows, currency, sort, url }: { rows: TenantMarginRow[]; currency: string; sort: SortState; url: UrlState }) {
  return (
    <DataTable
      columns={columns(currency)}
      data={rows}
      sort={sort}
      sortUrl={url}
      caption={`Revenue, COGS and margin per tenant, in ${currency}`}
      rowKey={(r) => r.tenantId ?? "(shared)"}
    />
  );
}
