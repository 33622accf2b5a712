import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { ProvisioningRequestItem } from "@/lib/provisioning/schemas";
import { monthlyCostLabel } from "./request-labels";
import { RequestStatus } from "./request-status";

/** A request's facts: status, tenant, resource, who asked, approval and its cost, times, error. */
export function RequestFacts({ request: r }: { request: ProvisioningRequestItem }) {
  const decision = r.approval.decision ? `${r.approval.decision} by ${r.approval.decided_by} at ${formatDateTime(r.approval.decided_at)}` : "waiting";
  const fields: [string, ReactNode][] = [
    ["Status", <RequestStatus key="s" status={r.status} />],
    [
      "Tenant",
      <Link key="t" href={`/tenants/${encodeURIComponent(r.tenant_id)}`} className="text-brand-700 hover:underline">
        {r.tenant_id}
      </Link>,
    ],
    [
      "Resource",
      r.resource_id ? (
        <Link key="r" href={`/resources/${r.resource_id}`} className="text-brand-700 hover:underline">
          {r.provider_id ? `droplet ${r.provider_id}` : "in the inventory"}
        </Link>
      ) : (
        "not known yet"
      ),
    ],
    ["Asked by", r.requested_by],
    ["Monthly cost", monthlyCostLabel(r.approval)],
    ["Approval", r.approval.required ? decision : "not needed (below the threshold)"],
    ["Created", formatDateTime(r.created_at)],
    ["Finished", r.finished_at ? formatDateTime(r.finished_at) : "—"],
  ];
  if (r.dry_run) fields.push(["Dry run", "every step but the DO calls"]);
  return (
    <Card>
      <CardHeader title="Request" />
      <dl aria-label="Request facts" className="divide-y divide-slate-100 text-sm">
        {fields.map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-5 py-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="min-w-0 break-words text-right text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {r.error ? <p className="border-t border-slate-100 px-5 py-3 text-sm break-words text-red-800">{r.error}</p> : null}
      <div className="border-t border-slate-100 px-5 py-3">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Parameters</h3>
        <pre className="mt-1 max-w-full overflow-x-auto rounded bg-slate-50 p-2 text-xs text-slate-800">{JSON.stringify(r.params, null, 2)}</pre>
      </div>
    </Card>
  );
}
