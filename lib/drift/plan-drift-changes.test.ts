import { describe, expect, it } from "vitest";
import { type OpenDrift, planDriftChanges, type SweepRow } from "./plan-drift-changes";

const row = (resourceId: string, spec: Record<string, unknown>, resource: Record<string, unknown>, specVersion = 1): SweepRow => ({
  resourceId,
  spec,
  specVersion,
  resource: { deletedAt: null, attrs: {}, ...resource },
});
const open = (id: string, resourceId: string, field: string, expected: unknown, actual: unknown): OpenDrift => ({ id, resourceId, field, expected, actual });

describe("planDriftChanges", () => {
  it("opens new mismatches and leaves known ones alone", () => {
    const changes = planDriftChanges(
      [row("b", { region: "syd1", sizeSlug: "s-1" }, { region: "sgp1", sizeSlug: "s-2" }), row("a", { region: "syd1" }, { region: "syd1" })],
      [open("d1", "b", "region", "syd1", "sgp1")],
    );
    expect(changes).toEqual({
      toOpen: [{ resource_id: "b", field: "sizeSlug", expected: "s-1", actual: "s-2", spec_version: 1 }],
      toUpdate: [],
      toClose: [],
      fieldsChecked: 3,
    });
  });

  it("updates an open drift when either side moved, but not for a re-encoding of the same value", () => {
    const changes = planDriftChanges(
      [row("a", { vcpus: 2, region: "syd1" }, { vcpus: 4, region: "nyc1" }, 3)],
      [open("d1", "a", "vcpus", "2", 1), open("d2", "a", "region", "syd1", "nyc1")],
    );
    expect(changes.toUpdate).toEqual([{ id: "d1", expected: 2, actual: 4, spec_version: 3 }]);
    expect(changes.toOpen).toEqual([]);
  });

  it("closes drift that matches again, left the spec, or belongs to a resource without a spec", () => {
    const changes = planDriftChanges(
      [row("a", { region: "syd1" }, { region: "syd1" })],
      [open("d2", "a", "region", "syd1", "sgp1"), open("d1", "a", "size_slug", "s-1", "s-2"), open("d3", "orphan", "region", "x", "y")],
    );
    expect(changes.toClose).toEqual(["d1", "d2", "d3"]);
  });

  it("plans nothing when nothing changed", () => {
    const changes = planDriftChanges([row("a", { region: "syd1" }, { region: "sgp1" })], [open("d1", "a", "region", "syd1", "sgp1")]);
    expect(changes).toMatchObject({ toOpen: [], toUpdate: [], toClose: [] });
  });

  it("sorts new drift by resource and field, the order concurrent sweeps lock rows in", () => {
    const changes = planDriftChanges(
      [row("b", { z: 1, a: 1 }, {}), row("a", { m: 1 }, {})],
      [],
    );
    expect(changes.toOpen.map((d) => `${d.resource_id}.${d.field}`)).toEqual(["a.m", "b.a", "b.z"]);
  });
});
