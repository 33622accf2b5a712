import type { Addon, PlanItem, PlanVersion, ResourcePrice } from "@/db/schema/catalog";
import { catalogResourceKinds } from "@/db/schema/catalog-kinds";
import type { CatalogAddon, CatalogVersion, PlanItemDto, ResourcePriceDto, VersionDetail } from "./schemas";

// Row → DTO mappers: the one place database rows become the snake_case objects pages and the API share.

const kindOrder = new Map<string, number>(catalogResourceKinds.map((k, i) => [k, i]));

/** Items in the catalog's fixed kind order, so every page and response lists them the same way. */
export function sortItems<T extends { resource_kind: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (kindOrder.get(a.resource_kind) ?? 99) - (kindOrder.get(b.resource_kind) ?? 99));
}

export function toPlanItemDto(row: PlanItem): PlanItemDto {
  return {
    resource_kind: row.resourceKind,
    included_qty: row.includedQty,
    overage_unit: row.overageUnit,
    overage_price_cents: row.overagePriceCents,
    hard_cap_qty: row.hardCapQty,
  };
}

export function toVersionDetail(row: PlanVersion, items: PlanItem[]): VersionDetail {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    base_price_cents: row.basePriceCents,
    currency: row.currency,
    billing_interval: row.billingInterval,
    created_at: row.createdAt.toISOString(),
    created_by: row.createdBy,
    published_at: row.publishedAt?.toISOString() ?? null,
    published_by: row.publishedBy,
    retired_at: row.retiredAt?.toISOString() ?? null,
    items: sortItems(items.map(toPlanItemDto)),
    allowed_sizes: row.allowedSizes,
  };
}

export function toCatalogVersion(row: PlanVersion, items: PlanItem[]): CatalogVersion {
  return {
    id: row.id,
    version: row.version,
    base_price_cents: row.basePriceCents,
    currency: row.currency,
    billing_interval: row.billingInterval,
    published_at: (row.publishedAt ?? row.createdAt).toISOString(),
    items: sortItems(items.map(toPlanItemDto)),
    allowed_sizes: row.allowedSizes,
  };
}

export function toCatalogAddon(row: Addon): CatalogAddon {
  return { code: row.code, name: row.name, resource_kind: row.resourceKind, qty: row.qty, price_cents: row.priceCents, currency: row.currency };
}

export function toResourcePriceDto(row: ResourcePrice): ResourcePriceDto {
  return {
    resource_kind: row.resourceKind,
    unit: row.unit,
    price_cents: row.priceCents,
    currency: row.currency,
    effective_from: row.effectiveFrom.toISOString(),
    effective_to: row.effectiveTo?.toISOString() ?? null,
  };
}
