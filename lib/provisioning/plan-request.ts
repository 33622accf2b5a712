import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudResources } from "@/db/schema";
import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import type { DoClient } from "@/lib/digitalocean/client";
import type { DoSize } from "@/lib/digitalocean/provisioning-schemas";
import { dollarNumberToCents } from "@/lib/money/parse-amount-cents";
import { ApiError } from "@/lib/http/errors";
import { addMonths, monthStart, toPeriod } from "@/lib/billing/month";
import type { CreateRequestBody } from "./schemas";

/** DO's list price of block storage, per GB-month (DO's API has no price list for volumes). */
export const volumeCentsPerGbMonth = 10;

/** What a request will do to the bill and the tenant's usage, and what it acts on; checked before anything is stored. */
export interface RequestPlan {
  /** What the request adds to DO's monthly bill, in US cents (a resize: the droplet's new monthly price). */
  monthlyCogsCents: number;
  /** Usage it adds to this month's allowances, in each kind's measure, by the month's end. */
  adds: Partial<Record<CatalogResourceKind, number>>;
  /** The size the plan's list must allow (create and resize). */
  size: string | null;
  /** The month `adds` counts in (`YYYY-MM-01`). */
  period: string;
  /** For resize and delete: the droplet it acts on. */
  target: { resourceId: string; providerId: string; sizeSlug: string | null } | null;
}

const sizeCacheMs = 10 * 60_000;
const sizeCache = new Map<string, { at: number; sizes: Promise<DoSize[]> }>();

/** DO's droplet sizes, cached per DO account for ten minutes: every create and resize prices against them. */
export function listSizesCached(client: DoClient, cacheKey: string, nowMs = Date.now()): Promise<DoSize[]> {
  const hit = sizeCache.get(cacheKey);
  if (hit && nowMs - hit.at < sizeCacheMs) return hit.sizes;
  const sizes = client.listSizes();
  sizeCache.set(cacheKey, { at: nowMs, sizes });
  sizes.catch(() => sizeCache.delete(cacheKey));
  return sizes;
}

/** Hours from `now` to the end of its month: what a droplet created now adds to the month's droplet hours. */
export function hoursLeftInMonth(now: Date): number {
  const end = monthStart(addMonths(toPeriod(now), 1)).getTime();
  return Math.round(((end - now.getTime()) / 3_600_000) * 1e6) / 1e6;
}

/**
 * Checks the request against DO's size list and the inventory (a bad size or region is a 400; a droplet that is not
 * the tenant's a 404) and works out its monthly cost and the usage it adds, for the entitlement check and approval.
 */
export async function planRequest(
  db: DbOrTx,
  body: CreateRequestBody,
  opts: { sizes: () => Promise<DoSize[]>; tagPrefix: string; now: Date },
): Promise<RequestPlan> {
  const period = toPeriod(opts.now);
  const findSize = async (slug: string) => {
    const size = (await opts.sizes()).find((s) => s.slug === slug);
    if (!size) throw new ApiError("invalid_request", `DigitalOcean has no droplet size ${slug}`, [{ path: "params.size", code: "invalid_value", message: "unknown size" }]);
    return size;
  };

  if (body.action === "create_droplet") {
    const { params } = body;
    const size = await findSize(params.size);
    if (!size.available || !size.regions.includes(params.region)) {
      throw new ApiError("invalid_request", `Size ${params.size} is not offered in ${params.region}`, [{ path: "params.region", code: "invalid_value", message: "size not offered here" }]);
    }
    const fraction = hoursLeftInMonth(opts.now) / ((monthStart(addMonths(period, 1)).getTime() - monthStart(period).getTime()) / 3_600_000);
    const adds: RequestPlan["adds"] = { droplet_hours: hoursLeftInMonth(opts.now) };
    if (params.volume_gb) adds.volume_gb_month = Math.round(params.volume_gb * fraction * 1e6) / 1e6;
    return {
      monthlyCogsCents: (dollarNumberToCents(size.price_monthly) ?? 0) + (params.volume_gb ?? 0) * volumeCentsPerGbMonth,
      adds,
      size: size.slug,
      period,
      target: null,
    };
  }

  const target = await findTenantDroplet(db, body.params.resource_id, `${opts.tagPrefix}${body.tenant_id}`);
  if (body.action === "delete_droplet") return { monthlyCogsCents: 0, adds: {}, size: null, period, target };

  const size = await findSize(body.params.size);
  if (target.sizeSlug === size.slug) throw new ApiError("conflict", `The droplet is already ${size.slug}`);
  if (target.disk !== null && size.disk < target.disk) {
    throw new ApiError("conflict", `A droplet's disk only grows: ${size.slug} has ${size.disk} GB, the droplet ${target.disk} GB`);
  }
  return { monthlyCogsCents: dollarNumberToCents(size.price_monthly) ?? 0, adds: {}, size: size.slug, period, target };
}

async function findTenantDroplet(db: DbOrTx, resourceId: string, tenantTag: string) {
  const [row] = await db
    .select({ id: cloudResources.id, providerId: cloudResources.providerId, sizeSlug: cloudResources.sizeSlug, tags: cloudResources.tags, attrs: cloudResources.attrs })
    .from(cloudResources)
    .where(and(eq(cloudResources.id, resourceId), eq(cloudResources.kind, "droplet"), isNull(cloudResources.deletedAt)));
  // Another tenant's droplet answers as if it did not exist: a request never learns what is not its tenant's.
  if (!row?.tags.includes(tenantTag)) throw new ApiError("not_found", `No live droplet ${resourceId} tagged ${tenantTag}: use an id /api/v1/inventory returns`);
  const disk = typeof row.attrs.disk === "number" ? row.attrs.disk : null;
  return { resourceId: row.id, providerId: row.providerId, sizeSlug: row.sizeSlug, disk };
}
