// DO's monitoring API reports a droplet's bandwidth as rates: samples of megabits per second at irregular instants
// (`[unix seconds, "Mbps"]`). Metering needs an amount, so the rates are integrated over time.
//
// Method: the trapezoid rule between consecutive samples (the rate taken to move linearly from one sample to the next).
// A step rule would hold each value for the whole interval and so shift every ramp by one interval; the trapezoid is
// exact for a constant or linearly changing rate and has no bias on either edge of a burst. Where two samples lie
// further apart than `maxGapFactor` times the series' median interval, the agent reported nothing: that stretch counts
// as zero rather than being bridged, so we never bill transfer nobody measured. A segment crossing midnight UTC is
// split there (the rate interpolated at the boundary), so a day's bytes are exactly the area inside that day.
//
// Units: 1 Mbps for 1 s is 10^6 bits = 125,000 bytes. The catalog's `bandwidth_gb` is the GB DO bills transfer in,
// which its invoices spell "GiB" ("Outbound transfer overage (9 GiB)"): 2^30 bytes. The same GB counts Spaces storage
// ("Spaces (250 GiB)"), so a tenant's GB and DO's GB are one unit and overage compares like with like.

/** Bytes per catalog GB (DO's GiB). */
export const BYTES_PER_GB = 2 ** 30;
/** Bytes moved in one second at one megabit per second. */
export const BYTES_PER_MBPS_SECOND = 1_000_000 / 8;
/** Intervals longer than this many times the series' median interval are gaps in the data, not traffic. */
export const maxGapFactor = 3;

const DAY_SECONDS = 86_400;

/** `[unix seconds, Mbps]`; a sample without a number (DO's "NaN") is left out before it gets here. */
export type RateSample = readonly [number, number];

function medianInterval(samples: readonly RateSample[]): number {
  const gaps = samples.slice(1).map((s, i) => s[0] - samples[i]![0]).filter((g) => g > 0).sort((a, b) => a - b);
  if (!gaps.length) return 0;
  const mid = Math.floor(gaps.length / 2);
  return gaps.length % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
}

/**
 * Bytes per UTC day (`YYYY-MM-DD`) in the rate series, for the days in `days` only (a window padded past midnight to
 * cover the day's edges contributes only the days asked for). Days asked for with no measured interval get 0.
 */
export function bytesPerDay(samples: readonly RateSample[], days: readonly string[]): Map<string, number> {
  const out = new Map(days.map((d) => [d, 0]));
  const sorted = [...samples].filter(([t, v]) => Number.isFinite(t) && Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  const maxGap = medianInterval(sorted) * maxGapFactor;
  for (let i = 1; i < sorted.length; i++) {
    const [t0, v0] = sorted[i - 1]!;
    const [t1, v1] = sorted[i]!;
    const dt = t1 - t0;
    if (dt <= 0 || dt > maxGap) continue;
    const rateAt = (t: number) => v0 + ((v1 - v0) * (t - t0)) / dt;
    // Walk the segment one UTC day at a time.
    for (let a = t0; a < t1; ) {
      const dayStart = Math.floor(a / DAY_SECONDS) * DAY_SECONDS;
      const b = Math.min(t1, dayStart + DAY_SECONDS);
      const day = new Date(dayStart * 1000).toISOString().slice(0, 10);
      const current = out.get(day);
      // Mbps × s → bytes; negative rates are not traffic.
      if (current !== undefined) out.set(day, current + Math.max(0, ((rateAt(a) + rateAt(b)) / 2) * (b - a)) * BYTES_PER_MBPS_SECOND);
      a = b;
    }
  }
  return out;
}

/** Bytes → catalog GB (DO's GiB). */
export const bytesToGb = (bytes: number) => bytes / BYTES_PER_GB;
