import Link from "next/link";
import type { CostAnomalyVerdict } from "@/lib/costs/detect-cost-anomaly";
import { AnomalyBadge, formatChangePct } from "./anomaly-badge";

/** Under an invoice's amount when the anomaly rule flags it: the badge, the rise on the median, and what grew. */
export function InvoiceAnomaly({ verdict, currency, href }: { verdict: CostAnomalyVerdict | undefined; currency: string; href: string }) {
  if (!verdict?.isAnomaly) return null;
  return (
    <span className="mt-1 flex flex-col items-end gap-0.5 whitespace-normal">
      <AnomalyBadge baselineCents={verdict.baselineCents} currency={currency} />
      {verdict.increasePct !== null ? <span className="text-xs text-red-800">{formatChangePct(verdict.increasePct)} on its 3-month median</span> : null}
      <Link href={href} className="text-xs font-medium text-brand-700 underline">
        What grew
      </Link>
    </span>
  );
}
