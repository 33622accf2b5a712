import { formatCents } from "@/components/ui/format";
import { parseAmountCents } from "@/lib/money/parse-amount-cents";

/** An API amount ("1234.50", "-10.00") as the UI shows money: "$1,234.50", "-$10.00". */
export function formatUsd(amount: string): string {
  return formatCents(parseAmountCents(amount), "USD");
}
