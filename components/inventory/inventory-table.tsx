"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, type SortState } from "@/components/ui/data-table";
import { formatMonth } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ServerAction } from "@/lib/http/action-result";
import type { UrlState } from "@/lib/http/search-params";
import { type InventoryColumnId, type InventoryColumnsPreference, type InventoryRow, inventoryColumns } from "@/lib/inventory/inventory-columns";
import { formatMoney } from "@/lib/money/format-money";

function statusTone(status: string | null, deleted: boolean): Tone {
  if (deleted) return "red";
  if (!status) return "neutral";
  if (["active", "available", "running", "online", "assigned"].includes(status)) return "green";
  if (["off", "archive", "unassigned", "errored", "error"].includes(status)) return "amber";
  return "blue";
}

/** The month the cost column covers and its currency, and the server's clock for "Last changed". */
interface ColumnContext {
  costPeriod: string | null;
  currency: string;
  now: number;
}

function buildColumns({ costPeriod, currency, now }: ColumnContext): ColumnDef<InventoryRow, unknown>[] {
  return [
    {
      id: "name",
      header: "Name",
      meta: { sortField: "name" },
      cell: ({ row }) => (
        <Link href={`/resources/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
      ),
    },
    { id: "kind", header: "Kind", meta: { sortField: "kind" }, cell: ({ row }) => row.original.kind.replace("_", " ") },
    { id: "region", header: "Region", meta: { sortField: "region" }, cell: ({ row }) => row.original.region ?? "—" },
    { id: "size", header: "Size", meta: { sortField: "size_slug" }, cell: ({ row }) => row.original.size_slug ?? "—" },
    {
      id: "status",
      header: "Status",
      meta: { sortField: "status" },
      cell: ({ row }) => (
        <Badge tone={statusTone(row.original.status, Boolean(row.original.deleted_at))}>
          {row.original.deleted_at ? "deleted" : (row.original.status ?? "unknown")}
        </Badge>
      ),
    },
    {
      id: "tenant",
      header: "Tenant",
      cell: ({ row }) => {
        const t = row.original.tenant;
        if (!t) return <span className="text-slate-600">—</span>;
        return (
          <Link href={`/tenants/${encodeURIComponent(t.id)}`} className="text-brand-700 hover:underline" title={t.name ? t.id : "arcadia-app never sent this tenant"}>
            {t.name ?? t.id}
          </Link>
        );
      },
    },
    {
      id: "cost",
      header: costPeriod ? `Cost, ${formatMonth(costPeriod)}` : "Cost",
      meta: { align: "right" },
      cell: ({ row }) => (row.original.cost_cents === null ? <span className="text-slate-600">—</span> : formatMoney(row.original.cost_cents, currency)),
    },
    {
      id: "tags",
      header: "Tags",
      cell: ({ row }) => (
        <span className="flex max-w-64 flex-wrap gap-1">
          {row.original.tags.slice(0, 4).map((t) => (
            <Badge key={t} tone="violet">
              {t}
            </Badge>
          ))}
          {row.original.tags.length > 4 ? <span className="text-xs text-slate-600">+{row.original.tags.length - 4}</span> : null}
        </span>
      ),
    },
    { id: "last_seen", header: "Last changed", meta: { sortField: "last_seen_at" }, cell: ({ row }) => <RelativeTime iso={row.original.last_seen_at} now={now} /> },
  ];
}

/**
 * The inventory's rows. Columns can be hidden: the choice applies at once and is saved for the admin (so it follows
 * them to another browser); saving failing leaves the table as chosen, and says so.
 */
export function InventoryTable({
  rows,
  sort,
  url,
  hidden,
  saveColumns,
  ...context
}: ColumnContext & {
  rows: InventoryRow[];
  sort: SortState;
  /** The page's URL state, so sort links keep the filters. */
  url: UrlState;
  /** The columns this admin hid, as saved. */
  hidden: InventoryColumnId[];
  saveColumns: ServerAction<undefined, InventoryColumnsPreference>;
}) {
  const [hiddenNow, setHidden] = useState<InventoryColumnId[]>(hidden);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const toggle = (id: InventoryColumnId, isShown: boolean) => {
    const next = isShown ? hiddenNow.filter((h) => h !== id) : [...hiddenNow, id];
    setHidden(next);
    startTransition(async () => {
      const result = await saveColumns({ status: "idle" }, { hidden: next });
      setError(result.status === "error" ? (result.message ?? "Could not remember the columns.") : null);
    });
  };
  return (
    <>
      <details className="border-b border-slate-200 px-4 py-2 text-sm">
        <summary className="cursor-pointer font-medium text-slate-700">Columns</summary>
        <fieldset className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          <legend className="sr-only">Columns to show</legend>
          {inventoryColumns.map((c) => (
            <label key={c.id} className="flex items-center gap-1.5 text-slate-700">
              <input type="checkbox" className="h-4 w-4" checked={!hiddenNow.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
              {c.label}
            </label>
          ))}
        </fieldset>
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </details>
      <DataTable
        caption="DigitalOcean resources"
        columns={buildColumns(context)}
        data={rows}
        sort={sort}
        rowKey={(r) => r.id}
        sortUrl={url}
        columnVisibility={Object.fromEntries(hiddenNow.map((id) => [id, false]))}
      />
    </>
  );
}
