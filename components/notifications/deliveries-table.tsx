import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ServerAction } from "@/lib/http/action-result";
import type { RecentDelivery } from "@/lib/notifications/list-endpoints";
import { DeliverNowButton } from "./deliver-now-button";
import { endpointLabel } from "./endpoints-table";

/** The delivery log: which event went to which endpoint, its status and how many attempts it took, and "Resend". */
export function DeliveriesTable({ deliveries, resend }: { deliveries: RecentDelivery[]; resend: ServerAction<{ isSuccess: boolean }> }) {
  return (
    <Table caption="Delivery log">
      <THead>
        <Th>Event</Th>
        <Th>Endpoint</Th>
        <Th>Status</Th>
        <Th align="right">Attempts</Th>
        <Th>Last attempt</Th>
        <Th align="right">Resend</Th>
      </THead>
      <TBody>
        {deliveries.map((d) => (
          <tr key={d.id} className="align-top">
            <Td className="font-mono text-xs">{d.type}</Td>
            <Td className="break-all font-mono text-xs">{endpointLabel(d.channel, d.endpointUrl)}</Td>
            <Td className="text-xs">{d.status}</Td>
            <Td align="right" className="text-xs">
              {d.attempts}
            </Td>
            <Td className="whitespace-nowrap text-xs">{formatDateTime(d.lastAttemptAt?.toISOString())}</Td>
            <Td align="right">
              <DeliverNowButton action={resend} name="delivery_id" value={d.id} label="Resend" ariaLabel={`Resend ${d.type} to ${endpointLabel(d.channel, d.endpointUrl)}`} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
