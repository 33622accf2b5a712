import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatMonth } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ResourceKind } from "@/db/schema/resource-constants";
import { hrefWith, type UrlState } from "@/lib/http/search-params";
import { kindLabels } from "@/lib/inventory/kind-styles";
import { formatMoney } from "@/lib/money/format-money";

const pill = (isCurrent: boolean) =>
  cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", isCurrent ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50");

/**
 * All resources, or one kind: each with its count, when it was last synced and what it cost in the latest invoiced
 * month; the other filters and the sort stay.
 */
export function ResourceKindNav({
  url,
  current,
  kinds,
  byKind,
  lastSync,
  costs,
  now,
}: {
  url: UrlState;
  current: ResourceKind | undefined;
  kinds: readonly ResourceKind[];
  byKind: Partial<Record<ResourceKind, number>>;
  lastSync: Partial<Record<ResourceKind, string>>;
  costs?: { period: string; currency: string; byKind: Partial<Record<ResourceKind, number>> };
  now: number;
}) {
  const allCount = Object.values(byKind).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <nav aria-label="Resource kinds" className="mb-4 flex flex-wrap gap-2">
      <Link href={hrefWith(url, { kind: undefined, page: undefined })} aria-current={!current ? "page" : undefined} className={pill(!current)}>
        All <span className="tabular-nums">{allCount}</span>
      </Link>
      {kinds.map((k) => (
        <Link key={k} href={hrefWith(url, { kind: k, page: undefined })} aria-current={current === k ? "page" : undefined} className={pill(current === k)}>
          {kindLabels[k]} <span className="tabular-nums">{byKind[k] ?? 0}</span>
          <span className={cn("ml-1 text-xs", current === k ? "text-slate-300" : "text-slate-600")}>
            · {lastSync[k] ? <>synced <RelativeTime iso={lastSync[k]} now={now} /></> : "never synced"}
            {costs?.byKind[k] ? ` · ${formatMoney(costs.byKind[k], costs.currency)} in ${formatMonth(costs.period)}` : null}
          </span>
        </Link>
      ))}
    </nav>
  );
}
