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

/** A decimal string ("1.53", "0.6512") as an integer scaled by 10^scale, exactly. */
export function decimalToScaled(value: string, scale: number): bigint {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) throw new Error(`not a decimal: ${value}`);
  const fraction = (match[3] ?? "").padEnd(scale, "0");
  if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) throw new Error(`${value} has more than ${scale} decimals`);
  const scaled = BigInt(match[2]! + fraction.slice(0, scale));
  return match[1] ? -scaled : scaled;
}

export const RATE_SCALE = 8;

const RATE_UNIT = 10n ** BigInt(RATE_SCALE);

/** Converts cents with a rate given as a decimal string (numeric(18,8) from the database). */
export function convertCents(cents: number, rate: string): number {
  return convertCentsScaled(cents, decimalToScaled(rate, RATE_SCALE));
}

/** The same with the rate already scaled by 10^8 (a report converts thousands of amounts at one rate). */
export function convertCentsScaled(cents: number, scaledRate: bigint): number {
  if (scaledRate === RATE_UNIT) return cents;
  return Number(roundDiv(BigInt(cents) * scaledRate, RATE_UNIT));
}

/** 1234 → "12.34", -5 → "-0.05": the API's money strings. */
export function formatMoney(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Splits `total` over `weights` in proportion, largest remainder first, so the parts add up to the total exactly. */
export function allocateProRata(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum === 0 || weights.length === 0) return weights.map(() => 0);
  const big = BigInt(total);
  const exact = weights.map((w) => BigInt(Math.max(0, w)) * big);
  const bigSum = BigInt(sum);
  const parts = exact.map((e) => e / bigSum); // truncates toward zero
  let left = big - parts.reduce((a, p) => a + p, 0n);
  const step = left < 0n ? -1n : 1n;
  const order = exact
    .map((e, i) => ({ i, rem: e % bigSum < 0n ? -(e % bigSum) : e % bigSum }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (let k = 0; left !== 0n && order.length; k = (k + 1) % order.length) {
    const idx = order[k]!.i;
    if ((weights[idx] ?? 0) <= 0) continue;
    parts[idx] = parts[idx]! + step;
    left -= step;
  }
  return parts.map(Number);
}
