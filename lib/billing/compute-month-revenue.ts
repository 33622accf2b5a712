import type { CatalogResourceKind } from "@/db/schema/catalog-kinds";
import type { SubscriptionStatus } from "@/db/schema/billing";
import { prorate, roundDiv } from "@/lib/money/round-div";
import { addMonths, dayNumber, daysInMonth, monthStart } from "./month";
import { overageUnitSize } from "./overage-unit-size";
import { billedSpans, intersect, lengthOf, type Span, spanOf, versionSpans } from "./subscription-spans";

export interface RevenueItem {
  resourceKind: CatalogResourceKind;
  includedQty: number;
  overageUnit: string;
  overagePriceCents: number;
  hardCapQty: number | null;
}

export interface RevenueVersion {
  id: string;
  planCode: string;
  version: number;
  basePriceCents: number;
  currency: string;
  items: RevenueItem[];
}

export interface RevenueAddon {
  id: string;
  code: string;
  resourceKind: CatalogResourceKind;
  qty: number;
  priceCents: number;
  currency: string;
}

export interface RevenueSubscription {
  id: string;
  tenantId: string;
  status: SubscriptionStatus;
  startedAt: Date;
  endedAt: Date | null;
  /** The version it is on now (or is scheduled to be on); `migrations` say since when. */
  versionId: string;
  migrations: { fromVersionId: string; toVersionId: string; effectiveAt: Date }[];
  /** Recorded status changes (when arcadia-app said so); without any, `status` holds for the whole subscription. */
  statusChanges?: { status: SubscriptionStatus; effectiveAt: Date }[];
  addons: { addonId: string; quantity: number; startedAt: Date; endedAt: Date | null }[];
}

export interface MonthRevenueInput {
  /** `YYYY-MM-01` */
  period: string;
  subscriptions: RevenueSubscription[];
  versions: ReadonlyMap<string, RevenueVersion>;
  addons: ReadonlyMap<string, RevenueAddon>;
  /** Usage of the month per tenant and kind, in the kind's own measure. */
  usage: ReadonlyMap<string, Partial<Record<CatalogResourceKind, number>>>;
  /** When given, each line also says what it had accrued by then (`accruedCents`): a month not over yet, to date. */
  asOf?: Date;
}

export type RevenueLineType = "base" | "addon" | "overage";

export interface RevenueLine {
  subscriptionId: string;
  type: RevenueLineType;
  /** Plan code and version, add-on code, or the resource kind for overage. */
  label: string;
  currency: string;
  cents: number;
  /** Days of the month charged (base and add-ons). */
  days?: number;
  /**
   * With `asOf`: the part of `cents` earned by then. Base prices and add-ons accrue by the exact time elapsed within
   * the days they cover; overage evenly over the whole month (usage is billed at month end, but earned as it goes).
   */
  accruedCents?: number;
}

export interface UsageLine {
  resourceKind: CatalogResourceKind;
  /** Whether the plan (or an add-on) covers the kind at all; usage of other kinds earns nothing. */
  isCovered: boolean;
  used: number;
  included: number;
  cap: number | null;
  overageQty: number;
  overageCents: number;
  currency: string | null;
}

export interface TenantRevenue {
  tenantId: string;
  /** The subscription usage is billed against: the one in force latest in the month. */
  primarySubscriptionId: string | null;
  planCode: string | null;
  versionId: string | null;
  lines: RevenueLine[];
  usage: UsageLine[];
}

/**
 * Revenue of one month, per tenant, in each plan's currency:
 * - base price of every billed subscription, pro-rated by the days of the month it was on each version;
 * - add-ons, pro-rated by the days they were held (within the subscription);
 * - overage: usage beyond the included quantity (the version's items plus add-on allowances), priced per overage
 *   unit, never counting usage beyond the hard cap (which add-ons raise by what they add).
 * A tenant's usage is billed once, against the subscription in force latest in the month, with the items of the
 * version it was on then (usage is billed in arrears, at month end). Kinds the plan does not include earn nothing.
 */
