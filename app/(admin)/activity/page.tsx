import type { Metadata } from "next";
import { ActivityFilters } from "@/components/notifications/activity-filters";
import { ActivityTable } from "@/components/notifications/activity-table";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { InvalidFiltersBanner } from "@/components/ui/invalid-filters-banner";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requireAdmin } from "@/lib/auth/session";
import { markActivitySeen } from "@/lib/notifications/activity-unread";
import { eventTypes } from "@/lib/notifications/event-catalog";
import { listActivity, parseActivityQuery } from "@/lib/notifications/list-activity";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, isValid } = parseActivityQuery(await searchParams);
  const user = await requireAdmin();
  const db = getDb();
  const events = await listActivity(db, { type: query.type, limit: 100 });
  // Opening the feed reads it: the navigation's unread count starts again from here.
  await markActivitySeen(db, user.id);
  return (
    <>
      <PageHeader title="Activity" description="Every notification event, newest first, whether or not an endpoint subscribes to it." />
      <InvalidFiltersBanner isShown={!isValid} />
      <CardTable
        title={query.type ? `Events of type ${query.type}` : "Recent events"}
        description="The latest 100 events."
        toolbar={<ActivityFilters types={eventTypes} value={query.type} />}
        isEmpty={events.length === 0}
        empty={
          <EmptyState title={query.type ? "No events of this type" : "No events yet"}>
            {query.type ? "Pick another type, or every type, above." : "Syncs, drift, invoices, budgets and jobs write their events here as they happen."}
          </EmptyState>
        }
      >
        <ActivityTable events={events} />
      </CardTable>
    </>
  );
}
