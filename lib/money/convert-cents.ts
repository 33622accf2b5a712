import { roundDiv } from "./round-div";

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
