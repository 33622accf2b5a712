import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { VersionChange } from "@/lib/catalog/diff-versions";
import type { VersionDetail } from "@/lib/catalog/schemas";
import { formatMoney } from "@/lib/money/format-money";
import { statusTone } from "./catalog-format";
import { VersionDiff } from "./version-diff";
import { VersionItemsTable } from "./version-items-table";

/** One version on the plan page: its status, price, dates, what changed from the previous version, and its items. */
export function VersionCard({
  planName,
  version: v,
  previousVersion,
  changes,
  actions,
}: {
  planName: string;
  version: VersionDetail;
  previousVersion: number | null;
  /** From the previous version; ignored for a first version. */
  changes: VersionChange[];
  actions?: ReactNode;
}) {
  const dates = [
    v.published_at ? `published ${formatDateTime(v.published_at)}${v.published_by ? ` by ${v.published_by}` : ""}` : `created ${formatDateTime(v.created_at)}`,
    v.retired_at ? `retired ${formatDateTime(v.retired_at)}` : null,
  ].filter(Boolean);
  return (
    <Card>
      <div id={`version-${v.version}`}>
        <CardHeader
          title={
            <span className="flex items-center gap-2">
              Version {v.version} <Badge tone={statusTone[v.status]}>{v.status}</Badge>
            </span>
          }
          description={`${formatMoney(v.base_price_cents, v.currency)} a month · ${dates.join(" · ")}`}
          actions={actions}
        />
        <div className="border-b border-slate-200 px-5 py-3">
          {previousVersion ? (
            <>
              <h3 className="mb-1 text-sm font-semibold text-slate-900">Changes from version {previousVersion}</h3>
              <VersionDiff changes={changes} currency={v.currency} emptyText="Same price and items as the previous version." />
            </>
          ) : (
            <p className="text-sm text-slate-600">The plan&apos;s first version: everything below is new.</p>
          )}
        </div>
        <VersionItemsTable items={v.items} currency={v.currency} caption={`${planName} version ${v.version}: included resources`} />
        <p className="border-t border-slate-200 px-5 py-3 text-sm text-slate-700">
          Droplet sizes tenants may provision: {v.allowed_sizes.length ? v.allowed_sizes.join(", ") : "any size"}
        </p>
      </div>
    </Card>
  );
}
