import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { monthName } from "@/lib/billing/chart-months";
import type { PlanMarginCard as Card_ } from "@/lib/billing/plan-margin-cards";
import type { PricePoint } from "@/lib/billing/plan-pricing";
import { formatQuantity, resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import { formatMoney } from "@/lib/money/format-money";
import { formatDay } from "@/lib/time/format-month";

/** Why no price is offered, in words. */
function noPriceText(plan: Card_, month: string): string | null {
  if (plan.noPriceReason === "no_invoice") {
    return `${monthName(month)} has no invoice yet: DigitalOcean's month-to-date figure does not say whose resources cost what, so no price is offered from it.`;
  }
  if (plan.noPriceReason === "no_subscribers") return `No tenant was billed on this plan in ${monthName(month)}: there is no COGS per subscription to price from.`;
  return null;
}

/**
 * A plan's month against its price, with the base prices that would break even or meet the target margin for the
 * average subscriber and for the spread of them (median, 90th percentile), from its subscribers' own tagged costs.
 */
const publishedDay = (iso: string | null) => (iso ? formatDay(iso, { withYear: true }) : "a later date");

export function PlanMarginCard({ plan, currency, target, month }: { plan: Card_; currency: string; target: number; month: string }) {
  // Figures of the month are in the reporting currency; prices are in the plan's own.
  const c = (cents: number | null | undefined) => formatMoney(cents, currency);
  const p = (cents: number | null | undefined) => formatMoney(cents, plan.currency);
  const pricing = plan.pricing;
  const figures: [string, string][] = [
    ["Subscribers", String(plan.subscribers)],
    ["Revenue", c(plan.revenue)],
    ["of which base price", c(plan.baseRevenue)],
    ["COGS", plan.shared ? `${c(plan.cogs)} (incl. ${c(plan.shared)} shared)` : c(plan.cogs)],
    ["Margin", plan.marginPct === null ? c(plan.margin) : `${c(plan.margin)} (${plan.marginPct.toFixed(2)} %)`],
  ];
  const spread: [string, PricePoint | null | undefined][] = [
    ["Average subscriber", pricing?.average],
    ["Median subscriber", pricing?.median],
    ["90th percentile subscriber", pricing?.p90],
  ];
  const target_ = pricing?.average?.targetPriceCents;
  const noPrice = noPriceText(plan, month);
  return (
    <Card>
      <CardHeader
        title={`${plan.name} (${plan.code})`}
        description={
          plan.publishedAfterMonth
            ? `No version was on sale yet in ${monthName(month)}: version ${plan.version} (${p(plan.basePriceCents)} a month) was published on ${publishedDay(plan.publishedAt)}; the figures are its subscribers' in ${monthName(month)}.`
            : plan.isPast
              ? `Version ${plan.version} was on sale in ${monthName(month)} at ${p(plan.basePriceCents)} a month.`
              : `Version ${plan.version} on sale at ${p(plan.basePriceCents)} a month.`
        }
        actions={
          <>
            <Link href={`/margin/plans/${plan.code}`} className="text-sm font-medium text-brand-700 hover:underline">
              Subscriptions<span className="sr-only"> of {plan.name}</span> and migration
            </Link>
            {target_ !== null && target_ !== undefined ? (
              <LinkButton href={`/catalog/${plan.code}/drafts/new?base_price_cents=${target_}`} variant="primary" size="sm" aria-label={`Open a new draft of ${plan.name} at ${p(target_)}`}>
                Open a draft at {p(target_)}
              </LinkButton>
            ) : null}
          </>
        }
      />
      {plan.missingPairs.length ? (
        <p className="px-5 pt-3 text-sm text-amber-800">
          No {plan.missingPairs.map((x) => x.replace("/", "→")).join(", ")} exchange rate for this month: {plan.revenue === null ? "" : "revenue needs none, but "}COGS,
          margin and prices cannot be computed.
        </p>
      ) : null}
      {noPrice ? <p className="px-5 pt-3 text-sm text-slate-700">{noPrice}</p> : null}
      <dl className="grid grid-cols-1 gap-x-8 gap-y-2 px-5 py-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {figures.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4 border-b border-slate-100 pb-1">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-right font-medium tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {pricing?.average ? (
        <Table caption={`${plan.name}: COGS per subscription and the base price it needs`} className="border-t border-slate-200">
          <THead>
            <Th>Subscriber</Th>
            <Th align="right">COGS per subscription</Th>
            <Th align="right">Add-ons and overage</Th>
            <Th align="right">Break-even base price</Th>
            <Th align="right">Base price for {target} % margin</Th>
          </THead>
          <TBody>
            {spread.map(([label, point]) => (
              <tr key={label}>
                <Th scope="row">{label}</Th>
                <Td align="right">{c(point?.cogsPerSubscriber)}</Td>
                <Td align="right">{c(point?.extrasPerSubscriber)}</Td>
                <Td align="right">{p(point?.breakEvenPriceCents)}</Td>
                <Td align="right">{p(point?.targetPriceCents)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      {pricing?.average ? (
        <Table caption={`${plan.name}: COGS per subscriber per included unit`} className="border-t border-slate-200">
          <THead>
            <Th>Included per subscriber</Th>
            <Th align="right">COGS per included unit</Th>
          </THead>
          <TBody>
            {pricing.perIncludedUnit.map((u) => (
              <tr key={u.resourceKind}>
                <Th scope="row">
                  {resourceKindLabel(u.resourceKind)}: {formatQuantity(u.resourceKind, u.includedQty)}
                </Th>
                <Td align="right">{u.cogsPerUnitCents === null ? "not metered from DO costs" : formatMoney(u.cogsPerUnitCents, currency, { maxFractionDigits: 4 })}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : null}
    </Card>
  );
}
