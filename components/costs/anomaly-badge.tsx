import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money/format-money";

/** Marks a month the anomaly rule flagged, saying what it was compared with (the median of the three months before). */
export function AnomalyBadge({ baselineCents, currency }: { baselineCents: number | null; currency: string }) {
  const basis = baselineCents === null ? "" : `: the median of the 3 months before was ${formatMoney(baselineCents, currency)}`;
  return (
    <Badge tone="red" className="whitespace-nowrap">
      <span title={`Far above its recent months${basis}`}>Anomaly</span>
      <span className="sr-only">{`, far above its recent months${basis}`}</span>
    </Badge>
  );
}

/** "+149 %", "-8.3 %", "0 %": a change, rounded to whole percent from 10 % up. */
export function formatChangePct(pct: number): string {
  const abs = Math.abs(pct);
  const text = abs >= 10 ? abs.toFixed(0) : abs.toFixed(1).replace(/\.0$/, "");
  // The sign follows what is written: -0.04 % rounds to "0 %", not "-0 %".
  const sign = text === "0" ? "" : pct > 0 ? "+" : "-";
  return `${sign}${text} %`;
}
