import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ActivityItem } from "@/lib/notifications/list-activity";
import { describeEventData } from "./describe-event-data";

/** Events newest first: when, which type and what it means, and its payload's fields (wrapping, never widening the page). */
export function ActivityTable({ events }: { events: ActivityItem[] }) {
  return (
    <Table caption="Notification events">
      <THead>
        <Th>When</Th>
        <Th>Event</Th>
        <Th>Details</Th>
      </THead>
      <TBody>
        {events.map((e) => (
          <tr key={e.id} className="align-top">
            <Td className="whitespace-nowrap text-xs">{formatDateTime(e.occurred_at)}</Td>
            <Td>
              <span className="font-mono text-xs">{e.type}</span>
              <p className="text-xs text-slate-500">{e.summary}</p>
            </Td>
            <Td className="min-w-64 text-xs text-slate-600 wrap-anywhere">{describeEventData(e.data)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
