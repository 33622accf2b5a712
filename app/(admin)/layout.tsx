import Link from "next/link";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { getDb } from "@/db";
import { countOpenDrift } from "@/lib/drift/list-drift";
import { countUnreadActivity } from "@/lib/notifications/activity-unread";
import { requireAdmin } from "@/lib/auth/session";
import { env } from "@/lib/platform/env";

export const dynamic = "force-dynamic";

const nav = [
  { href: "/inventory", label: "Inventory" },
  { href: "/drift", label: "Drift" },
  { href: "/operations", label: "Operations" },
  { href: "/costs", label: "Costs" },
  { href: "/margin", label: "Margin" },
  { href: "/tenants", label: "Tenants" },
  { href: "/catalog", label: "Catalog" },
  { href: "/jobs", label: "Jobs" },
  { href: "/activity", label: "Activity" },
  { href: "/settings/notifications", label: "Notifications" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  // Open drift is work waiting for an operator, so its count rides on the navigation.
  // Events since this admin last opened /activity ride on it the same way.
  const [openDrift, unread] = await Promise.all([countOpenDrift(getDb()), countUnreadActivity(getDb(), user.id)]);
  const badges: Record<string, number> = { "/drift": openDrift, "/activity": unread };
  const navItems = nav.map((item) => (badges[item.href] !== undefined ? { ...item, badge: badges[item.href], badgeLabel: item.href === "/activity" ? "unread" : "open" } : item));
  const banner = env().ARCADIA_DEMO ? (
    <div role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 sm:px-6">
      <strong className="font-semibold">Demo account</strong> — set DO_API_TOKEN to connect your DigitalOcean account.{" "}
      <Link href="/demo" className="font-medium underline">
        What the demo shows
      </Link>
    </div>
  ) : undefined;
  return (
    <AppShell nav={navItems} user={{ email: user.email ?? user.name ?? "Platform admin", role: user.role }} banner={banner}>
      {children}
    </AppShell>
  );
}
