"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMonth } from "@/components/ui/format";
import { cogsKindStyles } from "@/lib/billing/chart-months";
import { formatMoney, formatMoneyCompact } from "@/lib/money/format-money";
import type { TenantMonthFigures } from "@/lib/tenants/get-tenant-overview";

/**
 * The tenant's COGS by month as bars stacked by kind, its revenue as a line. Hidden from screen readers: the table
 * beside it carries the same figures.
 */
export function TenantCogsChart({ months, currency }: { months: TenantMonthFigures[]; currency: string }) {
  const kinds = cogsKindStyles.filter((k) => months.some((m) => m.cogsByKind?.[k.kind]));
  const data = months.map((m) => ({
    label: m.isEstimate ? `${formatMonth(m.period)} (estimate)` : formatMonth(m.period),
    revenue: m.revenue,
    ...Object.fromEntries(kinds.map((k) => [k.kind, m.cogsByKind?.[k.kind] ?? 0])),
  }));
  return (
    <div aria-hidden="true" className="h-72 w-full" data-testid="tenant-cogs-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tickFormatter={(cents: number) => formatMoneyCompact(cents, currency)} tick={{ fontSize: 12, fill: "#475569" }} width={64} />
          <Tooltip formatter={(value) => formatMoney(Number(value), currency)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {kinds.map((k) => (
            <Bar key={k.kind} dataKey={k.kind} name={k.label} stackId="cogs" fill={k.color} isAnimationActive={false} />
          ))}
          <Line dataKey="revenue" name="Revenue" stroke="#0f172a" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
