/**
 * Failures the fake can inject, per path prefix (`/v2/droplets` matches every page of `/v2/droplets`, and
 * `/v2/customers/my/invoices` also matches each invoice's `/csv`). Of several matching prefixes the longest whose
 * fault applies wins (a `fail_page` for another page doesn't apply). `times` is how many requests get the fault
 * (default 1; `slow` and `repeat_next` default to Infinity, i.e. persistent); it is dropped once used up.
 *
 * - `rate_limit`: 429 with `retry-after` (when given) and `ratelimit-reset` = now + (retryAfter ?? resetIn ?? 60)s.
 * - `error`: that status with a DO error body.
 * - `slow`: waits `delayMs` before answering normally (also combines with the other faults on a shorter prefix).
 * - `truncated`: sends half of the JSON body under the full `content-length`, then drops the connection (a transport
 *   failure; clients see a network error).
 * - `malformed`: a complete 200 whose JSON is cut in half (clients see invalid JSON).
 * - `fail_page`: like `error`, only for requests of that `page` (page 1 when the query has none).
 * - `repeat_next`: the page's `links.pages.next` points back at the page itself, a pagination loop.
 * - `short_page`: the page (every page, or only `page`) leaves out its last `drop` items (default half) while `meta`
 *   and `links` stay as they were: a listing that silently comes back short.
 * - `html`: a complete answer of `status` (default 200) whose body is an HTML page, as a proxy or captive portal sends.
 * - `mutate`: runs `apply` just before answering (every page, or only `page`), as if the account changed mid-listing
 *   (e.g. a droplet created, which shifts DO's offset pages); combines with the other faults.
 * - `errored_action`: the action the request starts (a create, or `actionType` only) ends `errored` instead of
 *   `completed`; the request itself is answered normally, as DO accepts it and fails later.
 * - `slow_action`: the action the request starts stays `in-progress` for `durationMs` (default: the fake's
 *   `actionDurationMs`).
 *
 * Every fault takes `method` to apply to that HTTP method only (`POST` to `/v2/droplets` is a create, `GET` a listing).
 */
export type Fault = (
  | { type: "rate_limit"; retryAfter?: number; resetIn?: number; times?: number }
  | { type: "error"; status: number; id?: string; message?: string; times?: number }
  | { type: "slow"; delayMs: number; times?: number }
  | { type: "truncated"; times?: number }
  | { type: "malformed"; times?: number }
  | { type: "fail_page"; page: number; status?: number; times?: number }
  | { type: "repeat_next"; times?: number }
  | { type: "short_page"; page?: number; drop?: number; times?: number }
  | { type: "html"; status?: number; times?: number }
  | { type: "mutate"; apply: () => void; page?: number; times?: number }
  | { type: "errored_action"; actionType?: string; times?: number }
  | { type: "slow_action"; durationMs: number; actionType?: string; times?: number }
) & { method?: string };

/** How the action a request starts will end; applied by the route that starts it, to actions of `type` (or any). */
export type ActionFault = { actionType?: string; errored?: boolean; durationMs?: number; /** Uses the fault up once. */ use: () => void };

export type AppliedFaults = {
  delayMs: number;
  response?: Exclude<Fault, { type: "slow" | "repeat_next" | "mutate" | "errored_action" | "slow_action" }>;
  repeatNext: boolean;
  /** `mutate` faults' changes, to apply before the answer is built. */
  mutations: (() => void)[];
  /** `errored_action` and `slow_action` faults, for the action the request starts. */
  actions: ActionFault[];
};

type Entry = { fault: Fault; remaining: number };

export type FaultRegistry = ReturnType<typeof createFaults>;

export function createFaults(initial: Record<string, Fault> = {}) {
  const entries = new Map<string, Entry>();

  const set = (pathPrefix: string, fault: Fault) => {
    const persistent = fault.type === "slow" || fault.type === "repeat_next";
    entries.set(pathPrefix, { fault, remaining: fault.times ?? (persistent ? Number.POSITIVE_INFINITY : 1) });
  };
  for (const [prefix, fault] of Object.entries(initial)) set(prefix, fault);

  const consume = (prefix: string, entry: Entry) => {
    entry.remaining -= 1;
    if (entry.remaining <= 0) entries.delete(prefix);
  };

  return {
    set,
    delete: (pathPrefix: string) => entries.delete(pathPrefix),
    clear: () => entries.clear(),
    /** The faults still armed, with how many uses each has left. */
    list: () => [...entries].map(([prefix, { fault, remaining }]) => ({ prefix, fault, remaining })),

    /** Decides what happens to one request, using up the faults it triggers. */
    take(path: string, page: number, method = "GET"): AppliedFaults {
      const matching = [...entries]
        .filter(([prefix, { fault }]) => path.startsWith(prefix) && (fault.method === undefined || fault.method === method))
        .sort(([a], [b]) => b.length - a.length);
      const applied: AppliedFaults = { delayMs: 0, repeatNext: false, mutations: [], actions: [] };
      for (const [prefix, entry] of matching) {
        const { fault } = entry;
        if (fault.type === "errored_action" || fault.type === "slow_action") {
          // Used up only by a request that starts an action (the route calls `use`), not by reads of the same path.
          applied.actions.push({
            actionType: fault.actionType,
            ...(fault.type === "errored_action" ? { errored: true } : { durationMs: fault.durationMs }),
            use: () => consume(prefix, entry),
          });
        } else if (fault.type === "slow") {
          applied.delayMs = Math.max(applied.delayMs, fault.delayMs);
          consume(prefix, entry);
        } else if (fault.type === "repeat_next") {
          if (applied.response || applied.repeatNext) continue;
          applied.repeatNext = true;
          consume(prefix, entry);
        } else if (fault.type === "mutate") {
          if (fault.page !== undefined && fault.page !== page) continue;
          applied.mutations.push(fault.apply);
          consume(prefix, entry);
        } else if (!applied.response) {
          if (fault.type === "fail_page" && fault.page !== page) continue;
          if (fault.type === "short_page" && fault.page !== undefined && fault.page !== page) continue;
          applied.response = fault;
          consume(prefix, entry);
        }
      }
      return applied;
    },
  };
}
