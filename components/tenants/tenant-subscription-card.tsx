import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import type { TenantOverview } from "@/lib/tenants/get-tenant-overview";
import { billingFlagLabels } from "./tenant-labels";

/** The subscription in force and the plan version it is on now (and a move a migration has scheduled). */
export function TenantSubscriptionCard({ overview }: { overview: TenantOverview }) {
  const s = overview.current;
  const fields: [string, ReactNode][] = s
    ? [
        ["Plan", `${s.planName} (${s.planCode})`],
        ["Version", s.scheduledVersion ? `${s.version}, moving to ${s.scheduledVersion}` : String(s.version)],
        ["Status", <Badge key="status" tone={s.status === "active" ? "green" : s.status === "trialing" ? "blue" : "neutral"}>{s.status}</Badge>],
        ["Since", formatDate(s.startedAt)],
        ["Ends", s.endedAt ? formatDate(s.endedAt) : "—"],
        ["Subscription id", <code key="id">{s.id}</code>],
      ]
    : [];
  return (
    <Card>
      <CardHeader title="Subscription" description={s ? "In force now." : undefined} />
      {s ? (
        <dl className="divide-y divide-slate-100 text-sm">
          {fields.map(([label, value]) => (
            <div key={label} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-5 py-2">
              <dt className="text-slate-600">{label}</dt>
              <dd className="min-w-0 break-words text-right text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="px-5 py-4 text-sm text-slate-700">
          No subscription is in force
          {overview.billing.reason ? `: ${billingFlagLabels[overview.billing.reason]}` : ""}.
          {overview.subscriptions.length ? ` It had ${overview.subscriptions.length === 1 ? "one" : overview.subscriptions.length} before; see its history.` : ""}
        </p>
      )}
    </Card>
  );
}
