import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PastLastPage } from "@/components/ui/pagination";
import { hrefWith, type UrlState } from "@/lib/http/search-params";

/** Why the inventory shows no rows: a page past the last one, an account never synced, or filters that match none. */
export function InventoryEmptyState({
  total,
  pageSize,
  isAccountEmpty,
  url,
}: {
  /** How many resources the filters match. */
  total: number;
  pageSize: number;
  /** No resource at all, and no filter: nothing has been synced. */
  isAccountEmpty: boolean;
  url: UrlState;
}) {
  if (total > 0) return <PastLastPage total={total} pageSize={pageSize} noun="resources" href={(p) => hrefWith(url, { page: p })} />;
  if (isAccountEmpty) {
    return (
      <EmptyState title="No resources yet">
        <p>
          arcadia-cloud has not synced a DigitalOcean account yet. Set <code className="rounded bg-slate-100 px-1">DO_API_TOKEN</code> to a read-only
          DigitalOcean API token, then press <strong>Sync now</strong> (or run <code className="rounded bg-slate-100 px-1">npm run job -- sync-inventory</code>).
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No resources match these filters">
      <Link href="/inventory" className="font-medium text-brand-700 underline">
        Clear filters
      </Link>
    </EmptyState>
  );
}
