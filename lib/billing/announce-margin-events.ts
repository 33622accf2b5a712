import "server-only";
import { and, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { cloudResources, plans } from "@/db/schema";
import type { KeyedEvent } from "@/lib/notifications/record-event-once";
import { recordEventsOnce } from "@/lib/notifications/record-event-once";
import { getMarginReport, marginPlans, marginTenants } from "./get-margin-report";
import { marginPct, type MoneyFigures } from "./group-margin";
import type { CogsData } from "./load-cogs";
import { tenantOf } from "./load-metered-resources";
import { getMarginTarget } from "./margin-target";

const maxListedResources = 100;

export interface MarginEventsConfig {
  tagPrefix: string;
  /** The reporting currency margins are judged in. */
  currency: string;
  now?: Date;
  /** The month's loadCogs, when the caller has read it already. */
  cogs?: CogsData;
}

/** The margin in percent when both figures are known and there is revenue; null otherwise (nothing to judge). */
function knownMarginPct(f: MoneyFigures): number | null {
  if (f.revenueMissing.length || f.cogsMissing.length || f.cogsUnknown !== null || f.revenue <= 0) return null;
  return marginPct(f.revenue, f.cogs);
}

/**
 * Announces what the margin of `period` (YYYY-MM-01) says, from the same report /margin shows (shared cost not
 * allocated): `usage.unbilled` for every tenant whose tagged resources no billed subscription covers, and, when the
 * admin has set a target, `margin.below_target` for every plan and billed tenant whose known margin is under it.
 * `taggedTenants`: tenants metering found usage for, judged even before an invoice puts them in the report. Each
 * event once per subject and month. Call it in the transaction that changed the margin's inputs; returns the ids
 * written now.
 */
export async function announceMarginEvents(tx: DbOrTx, period: string, cfg: MarginEventsConfig, taggedTenants: readonly string[] = []): Promise<string[]> {
  const month = period.slice(0, 7);
  const [report, target] = await Promise.all([
    getMarginReport(tx, { from: period, to: period, allocateShared: false, currency: cfg.currency, tagPrefix: cfg.tagPrefix, now: cfg.now, cogs: cfg.cogs }),
    getMarginTarget(tx),
  ]);
  const figures = report.periods[0]!;
  const tenantRows = marginTenants(report).filter((r) => r.tenantId !== null);
  const events: KeyedEvent[] = [];

  const unbilled = new Map<string, { reason: "unknown_tenant" | "no_subscription" | "trial"; cogs: number | null }>();
  for (const r of tenantRows) {
    if (r.isBilled) continue;
    const hasCogs = r.cogsMissing.length === 0 && r.cogsUnknown === null;
    unbilled.set(r.tenantId!, { reason: r.unbilledReason ?? "no_subscription", cogs: hasCogs ? r.cogs : null });
  }
  // Metered tenants the report has no row for have no subscription at all in the month (or are unknown to arcadia-app).
  for (const id of taggedTenants) {
    if (figures.tenants.has(id) || unbilled.has(id)) continue;
    unbilled.set(id, { reason: report.tenantNames.has(id) ? "no_subscription" : "unknown_tenant", cogs: null });
  }
  const resources = await loadTaggedResources(tx, [...unbilled.keys()], cfg.tagPrefix);
  for (const [tenantId, u] of unbilled) {
    const own = resources.get(tenantId) ?? [];
    events.push({
      key: `usage.unbilled:${JSON.stringify([tenantId, month])}`,
      type: "usage.unbilled",
      data: {
        tenant_id: tenantId,
        tenant_name: report.tenantNames.get(tenantId) ?? null,
        month,
        reason: u.reason,
        resources: own.slice(0, maxListedResources),
        resource_count: own.length,
        monthly_cost_cents: u.cogs,
        currency: u.cogs === null ? null : report.currency,
      },
    });
  }

  if (target !== null) {
    const below = (f: MoneyFigures) => {
      const pct = knownMarginPct(f);
      return pct !== null && pct < target ? pct : null;
    };
    const planRows = marginPlans(report).filter((r) => r.planCode !== null && below(r) !== null);
    const planNames = await loadPlanNames(tx, planRows.map((r) => r.planCode!));
    const subjects = [
      ...planRows.map((r) => ({ scope: "plan" as const, id: r.planCode!, name: planNames.get(r.planCode!) ?? null, f: r })),
      ...tenantRows.filter((r) => r.isBilled && below(r) !== null).map((r) => ({ scope: "tenant" as const, id: r.tenantId!, name: report.tenantNames.get(r.tenantId!) ?? null, f: r })),
    ];
    for (const s of subjects) {
      events.push({
        key: `margin.below_target:${JSON.stringify([s.scope, s.id, month])}`,
        type: "margin.below_target",
        data: {
          scope: s.scope,
          id: s.id,
          name: s.name,
          month,
          currency: report.currency,
          revenue_cents: s.f.revenue,
          cogs_cents: s.f.cogs,
          margin: below(s.f)! / 100,
          target: Math.round(target * 10) / 1000,
        },
      });
    }
  }
  return recordEventsOnce(tx, events);
}

type ResourceRef = { id: string; name: string; kind: (typeof cloudResources.$inferSelect)["kind"]; region: string | null };

/** Each tenant's live tagged resources, by name. */
async function loadTaggedResources(tx: DbOrTx, tenantIds: string[], prefix: string): Promise<Map<string, ResourceRef[]>> {
  const out = new Map<string, ResourceRef[]>();
  if (!tenantIds.length) return out;
  const tags = tenantIds.map((id) => `${prefix}${id}`);
  const rows = await tx
    .select({ id: cloudResources.id, name: cloudResources.name, kind: cloudResources.kind, region: cloudResources.region, tags: cloudResources.tags })
    .from(cloudResources)
    .where(and(isNull(cloudResources.deletedAt), sql`${cloudResources.tags} && ${sql.raw("array[")}${sql.join(tags.map((t) => sql`${t}`), sql`, `)}${sql.raw("]::text[]")}`))
    .orderBy(cloudResources.name, cloudResources.id);
  for (const { tags: own, ...ref } of rows) {
    const tenant = tenantOf(own, prefix);
    if (!tenant) continue;
    out.set(tenant, [...(out.get(tenant) ?? []), ref]);
  }
  return out;
}

async function loadPlanNames(tx: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await tx.select({ code: plans.code, name: plans.name }).from(plans).where(inArray(plans.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}
