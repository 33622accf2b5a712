"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { DataTable, type SortState } from "@/components/ui/data-table";
import { formatAge } from "@/components/ui/format";
import type { UrlState } from "@/lib/http/search-params";
import type { ResourceItem } from "@/lib/inventory/schemas";

function statusTone(status: string | null, deleted: boolean): Tone {
  if (deleted) return "red";
  if (!status) return "neutral";
  if (["active", "available", "running", "online", "assigned"].includes(status)) return "green";
  if (["off", "archive", "unassigned", "errored", "error"].includes(status)) return "amber";
  return "blue";
}

const columns: ColumnDef<ResourceItem, unknown>[] = [
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
  { id: "last_seen", header: "Last changed", meta: { sortField: "last_seen_at" }, cell: ({ row }) => formatAge(row.original.last_seen_at) },
];

export function InventoryTable({
  rows,
  sort,
  url,
}: {
  rows: ResourceItem[];
  sort: SortState;
  /** The page's URL state, so sort links keep the filters. */
  url: UrlState;
}) {
  return (
    <DataTable
      caption="DigitalOcean resources"
      columns={columns}
      data={rows}
      sort={sort}
      rowKey={(r) => r.id}
      sortUrl={url}
    />
  );
}
