import { parseAmountCents } from "./parse-amount-cents";

/**
 * DO's JSON money ("12.34", "-5.00") as integer cents. The client's schema has checked it is a decimal; a figure
 * with sub-cent digits is refused rather than rounded, because a silently rounded total would never reconcile.
 */
export function parseDoMoney(amount: string, what: string): number {
  const cents = parseAmountCents(amount);
  if (cents === null) throw new Error(`DO sent ${what} "${amount}", which is not an amount in whole cents`);
  return cents;
}
