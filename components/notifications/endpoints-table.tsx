import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ServerAction } from "@/lib/http/action-result";
import type { EndpointSummary } from "@/lib/notifications/list-endpoints";
import { DeliverNowButton } from "./deliver-now-button";

/** A Slack URL carries its token: only its host is shown. */
export const endpointLabel = (channel: string, url: string) => (channel === "slack" ? new URL(url).host : url);

/**
 * Every endpoint of every channel: where it sends, what it subscribes to, whether it is enabled and why not, and
 * "Send test" for an enabled one.
 */
export function EndpointsTable({ endpoints, sendTest }: { endpoints: EndpointSummary[]; sendTest: ServerAction<{ isSuccess: boolean }> }) {
  return (
    <Table caption="Notification endpoints">
      <THead>
        <Th>Channel</Th>
        <Th>Sends to</Th>
        <Th>Events</Th>
        <Th>Status</Th>
        <Th align="right">Test</Th>
      </THead>
      <TBody>
        {endpoints.map((e) => (
          <tr key={e.id} className="align-top">
            <Td className="text-xs">{e.channel === "email" && e.digest ? "email (daily digest)" : e.channel}</Td>
            <Td className="break-all font-mono text-xs">{endpointLabel(e.channel, e.url)}</Td>
            <Td className="break-all font-mono text-xs">{e.events.join(", ")}</Td>
            <Td className="text-xs">
              {e.status}
              {e.disabledReason ? <p className="text-red-700">{`${e.disabledReason} (${formatDateTime(e.disabledAt?.toISOString())})`}</p> : null}
            </Td>
            <Td align="right">
              {e.status === "enabled" ? (
                <DeliverNowButton action={sendTest} name="endpoint_id" value={e.id} label="Send test" ariaLabel={`Send test to ${endpointLabel(e.channel, e.url)}`} />
              ) : null}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
