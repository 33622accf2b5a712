import { describe, expect, it } from "vitest";
import { hrefWith } from "@/lib/http/search-params";
import { driftUrl, parseDriftPageQuery } from "./drift-page-query";

const resource = "5b0e7f6a-3c1d-4c39-9f57-0d8a6f2f3e11";

describe("the drift page's URL", () => {
  it("opens the inbox by default and shows history of any outcome unless one is named", () => {
    expect(parseDriftPageQuery({})).toEqual({ tab: "open", query: { status: "open" }, isValid: true });
    expect(parseDriftPageQuery({ status: "accepted" }).query.status).toBe("open");
    expect(parseDriftPageQuery({ tab: "history" }).query.status).toBe("resolved");
    expect(parseDriftPageQuery({ tab: "history", status: "open" }).query.status).toBe("resolved");
    expect(parseDriftPageQuery({ tab: "history", status: "stale" }).query.status).toBe("stale");
  });

  it("keeps the filters a filter form sent with some fields left blank", () => {
    expect(parseDriftPageQuery({ kind: "", field: "size_slug" })).toEqual({ tab: "open", query: { status: "open", field: "size_slug" }, isValid: true });
  });

  it("drops an invalid filter, keeping the rest; an invalid outcome in history is any outcome", () => {
    expect(parseDriftPageQuery({ tab: "history", status: "lost", kind: "spaceship", resource })).toEqual({
      tab: "history",
      query: { status: "resolved", resource },
      isValid: false,
    });
  });

  it("writes the tab, the outcome and the filters, leaving out the inbox's defaults", () => {
    const open = parseDriftPageQuery({ kind: "droplet", cursor: "abc" });
    expect(hrefWith(driftUrl(open.tab, open.query))).toBe("/drift?kind=droplet&cursor=abc");
    expect(hrefWith(driftUrl(open.tab, open.query), { kind: undefined, cursor: undefined })).toBe("/drift");
    const history = parseDriftPageQuery({ tab: "history", field: "region" });
    expect(hrefWith(driftUrl(history.tab, history.query), { cursor: "xyz" })).toBe("/drift?tab=history&status=resolved&field=region&cursor=xyz");
  });
});
