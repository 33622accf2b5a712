"use client";

import { useRouter } from "next/navigation";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type ChartMonth, cogsKindStyles, monthName } from "@/lib/billing/chart-months";
import { formatMoney, formatMoneyCompact } from "@/lib/money/format-money";

/** One month for recharts; money stays in integer cents and only the axis and tooltip turn it into text. */
interface Row {
  period: string;
  label: string;
  month: ChartMonth;
  revenue: number | null;
  marginPct: number | null;
  [kind: string]: unknown;
}

function tickLabel(m: ChartMonth): string {
  if (m.fxMissing) return `${monthName(m.period)} (no FX rate)`;
  return m.isEstimate ? `${monthName(m.period)} (estimate)` : monthName(m.period);
}

/**
 * COGS as bars stacked by resource kind, revenue as a line and gross margin % on a second axis. The month-to-date
 * estimate is a hatched bar and its label says so; a month without an exchange rate draws only what needs none (revenue already in the reporting currency). Clicking a bar opens
 * that month's cost lines (the estimate month: the month-to-date trend). Hidden from screen readers: the table below it carries the same figures and links.
 */
export function CogsRevenueChart({ months, currency }: { months: ChartMonth[]; currency: string }) {
  const router = useRouter();
  const kinds = cogsKindStyles.filter((k) => months.some((m) => m.byKind[k.kind]));
  const data: Row[] = months.map((m) => ({
    period: m.period,
    label: tickLabel(m),
    month: m,
    revenue: m.revenue,
    marginPct: m.marginPct,
    ...Object.fromEntries(kinds.map((k) => [k.kind, m.byKind[k.kind] ?? 0])),
  }));
  // A month with an invoice opens its cost lines; the estimate month has none yet, so it opens the month-to-date trend.
  const open = (row: unknown) => {
    const month = (row as { payload?: Row } | undefined)?.payload?.month;
    if (month) router.push(month.isEstimate ? "/costs/balance" : `/costs?period=${month.period}`);
  };
  return (
    <div aria-hidden="true" className="h-96 w-full" data-testid="cogs-revenue-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <defs>
            <pattern id="estimate-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" fill="#e0f2fe" />
              <line x1="0" y1="0" x2="0" y2="8" stroke="#0369a1" strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis yAxisId="money" tickFormatter={(cents: number) => formatMoneyCompact(cents, currency)} tick={{ fontSize: 12, fill: "#475569" }} width={80} />
          <YAxis yAxisId="pct" orientation="right" unit="%" tick={{ fontSize: 12, fill: "#475569" }} width={48} />
          <Tooltip content={<MonthTooltip currency={currency} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value) => <span className="text-slate-700">{value}</span>} />
          {kinds.map((k) => (
            <Bar
              key={k.kind}
              yAxisId="money"
              dataKey={k.kind}
              name={k.label}
              stackId="cogs"
              fill={k.kind === "estimate" ? "url(#estimate-hatch)" : k.color}
              stroke={k.kind === "estimate" ? "#0369a1" : undefined}
              strokeDasharray={k.kind === "estimate" ? "4 2" : undefined}
              cursor="pointer"
              onClick={open}
              isAnimationActive={false}
            />
          ))}
          <Line yAxisId="money" dataKey="revenue" name="Revenue" stroke="#0f172a" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          <Line
            yAxisId="pct"
            dataKey="marginPct"
            name="Gross margin %"
            stroke="#16a34a"
            strokeDasharray="5 3"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

function MonthTooltip({ active, payload, currency }: { active?: boolean; payload?: { payload?: Row }[]; currency: string }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  const m = row.month;
  const c = (cents: number | null) => formatMoney(cents, currency);
  return (
    <div className="rounded-md bg-white px-3 py-2 text-xs shadow-lg ring-1 ring-slate-200">
      <p className="mb-1 font-semibold text-slate-900">{tickLabel(m)}</p>
      {m.fxMissing ? <p className="text-amber-800">No {m.missingPairs.map((p) => p.replace("/", "→")).join(", ")} rate for this month</p> : null}
      {/* Without a rate, what needs none (revenue already in the reporting currency) still shows. */}
      <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5">
        <dt>Revenue{m.isEstimate ? " to date" : ""}</dt>
        <dd className="text-right tabular-nums">{c(m.revenue)}</dd>
        <dt>COGS{m.isEstimate ? " to date" : ""}</dt>
        <dd className="text-right tabular-nums">{m.hasCogs || m.cogs === null ? c(m.cogs) : "no invoice"}</dd>
        {cogsKindStyles
          .filter((k) => m.byKind[k.kind])
          .map((k) => (
            <div key={k.kind} className="contents text-slate-600">
              <dt className="pl-2">{k.label}</dt>
              <dd className="text-right tabular-nums">{c(m.byKind[k.kind]!)}</dd>
            </div>
          ))}
        <dt>Margin</dt>
        <dd className="text-right tabular-nums">{c(m.margin)}</dd>
        <dt>Gross margin</dt>
        <dd className="text-right tabular-nums">{m.marginPct === null ? "—" : `${m.marginPct.toFixed(2)} %`}</dd>
      </dl>
      {m.basisLabel ? <p className="mt-1 text-slate-600">{m.basisLabel}</p> : null}
      <p className="mt-1 text-slate-500">{m.isEstimate ? "Click to open the month-to-date trend" : "Click to open the cost lines"}</p>
    </div>
  );
}
