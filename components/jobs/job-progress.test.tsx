import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { describeStarter, formatDuration } from "./format-duration";
import { JobProgressView } from "./job-progress";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

describe("a run's progress as the console draws it", () => {
  it("is a bar of parts done and, per part, pages and items so far, finished ones ticked", () => {
    const html = renderToStaticMarkup(
      <JobProgressView
        label="sync-inventory progress"
        progress={{ done: 1, total: 3, message: "volume: 30 listed", parts: { droplet: { pages: 3, items: 450, isDone: true }, volume: { pages: 1, items: 30, isDone: false } } }}
      />,
    );
    expect(html).toContain('<progress max="3" value="1" aria-label="sync-inventory progress: 33% done"');
    expect(text(html)).toContain("✓ droplet: 3 pages, 450 items");
    expect(text(html)).toContain("volume: 1 page, 30 items");
    expect(text(html)).toContain("volume: 30 listed");
  });

  it("is an indeterminate bar when the job does not know how much there is", () => {
    const html = renderToStaticMarkup(<JobProgressView progress={{ done: 7 }} />);
    expect(html).toContain('<progress aria-label="Job progress"');
    expect(html).not.toContain("value=");
  });
});

describe("a run's facts in words", () => {
  it("names who started it, and how long it took", () => {
    expect(describeStarter({ trigger: "manual", started_by: "ada@example.com" })).toBe("ada@example.com");
    expect(describeStarter({ trigger: "cli", started_by: null })).toBe("npm run job");
    expect(["850 ms", "12.4 s", "3m 07s", "—"]).toEqual([formatDuration(850), formatDuration(12_400), formatDuration(187_900), formatDuration(null)]);
  });
});
