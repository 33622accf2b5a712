import type { Metadata } from "next";
import { AddEmailForm } from "@/components/notifications/add-email-form";
import { DeliveriesTable } from "@/components/notifications/deliveries-table";
import { AddWebhookForm } from "@/components/notifications/add-webhook-form";
import { EndpointsTable } from "@/components/notifications/endpoints-table";
import { MarginTargetForm } from "@/components/notifications/margin-target-form";
import { Card, CardHeader } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { requireAdmin } from "@/lib/auth/session";
import { getMarginTarget } from "@/lib/billing/margin-target";
import { listAllEndpoints, listRecentDeliveries } from "@/lib/notifications/list-endpoints";
import {
  addEmailSubscriptionAction,
  addSlackEndpointAction,
  addWebhookEndpointAction,
  resendDeliveryAction,
  sendTestNotificationAction,
  setMarginTargetAction,
} from "./actions";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireAdmin();
  const db = getDb();
  const [endpoints, deliveries, target] = await Promise.all([listAllEndpoints(db), listRecentDeliveries(db), getMarginTarget(db)]);
  return (
    <>
      <PageHeader title="Notification settings" description="Where events are sent: webhooks, Slack and email." />
      <Card className="mb-6">
        <CardHeader title="Add a webhook endpoint" description="Deliveries are signed per Standard Webhooks with the endpoint's secret." />
        <AddWebhookForm action={addWebhookEndpointAction} />
      </Card>
      <Card className="mb-6">
        <CardHeader title="Add a Slack channel" description="A Slack incoming-webhook URL; messages link back to /activity." />
        <AddWebhookForm action={addSlackEndpointAction} idPrefix="slack" urlLabel="Slack incoming-webhook URL" submitLabel="Add Slack channel" />
      </Card>
      <Card className="mb-6">
        <CardHeader title="Email me" description="Sent over SMTP_URL; the digest arrives daily at 07:00 UTC." />
        <AddEmailForm action={addEmailSubscriptionAction} email={user.email ?? undefined} />
      </Card>
      <CardTable className="mb-6" title="Endpoints" isEmpty={endpoints.length === 0} empty={<EmptyState title="No endpoints yet">Add a webhook, a Slack channel or an email address above; the events you choose then reach it.</EmptyState>}>
        <EndpointsTable endpoints={endpoints} sendTest={sendTestNotificationAction} />
      </CardTable>
      <CardTable
        title="Delivery log"
        description="The latest 50 deliveries, newest first."
        isEmpty={deliveries.length === 0}
        empty={<EmptyState title="Nothing delivered yet">Each event sent to an endpoint shows here with its status and attempts, and can be resent.</EmptyState>}
      >
        <DeliveriesTable deliveries={deliveries} resend={resendDeliveryAction} />
      </CardTable>
      <Card className="mt-6">
        <CardHeader
          title="Target gross margin"
          description="Each plan and billed tenant whose margin for a month is under it is announced once (margin.below_target): for the latest invoiced month when this is saved, and for each month an invoice is ingested."
        />
        <MarginTargetForm action={setMarginTargetAction} target={target} />
      </Card>
    </>
  );
}
