import { formatDateTime } from "@/components/ui/format";
import type { TenantHistoryEvent } from "@/lib/tenants/get-tenant-overview";

function describeEvent(e: TenantHistoryEvent): string {
  switch (e.type) {
    case "subscribed":
      return `Subscribed to ${e.planCode} version ${e.version} (${e.status})`;
    case "migrated":
      return `Moved from ${e.planCode} version ${e.fromVersion} to ${e.toVersion}${e.by ? ` by ${e.by}` : ""}`;
    case "status_changed":
      return `${e.planCode} subscription became ${e.status}`;
    case "ended":
      return `${e.planCode} subscription ended`;
  }
}

/** Subscriptions started and ended, migrations between versions and status changes, newest first. */
export function TenantHistory({ events }: { events: TenantHistoryEvent[] }) {
  if (!events.length) return <p className="px-5 py-4 text-sm text-slate-600">No subscription has been recorded for this tenant.</p>;
  return (
    <ol aria-label="Subscription history" className="divide-y divide-slate-100 text-sm">
      {events.map((e) => (
        <li key={`${e.type}-${e.subscriptionId}-${e.at}`} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-5 py-2">
          <span className="min-w-0 break-words text-slate-900">{describeEvent(e)}</span>
          <time dateTime={e.at} className="whitespace-nowrap text-slate-600">
            {formatDateTime(e.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
