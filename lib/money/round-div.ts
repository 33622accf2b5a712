// Money is integer cents. Rounding is half away from zero, done on integers (BigInt where products can pass 2^53),
// so the same inputs give the same cent on every run and every driver.

/** round(numerator / denominator), half away from zero. */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new Error("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** cents × num / den rounded to a cent. */
export function prorate(cents: number, num: number, den: number): number {
  return Number(roundDiv(BigInt(cents) * BigInt(num), BigInt(den)));
}
