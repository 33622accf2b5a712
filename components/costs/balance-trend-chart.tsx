"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BalancePoint } from "@/lib/costs/get-balance";
import { formatMoney, formatMoneyCompact } from "@/lib/money/format-money";
import { formatDay } from "@/lib/time/format-month";

const day = (iso: string) => formatDay(iso);
const dayTime = (iso: string) => `${formatDay(iso)}, ${new Date(iso).toISOString().slice(11, 16)}`;

/**
 * Month-to-date usage as hourly snapshots saw it. One image to assistive technology, with nothing focusable inside
 * (recharts' keyboard layer is off): the page has the same figures as a table right below it.
 */
export function BalanceTrendChart({ points, currency }: { points: BalancePoint[]; currency: string }) {
  const data = points.map((p) => ({ at: Date.parse(p.takenAt), iso: p.takenAt, usage: p.usageCents }));
  // Snapshots of a day or so (the month's first, or a fresh account): ticks by time, not one day name repeated.
  const isShort = data.length > 1 && data.at(-1)!.at - data[0]!.at < 36 * 3600_000;
  const tick = (iso: string) => (isShort ? dayTime(iso) : day(iso));
  return (
    <div role="img" aria-label="Chart of month-to-date usage by hour; the figures by day are in the table below." className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(at: number) => tick(new Date(at).toISOString())}
            tick={{ fontSize: 12, fill: "#475569" }}
            minTickGap={isShort ? 48 : 24}
          />
          <YAxis
            tickFormatter={(cents: number) => formatMoneyCompact(cents, currency)}
            tick={{ fontSize: 12, fill: "#475569" }}
            width={72}
          />
          <Tooltip
            labelFormatter={(at) => `${dayTime(new Date(Number(at)).toISOString())} UTC`}
            formatter={(cents) => [formatMoney(Number(cents), currency), "Usage month to date"]}
          />
          <Area type="monotone" dataKey="usage" stroke="#0369a1" fill="#bae6fd" strokeWidth={2} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
