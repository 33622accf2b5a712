import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Plans" };
export const dynamic = "force-dynamic";

export default async function PlansPage() {
  await requireUser("/plans");
  return (
    <main className="mx-auto max-w-5xl px-6 py-10">
      <PageHeader title="Plans" description="What you can run on arcadia-cloud." />
      <EmptyState title="No plans are on sale yet" />
    </main>
  );
}
