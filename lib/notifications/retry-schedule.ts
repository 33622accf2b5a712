/**
 * When a failed attempt is tried again: the Standard Webhooks reference schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
 * 10 h), eight attempts over about 27½ hours. An attempt is made by the first drain after it falls due: at most a
 * minute late under Inngest (the drain's cron), at the next job run without it.
 */
export const retryDelaysSeconds = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;
export const maxAttempts = retryDelaysSeconds.length + 1;

/** An endpoint whose every attempt has failed for this long is disabled when one of its deliveries gives up. */
export const disableAfterFailingSeconds = 24 * 3600;

/** When to try again after the `attempts`-th failed attempt, or null: the delivery has failed for good. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const delay = retryDelaysSeconds[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
}
