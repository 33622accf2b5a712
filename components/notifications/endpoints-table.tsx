import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { EndpointSummary } from "@/lib/notifications/list-endpoints";

/** Every endpoint of every channel: where it sends, what it subscribes to, whether it is enabled and why not. */
export function EndpointsTable({ endpoints }: { endpoints: EndpointSummary[] }) {
  return (
    <Table caption="Notification endpoints">
      <THead>
        <Th>Channel</Th>
        <Th>Sends to</Th>
        <Th>Events</Th>
        <Th>Status</Th>
      </THead>
      <TBody>
        {endpoints.map((e) => (
          <tr key={e.id} className="align-top">
            <Td className="text-xs">{e.channel === "email" && e.digest ? "email (daily digest)" : e.channel}</Td>
            {/* A Slack URL carries its token: only its host is shown. */}
            <Td className="break-all font-mono text-xs">{e.channel === "slack" ? new URL(e.url).host : e.url}</Td>
            <Td className="break-all font-mono text-xs">{e.events.join(", ")}</Td>
            <Td className="text-xs">
              {e.status}
              {e.disabledReason ? <p className="text-red-700">{`${e.disabledReason} (${formatDateTime(e.disabledAt?.toISOString())})`}</p> : null}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
