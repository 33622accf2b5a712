import { describe, expect, it } from "vitest";
import { resourceKinds } from "@/db/schema/resource-constants";
import { cogsKindStyles } from "@/lib/billing/chart-months";
import { kindLabels, kindStyles } from "./kind-styles";

describe("kind styles", () => {
  it("give every resource kind a label and a color of its own", () => {
    expect(Object.keys(kindStyles).sort()).toEqual([...resourceKinds].sort());
    for (const kind of resourceKinds) expect(kindStyles[kind].color, kind).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(resourceKinds.map((k) => kindStyles[k].color)).size).toBe(resourceKinds.length);
    expect(kindLabels).toEqual(Object.fromEntries(resourceKinds.map((k) => [k, kindStyles[k].label])));
  });

  it("are the ones the COGS chart and its table use, each resource kind once, then the lines that are no resource", () => {
    const resourceRows = cogsKindStyles.filter((s) => s.kind in kindStyles);
    expect(resourceRows.map((s) => s.kind).sort()).toEqual([...resourceKinds].sort());
    for (const s of resourceRows) expect(s, s.kind).toEqual({ kind: s.kind, ...kindStyles[s.kind as keyof typeof kindStyles] });
    expect(cogsKindStyles.slice(resourceRows.length).map((s) => s.kind)).toEqual(["other", "credit", "estimate"]);
  });
});
