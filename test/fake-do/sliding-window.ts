/** Arrival times within the last `spanMs`, oldest first; `resetAt` is when the oldest leaves the window. */
export function slidingWindow(spanMs: number) {
  let times: number[] = [];
  let head = 0;
  const prune = (at: number) => {
    while (head < times.length && times[head]! <= at - spanMs) head++;
    if (head > 4096) [times, head] = [times.slice(head), 0];
  };
  return {
    add: (at: number) => void times.push(at),
    count: (at: number) => {
      prune(at);
      return times.length - head;
    },
    resetAt: (at: number) => {
      prune(at);
      return head < times.length ? times[head]! + spanMs : at + spanMs;
    },
  };
}
