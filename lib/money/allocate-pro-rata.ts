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
