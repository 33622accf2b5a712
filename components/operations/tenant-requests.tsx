import Link from "next/link";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ProvisioningRequestItem } from "@/lib/provisioning/schemas";
import { actionLabel, describeParams } from "./request-labels";
import { RequestStatus } from "./request-status";

/** A tenant page's latest provisioning requests, with the way to all of them on /operations. */
export function TenantRequests({ tenantId, requests, className }: { tenantId: string; requests: ProvisioningRequestItem[]; className?: string }) {
  const all = `/operations?tenant=${encodeURIComponent(tenantId)}`;
  return (
    <CardTable
      className={className}
      title="Provisioning requests"
      description={
        <>
          The latest few, newest first.{" "}
          <Link href={all} className="text-brand-700 underline">
            Every request of this tenant
          </Link>
        </>
      }
      isEmpty={requests.length === 0}
      empty={<EmptyState title="No provisioning requests for this tenant">What arcadia-app asks DigitalOcean to create, resize or delete for this tenant shows here.</EmptyState>}
    >
      <Table caption="The tenant's provisioning requests">
        <THead>
          <Th>Request</Th>
          <Th>Status</Th>
          <Th>Created</Th>
        </THead>
        <TBody>
          {requests.map((r) => (
            <tr key={r.id} className="align-top">
              <Td>
                <Link href={`/operations/${r.id}`} className="font-medium text-brand-700 hover:underline">
                  {actionLabel(r.action)}
                </Link>
                <span className="block break-all text-xs text-slate-600">{describeParams(r.params)}</span>
              </Td>
              <Td>
                <RequestStatus status={r.status} />
              </Td>
              <Td className="whitespace-nowrap text-slate-700">{formatDateTime(r.created_at)}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </CardTable>
  );
}
