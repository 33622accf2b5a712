const multipliers: Record<string, number> = { "": 1, k: 1_000, m: 1_000_000, g: 1_000_000_000, b: 1_000_000_000 };

/**
 * How many of the kind's own measure one overage unit is. Plan items count LLM tokens in tokens but price them per
 * "1M tokens"; hours and GB-months are priced per one. A leading number with an optional K/M/G (or B) suffix sets the
 * size; anything else is one.
 */
export function overageUnitSize(unit: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgb])?(?=\s|$)/i.exec(unit);
  if (!match) return 1;
  const size = Number(match[1]) * (multipliers[(match[2] ?? "").toLowerCase()] ?? 1);
  return size > 0 ? size : 1;
}
