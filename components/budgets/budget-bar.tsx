import { cn } from "@/components/ui/cn";
import { formatMoney } from "@/lib/money/format-money";

/** How full a bar is drawn: under 80 % calm, then amber, red from the budget on. */
function tone(percent: number): string {
  if (percent >= 100) return "bg-red-600";
  if (percent >= 80) return "bg-amber-500";
  return "bg-brand-600";
}

/**
 * One figure against its budget: a bar filled to the percent (capped at the track; the text says how far past it),
 * with a tick at each threshold, and the amounts with their currency. Read as a progressbar by screen readers.
 */
export function BudgetBar({
  label,
  cents,
  budgetCents,
  currency,
  thresholds,
  isProjection = false,
  compact = false,
}: {
  label: string;
  cents: number | null;
  budgetCents: number;
  currency: string;
  thresholds: number[];
  isProjection?: boolean;
  compact?: boolean;
}) {
  const percent = cents === null ? null : Math.round((cents / budgetCents) * 100);
  const text = percent === null ? "not measured" : `${formatMoney(cents, currency)} of ${formatMoney(budgetCents, currency)} (${percent.toLocaleString("en-GB")} %)`;
  return (
    <div className="min-w-0">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-xs">
        <span className="font-medium text-slate-700">{label}</span>
        <span className="tabular-nums text-slate-600">{text}</span>
      </div>
      <div
        role="progressbar"
        aria-label={`${label}: ${text}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent === null ? undefined : Math.min(percent, 100)}
        aria-valuetext={text}
        className={cn("relative mt-1 w-full overflow-hidden rounded-full bg-slate-100 ring-1 ring-inset ring-slate-200", compact ? "h-1.5" : "h-2.5")}
      >
        {percent === null ? null : (
          <div
            className={cn("h-full rounded-full", tone(percent), isProjection && "opacity-60")}
            style={{ width: `${Math.max(0, Math.min(percent, 100))}%` }}
          />
        )}
        {thresholds
          .filter((t) => t < 100)
          .map((t) => (
            <span key={t} aria-hidden className="absolute top-0 h-full w-px bg-slate-500/60" style={{ left: `${t}%` }} />
          ))}
      </div>
    </div>
  );
}
