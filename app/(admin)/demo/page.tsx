import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/platform/env";
import { loadDemoAccountAction } from "./actions";

export const metadata: Metadata = { title: "The demo account" };

const story = [
  { href: "/margin", label: "Margin", text: "a year of revenue against DigitalOcean's COGS, about a third kept as margin, and a cost anomaly four months back." },
  { href: "/margin/plans", label: "Margin by plan", text: "Starter is under water (Wonka's droplet costs more than its price); Pro's price rose six months back, and Initech stays on the old version." },
  { href: "/margin/tenants?billed=unbilled", label: "Unbilled tenants", text: "Hooli and Wayne run tagged resources nobody bills." },
  { href: "/drift", label: "Drift", text: "a resize, an edited tag, a lost tag, and a droplet destroyed at DigitalOcean that our spec still wants." },
  { href: "/operations", label: "Operations", text: "with provisioning on (npm run demo turns it on), Globex's US$1,008-a-month droplet waits for approval." },
  { href: "/costs/invoices", label: "Invoices", text: "the invoice of two months back does not reconcile: DigitalOcean's amount carries a credit its CSV leaves out." },
  { href: "/settings/notifications", label: "Notifications", text: "with private webhook URLs allowed (npm run demo allows them), a webhook on the fake DigitalOcean's receiver has the drift, unbilled-usage and invoice deliveries in its log." },
];

export default async function DemoPage() {
  if (!env().ARCADIA_DEMO) notFound();
  return (
    <>
      <PageHeader
        title="The demo account"
        description="A small reseller on a fake DigitalOcean account: eight tenants, six of them subscribed across Starter, Studio and Pro since January 2024."
      />
      <div className="flex flex-col gap-4">
        <Card>
          <CardHeader title="Where to look" />
          <ul className="flex flex-col gap-2 px-6 pb-6 text-sm text-slate-700">
            {story.map((s) => (
              <li key={s.href}>
                <Link href={s.href} className="font-medium text-brand-700 hover:underline">
                  {s.label}
                </Link>
                : {s.text}
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader
            title="The demo's customers"
            description="npm run demo loads them on its first start. A server started another way loads them here: the catalog, the subscriptions with Pro's price change, Globex's bandwidth, the drifting specs, the request awaiting approval and the webhook endpoint. Run it again after an inventory sync for the specs; loading twice changes nothing."
          />
          <div className="px-6 pb-6">
            <ActionForm action={loadDemoAccountAction} submitLabel="Load the demo's customers" pendingLabel="Loading the demo's customers" />
          </div>
        </Card>
      </div>
    </>
  );
}
