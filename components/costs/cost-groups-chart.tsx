"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, formatMoneyCompact } from "@/lib/money/format-money";

/** One stack of the chart, as plain data: what it is called, its color, and each month's link to its lines. */
export interface CostGroupsChartSeries {
  key: string;
  label: string;
  color: string;
  /** By period. */
  hrefs: Record<string, string>;
}

export interface CostGroupsChartMonth {
  period: string;
  label: string;
  /** Cents by series key. */
  values: Record<string, number>;
}

type Row = { period: string; label: string } & Record<string, number | string>;

/**
 * The grouped costs per month as stacked bars (the largest groups, the rest as Other). Clicking a bar's segment opens
 * that group's lines of that month. One image to assistive technology, described by `description`: the table below
 * carries the same figures, and the same links, for keyboards and screen readers.
 */
export function CostGroupsChart({ months, series, currency, description }: { months: CostGroupsChartMonth[]; series: CostGroupsChartSeries[]; currency: string; description: string }) {
  const router = useRouter();
  const data: Row[] = months.map((m) => ({ period: m.period, label: m.label, ...m.values }));
  const open = (s: CostGroupsChartSeries) => (bar: unknown) => {
    const period = (bar as { payload?: Row } | undefined)?.payload?.period;
    const href = period ? s.hrefs[period] : undefined;
    if (href) router.push(href);
  };
  return (
    <div role="img" aria-label={description} className="h-80 w-full" data-testid="cost-groups-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tickFormatter={(cents: number) => formatMoneyCompact(cents, currency)} tick={{ fontSize: 12, fill: "#475569" }} width={72} />
          <Tooltip
            formatter={(cents, name) => [formatMoney(Number(cents), currency), name]}
            labelFormatter={(label) => `${label} · click a bar to open its lines`}
            itemSorter={(item) => -Number(item.value)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span className="text-slate-700">{value}</span>} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="costs" fill={s.color} cursor="pointer" onClick={open(s)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
