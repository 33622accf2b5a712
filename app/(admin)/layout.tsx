import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const nav = [
  { href: "/inventory", label: "Inventory" },
  { href: "/drift", label: "Drift" },
  { href: "/costs", label: "Costs" },
  { href: "/catalog", label: "Catalog" },
  { href: "/jobs", label: "Jobs" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireAdmin();
  return (
    <AppShell nav={nav} user={{ email: user.email ?? user.name ?? user.id, role: user.role }}>
      {children}
    </AppShell>
  );
}
