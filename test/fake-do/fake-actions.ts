import type { ActionFault } from "./create-faults";
import { toIso } from "./make-droplet";
import type { FakeAction, FakeRegion } from "./types";

type Pending = { action: FakeAction; doneAt: number; errored: boolean; onCompleted: () => void; onErrored: () => void };

export type StartActionInput = {
  type: string;
  resourceId: number;
  region: FakeRegion;
  /** The action faults the starting request triggered; the ones for this type are used up. */
  faults: readonly ActionFault[];
  /** What the action does to the resource when it completes (and when it errors: usually nothing). */
  onCompleted: () => void;
  onErrored?: () => void;
};

export type FakeActions = ReturnType<typeof createFakeActions>;

/**
 * DO's actions: each starts `in-progress` and ends `completed` (applying its effect) or `errored` once its duration
 * has passed by the fake's clock. Nothing runs in the background: `settle()` before every request ends whatever is due.
 */
export function createFakeActions(clock: () => number, defaultDurationMs: number) {
  const all = new Map<number, FakeAction>();
  let pending: Pending[] = [];
  let nextId = 1_870_000_000;

  const settle = () => {
    const now = clock();
    const due = pending.filter((p) => p.doneAt <= now).sort((a, b) => a.doneAt - b.doneAt);
    if (!due.length) return;
    pending = pending.filter((p) => p.doneAt > now);
    for (const p of due) {
      p.action.status = p.errored ? "errored" : "completed";
      p.action.completed_at = toIso(new Date(p.doneAt));
      if (p.errored) p.onErrored();
      else p.onCompleted();
    }
  };

  return {
    start(input: StartActionInput): FakeAction {
      const faults = input.faults.filter((f) => f.actionType === undefined || f.actionType === input.type);
      for (const f of faults) f.use();
      const durationMs = faults.find((f) => f.durationMs !== undefined)?.durationMs ?? defaultDurationMs;
      const startedAt = clock();
      const action: FakeAction = {
        id: nextId++,
        status: "in-progress",
        type: input.type,
        started_at: toIso(new Date(startedAt)),
        completed_at: null,
        resource_id: input.resourceId,
        resource_type: "droplet",
        region: input.region,
        region_slug: input.region.slug,
      };
      all.set(action.id, action);
      pending.push({
        action,
        doneAt: startedAt + durationMs,
        errored: faults.some((f) => f.errored),
        onCompleted: input.onCompleted,
        onErrored: input.onErrored ?? (() => {}),
      });
      return action;
    },
    settle,
    get: (id: number) => all.get(id),
    list: () => [...all.values()],
    /** Whether the resource has an action in progress: DO refuses another one then ("pending event"). */
    isBusy: (resourceId: number) => pending.some((p) => p.action.resource_id === resourceId),
  };
}
