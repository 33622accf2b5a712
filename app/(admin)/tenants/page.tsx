import type { Metadata } from "next";
import { TenantSearch } from "@/components/tenants/tenant-search";
import { TenantsTable } from "@/components/tenants/tenants-table";
import { CardTable } from "@/components/ui/card-table";
import { EmptyState } from "@/components/ui/empty-state";
import { InvalidFiltersBanner } from "@/components/ui/invalid-filters-banner";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db";
import { hrefWith } from "@/lib/http/search-params";
import { env } from "@/lib/platform/env";
import { listTenants } from "@/lib/tenants/list-tenants";
import { parseTenantsPageQuery, tenantsUrl } from "./tenants-page-query";

export const metadata: Metadata = { title: "Tenants" };

const pageSize = 50;

export default async function TenantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, isValid } = parseTenantsPageQuery(await searchParams);
  const { items, total } = await listTenants(getDb(), { tagPrefix: env().TENANT_TAG_PREFIX, q: query.q, limit: pageSize, offset: (query.page - 1) * pageSize });
  const url = tenantsUrl(query);
  return (
    <>
      <PageHeader
        title="Tenants"
        description={`Every tenant arcadia-app sent, and every one a resource's ${env().TENANT_TAG_PREFIX}<id> tag names: open one for its subscription, usage, resources, COGS and margin.`}
      />
      <InvalidFiltersBanner isShown={!isValid} />
      <CardTable
        toolbar={<TenantSearch q={query.q} />}
        isEmpty={items.length === 0}
        empty={
          <EmptyState title={query.q ? "No tenant matches" : total ? "This page is past the last one" : "No tenants yet"}>
            <p>
              {query.q
                ? `No tenant's name or id contains “${query.q}”.`
                : total
                  ? "Go back to the first page."
                  : "Tenants appear when arcadia-app sends them (PUT /api/v1/tenants/{id}) or a resource carries a tenant tag."}
            </p>
          </EmptyState>
        }
      >
        <TenantsTable tenants={items} />
        <Pagination page={query.page} pageSize={pageSize} total={total} href={(p) => hrefWith(url, { page: p })} />
      </CardTable>
    </>
  );
}
