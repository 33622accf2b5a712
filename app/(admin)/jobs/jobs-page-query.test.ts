import { describe, expect, it } from "vitest";
import { jobsUrl, parseJobsPageQuery } from "./jobs-page-query";

describe("the jobs page's URL", () => {
  it("narrows the runs to one job", () => {
    expect(parseJobsPageQuery({ job: "sync-inventory" })).toEqual({ query: { job: "sync-inventory" }, isValid: true });
    expect(parseJobsPageQuery({ job: ["detect-drift", "sync-inventory"] }).query.job).toBe("detect-drift");
  });

  it("drops a job name the database could not compare (NUL) rather than failing the page, and a blank one", () => {
    expect(parseJobsPageQuery({ job: "a\u0000" })).toEqual({ query: {}, isValid: false });
    expect(parseJobsPageQuery({ job: "" })).toEqual({ query: {}, isValid: true });
  });

  it("narrows the runs to one outcome, and drops one that is not an outcome", () => {
    expect(parseJobsPageQuery({ job: "sync-inventory", status: "failed" })).toEqual({ query: { job: "sync-inventory", status: "failed" }, isValid: true });
    expect(parseJobsPageQuery({ status: "exploded" })).toEqual({ query: {}, isValid: false });
  });

  it("writes its filters into links, leaving out what is not set", () => {
    expect(jobsUrl({ status: "failed" }).params).toEqual({ job: undefined, status: "failed" });
  });
});
