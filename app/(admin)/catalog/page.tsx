import type { Metadata } from "next";
import Link from "next/link";
import { CatalogTabs } from "@/components/catalog/catalog-tabs";
import { Badge } from "@/components/ui/badge";
import { Banner } from "@/components/ui/banner";
import { ActionForm } from "@/components/ui/action-form";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listPlanSummaries } from "@/lib/catalog/plans";
import { formatMoney } from "@/lib/money/format-money";
import { seedStarterCatalogAction } from "./actions";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { seeded } = await searchParams;
  const plans = await listPlanSummaries(getDb());
  return (
    <>
      <PageHeader
        title="Catalog"
        description="Plans, their versioned prices, add-ons and per-unit prices. Tenants see the active version of each plan."
        actions={
          <>
            <LinkButton href="/plans">Preview tenant page</LinkButton>
            <LinkButton href="/catalog/new" variant="primary">
              New plan
            </LinkButton>
          </>
        }
      />
      <CatalogTabs current="/catalog" />
      {seeded ? (
        <div className="mb-4">
          <Banner tone="success">The starter catalog is loaded.</Banner>
        </div>
      ) : null}
      <Card>
        {plans.length === 0 ? (
          <EmptyState
            title="No plans yet"
            action={
              <ActionForm action={seedStarterCatalogAction} submitLabel="Load the starter catalog" pendingLabel="Load the starter catalog" />
            }
          >
            <p>
              Load Starter, Studio and Pro (AUD) with their add-ons — the same as <code className="rounded bg-slate-100 px-1">npm run db:seed</code> — or
              create a plan of your own.
            </p>
          </EmptyState>
        ) : (
          <Table caption="Plans">
            <THead>
              <Th>Plan</Th>
              <Th>Active version</Th>
              <Th align="right">Monthly price</Th>
              <Th>Published</Th>
              <Th>Pending draft</Th>
            </THead>
            <TBody>
              {plans.map((p) => (
                <tr key={p.code} className="hover:bg-slate-50">
                  <Th scope="row">
                    <Link href={`/catalog/${p.code}`} className="font-medium text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                    <span className="ml-2 font-mono text-xs text-slate-500">{p.code}</span>
                  </Th>
                  <Td>{p.active ? `Version ${p.active.version}` : <Badge tone="amber">Not on sale</Badge>}</Td>
                  <Td align="right">{p.active ? formatMoney(p.active.base_price_cents, p.active.currency) : "—"}</Td>
                  <Td>{formatDateTime(p.active?.published_at)}</Td>
                  <Td>
                    {p.draft ? (
                      <Link href={`/catalog/${p.code}/versions/${p.draft.version}`} className="inline-flex items-center gap-2 hover:underline">
                        <Badge tone="amber">Draft</Badge>
                        <span>
                          Version {p.draft.version} at {formatMoney(p.draft.base_price_cents, p.draft.currency)}
                        </span>
                      </Link>
                    ) : (
                      <span className="text-slate-500">None</span>
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
