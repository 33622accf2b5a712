import { addMonths } from "@/lib/billing/month";
import { parseAmountCents } from "@/lib/money/parse-amount-cents";
import { anomalyWindowMonths, type CostAnomalyThresholds, type CostAnomalyVerdict, detectCostAnomaly } from "./detect-cost-anomaly";

/**
 * The anomaly rule applied to whole invoices: each month's invoiced amount (per currency) against the median of the
 * three months before, where a month without an invoice in that currency is no history. What the invoices view flags.
 * Keyed `period|currency`.
 */
export function flagInvoiceAnomalies(invoices: readonly { period: string; amount: string; currency: string }[], t: CostAnomalyThresholds): Map<string, CostAnomalyVerdict> {
  const sums = new Map<string, number>();
  for (const i of invoices) {
    // The API's own "12.34" always parses.
    const key = `${i.period}|${i.currency}`;
    sums.set(key, (sums.get(key) ?? 0) + (parseAmountCents(i.amount) ?? 0));
  }
  const verdicts = new Map<string, CostAnomalyVerdict>();
  for (const [key, cents] of sums) {
    const [period, currency] = key.split("|") as [string, string];
    const prior = Array.from({ length: anomalyWindowMonths }, (_, n) => sums.get(`${addMonths(period, n - anomalyWindowMonths)}|${currency}`) ?? null);
    verdicts.set(key, detectCostAnomaly(cents, prior, t));
  }
  return verdicts;
}
