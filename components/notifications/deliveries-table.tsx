import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { RecentDelivery } from "@/lib/notifications/list-endpoints";

/** The delivery log: which event went to which endpoint, its status and how many attempts it took. */
export function DeliveriesTable({ deliveries }: { deliveries: RecentDelivery[] }) {
  return (
    <Table caption="Delivery log">
      <THead>
        <Th>Event</Th>
        <Th>Endpoint</Th>
        <Th>Status</Th>
        <Th align="right">Attempts</Th>
        <Th>Last attempt</Th>
      </THead>
      <TBody>
        {deliveries.map((d) => (
          <tr key={d.id} className="align-top">
            <Td className="font-mono text-xs">{d.type}</Td>
            <Td className="break-all font-mono text-xs">{d.channel === "slack" ? new URL(d.endpointUrl).host : d.endpointUrl}</Td>
            <Td className="text-xs">{d.status}</Td>
            <Td align="right" className="text-xs">
              {d.attempts}
            </Td>
            <Td className="whitespace-nowrap text-xs">{formatDateTime(d.lastAttemptAt?.toISOString())}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