export function computeMonthRevenue(input: MonthRevenueInput): TenantRevenue[] {
  const month: Span = { from: dayNumber(monthStart(input.period)), to: dayNumber(monthStart(addMonths(input.period, 1))) };
  const dim = daysInMonth(input.period);
  const byTenant = new Map<string, TenantRevenue>();
  const primary = new Map<string, { sub: RevenueSubscription; lastDay: number; versionId: string }>();

  const asOfMs = input.asOf ? input.asOf.getTime() : null;
  /** What a monthly price earned over `span` (days within the month) had accrued by `asOf`, to the exact millisecond. */
  const accrue = (monthlyCents: number, span: Span) => {
    if (asOfMs === null) return undefined;
    const elapsed = Math.max(0, Math.min(span.to * DAY_MS, asOfMs) - span.from * DAY_MS);
    return prorate(monthlyCents, elapsed, dim * DAY_MS);
  };

  for (const sub of input.subscriptions) {
    const billed = billedSpans(sub).map((b) => intersect(b, month)).filter((b) => lengthOf(b) > 0);
    if (!billed.length) continue;
    const spans: { span: Span; versionId: string }[] = [];
    for (const s of versionSpans(sub)) {
      for (const b of billed) {
        const span = intersect(s.span, b);
        if (lengthOf(span) > 0) spans.push({ span, versionId: s.versionId });
      }
    }
    if (!spans.length) continue;
    const tenant = getOrCreate(byTenant, sub.tenantId);
    for (const { span, versionId } of spans) {
      const version = input.versions.get(versionId);
      if (!version) throw new Error(`subscription ${sub.id}: plan version ${versionId} was not loaded`);
      const days = lengthOf(span);
      tenant.lines.push({
        subscriptionId: sub.id,
        type: "base",
        label: `${version.planCode} v${version.version}`,
        currency: version.currency,
        cents: prorate(version.basePriceCents, days, dim),
        days,
        accruedCents: accrue(version.basePriceCents, span),
      });
    }
    for (const held of sub.addons) {
      const addon = input.addons.get(held.addonId);
      if (!addon) throw new Error(`subscription ${sub.id}: add-on ${held.addonId} was not loaded`);
      for (const b of billed) {
        const span = intersect(spanOf(held.startedAt, held.endedAt), b);
        const days = lengthOf(span);
        if (!days) continue;
        tenant.lines.push({
          subscriptionId: sub.id,
          type: "addon",
          label: held.quantity === 1 ? addon.code : `${addon.code} × ${held.quantity}`,
          currency: addon.currency,
          cents: prorate(addon.priceCents * held.quantity, days, dim),
          days,
          accruedCents: accrue(addon.priceCents * held.quantity, span),
        });
      }
    }
    const last = spans[spans.length - 1]!;
    const current = primary.get(sub.tenantId);
    const isLater =
      !current ||
      last.span.to > current.lastDay ||
      (last.span.to === current.lastDay &&
        (sub.startedAt < current.sub.startedAt || (sub.startedAt.getTime() === current.sub.startedAt.getTime() && sub.id < current.sub.id)));
    if (isLater) primary.set(sub.tenantId, { sub, lastDay: last.span.to, versionId: last.versionId });
  }

  for (const [tenantId, kinds] of input.usage) {
    const tenant = getOrCreate(byTenant, tenantId);
    const chosen = primary.get(tenantId);
    const version = chosen ? input.versions.get(chosen.versionId) : undefined;
    const allowance = chosen ? addonAllowances(chosen.sub, month, input.addons) : new Map<CatalogResourceKind, number>();
    const kindsSeen = new Set<CatalogResourceKind>([...(Object.keys(kinds) as CatalogResourceKind[]), ...(version?.items.map((i) => i.resourceKind) ?? [])]);
    for (const kind of [...kindsSeen].sort()) {
      const used = kinds[kind] ?? 0;
      const item = version?.items.find((i) => i.resourceKind === kind);
      const extra = allowance.get(kind) ?? 0;
      const included = (item?.includedQty ?? 0) + extra;
      const cap = item && item.hardCapQty !== null ? item.hardCapQty + extra : null;
      const billable = cap === null ? used : Math.min(used, cap);
      const overageQty = item ? Math.max(0, billable - included) : 0;
      const overageCents = item && overageQty > 0 ? overagePrice(overageQty, item) : 0;
      tenant.usage.push({ resourceKind: kind, isCovered: item !== undefined || extra > 0, used, included, cap, overageQty, overageCents, currency: version?.currency ?? null });
      if (overageCents > 0 && chosen && version) {
        tenant.lines.push({ subscriptionId: chosen.sub.id, type: "overage", label: kind, currency: version.currency, cents: overageCents, accruedCents: accrue(overageCents, month) });
      }
    }
  }

  for (const [tenantId, chosen] of primary) {
    const tenant = byTenant.get(tenantId)!;
    const version = input.versions.get(chosen.versionId);
    tenant.primarySubscriptionId = chosen.sub.id;
    tenant.planCode = version?.planCode ?? null;
    tenant.versionId = chosen.versionId;
  }
  return [...byTenant.values()].sort((a, b) => (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0));
}

function getOrCreate(map: Map<string, TenantRevenue>, tenantId: string): TenantRevenue {
  let t = map.get(tenantId);
  if (!t) {
    t = { tenantId, primarySubscriptionId: null, planCode: null, versionId: null, lines: [], usage: [] };
    map.set(tenantId, t);
  }
  return t;
}

/** What the subscription's add-ons held during the month add to each kind's allowance (the whole amount, not pro-rated). */
function addonAllowances(sub: RevenueSubscription, month: Span, addons: ReadonlyMap<string, RevenueAddon>) {
  const out = new Map<CatalogResourceKind, number>();
  const covered = intersect(spanOf(sub.startedAt, sub.endedAt), month);
  for (const held of sub.addons) {
    const addon = addons.get(held.addonId);
    if (!addon || !lengthOf(intersect(spanOf(held.startedAt, held.endedAt), covered))) continue;
    out.set(addon.resourceKind, (out.get(addon.resourceKind) ?? 0) + addon.qty * held.quantity);
  }
  return out;
}

const MICRO = 1_000_000;
const DAY_MS = 86_400_000;

/** overage quantity × price per unit, the quantity taken to a millionth (as stored) so the cent is exact. */
function overagePrice(overageQty: number, item: RevenueItem): number {
  const micro = BigInt(Math.round(overageQty * MICRO));
  const unitMicro = BigInt(Math.round(overageUnitSize(item.overageUnit) * MICRO));
  return Number(roundDiv(micro * BigInt(item.overagePriceCents), unitMicro));
}
