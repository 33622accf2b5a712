import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ProvisioningRequestItem } from "@/lib/provisioning/schemas";
import { type DecisionActions, RequestDecisions } from "./request-decisions";
import { actionLabel, describeParams, monthlyCostLabel } from "./request-labels";
import { RequestStatus } from "./request-status";

/** The step a request is at (running), or the last one it reached, with its error when it failed. */
function currentStep(r: ProvisioningRequestItem) {
  const step = r.steps.find((s) => s.status === "running") ?? r.steps.at(-1);
  if (!step) return null;
  return `${step.name} ${step.status}`;
}

/** Provisioning requests, newest first: what, for whom, where its saga is, what it made, and what an admin can do. */
export function RequestsTable({ requests, actions, now }: { requests: ProvisioningRequestItem[]; actions: DecisionActions; now: number }) {
  return (
    <Table caption="Provisioning requests">
      <THead>
        <Th>Request</Th>
        <Th>Tenant</Th>
        <Th>Status</Th>
        <Th>Resource</Th>
        <Th>Actions</Th>
      </THead>
      <TBody>
        {requests.map((r) => (
          <tr key={r.id} className="align-top">
            <Td className="min-w-40">
              <Link href={`/operations/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {actionLabel(r.action)}
              </Link>
              <span className="block break-words text-xs text-slate-600">{describeParams(r.params)}</span>
              <RelativeTime iso={r.created_at} now={now} className="text-xs text-slate-500" />
            </Td>
            <Td>
              <Link href={`/tenants/${encodeURIComponent(r.tenant_id)}`} className="whitespace-nowrap text-brand-700 hover:underline">
                {r.tenant_id}
              </Link>
            </Td>
            <Td className="min-w-36">
              <RequestStatus status={r.status} />
              {r.approval.required ? <span className="mt-0.5 block text-xs text-slate-600">{monthlyCostLabel(r.approval)} a month</span> : null}
              {currentStep(r) ? <span className="mt-0.5 block text-xs text-slate-600">{currentStep(r)}</span> : null}
              {r.error ? <span className="mt-0.5 block max-w-64 break-words text-xs text-red-800">{r.error}</span> : null}
            </Td>
            <Td>
              {r.resource_id ? (
                <Link href={`/resources/${r.resource_id}`} className="text-brand-700 hover:underline">
                  {typeof r.params.name === "string" ? r.params.name : "Resource"}
                </Link>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
            <Td>
              <RequestDecisions request={r} actions={actions} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
