import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { actionLabel, describeParams, isCancellableStatus, isInFlight } from "./request-labels";
import { RequestTimeline } from "./request-timeline";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ").trim();
const step = (over: Record<string, unknown>) => ({
  name: "create-droplet",
  status: "succeeded" as const,
  attempts: 1,
  started_at: "2026-11-25T09:00:00.330Z",
  finished_at: "2026-11-25T09:00:01.120Z",
  output: null,
  error: null,
  ...over,
});

describe("a request's timeline", () => {
  it("shows each step's time, duration, attempts, output and error", () => {
    const html = renderToStaticMarkup(
      <RequestTimeline
        steps={[
          step({ output: { droplet_id: 412000287, found_existing: false, nested: { ignored: true } } }),
          step({ name: "wait-create", status: "failed", attempts: 12, error: "DO's create action 18 errored" }),
          step({ name: "tag", status: "skipped", finished_at: "2026-11-25T09:00:00.329Z", output: { skipped: "DO made the droplet with the tenant's tag" } }),
          step({ name: "refresh-inventory", status: "running", finished_at: null }),
        ]}
      />,
    );
    const t = text(html);
    expect(t).toContain("create-droplet succeeded 09:00:00 UTC · took 790 ms droplet id: 412000287 · found existing: false");
    expect(t).toContain("wait-create failed 12 attempts");
    expect(t).toContain("DO's create action 18 errored");
    expect(t).toContain("tag skipped 09:00:00 UTC skipped: DO made the droplet with the tenant's tag");
    expect(t).not.toContain("-1 ms");
    expect(t).toContain("refresh-inventory running 09:00:00 UTC · in progress");
    expect(t).not.toContain("ignored");
  });

  it("says when no step has started", () => {
    expect(text(renderToStaticMarkup(<RequestTimeline steps={[]} />))).toContain("No step has started yet");
  });
});

describe("request labels", () => {
  it("read any action, and say which statuses move by themselves or can be cancelled", () => {
    expect(actionLabel("revert_drift")).toBe("Revert drift");
    expect(describeParams({ name: "web-2", size: "s-1vcpu-2gb", region: "syd1", ssh_keys: [1] })).toBe("web-2 · s-1vcpu-2gb · syd1");
    expect(["queued", "running"].filter(isInFlight)).toEqual(["queued", "running"]);
    expect(["queued", "awaiting_approval", "running", "succeeded"].filter(isCancellableStatus)).toEqual(["queued", "awaiting_approval"]);
  });
});
