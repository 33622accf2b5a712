import { describe, expect, it } from "vitest";
import { planRevert, type RevertTarget } from "./plan-revert";

const web: RevertTarget = { name: "web-1", kind: "droplet", isDeleted: false, status: "active", sizeSlug: "s-1vcpu-1gb", disk: 25, tags: ["tenant:acme", "env:prod"] };

describe("planRevert", () => {
  it("reverts a size by DO's resize rules, saying what DO will do", () => {
    expect(planRevert({ field: "size_slug", expected: "s-2vcpu-2gb" }, web)).toEqual({
      isRevertible: true,
      size: { from: "s-1vcpu-1gb", to: "s-2vcpu-2gb" },
      tags: null,
      description: "Resize droplet web-1 from s-1vcpu-1gb to s-2vcpu-2gb: DO powers it off, resizes it (its disk grows for good) and powers it on again.",
    });
    expect(planRevert({ field: "size_slug", expected: "s-2vcpu-2gb" }, { ...web, status: "off" })).toMatchObject({ description: expect.stringContaining("it stays off") });
  });

  it("reverts tags by tagging and untagging the difference", () => {
    expect(planRevert({ field: "tags", expected: ["tenant:acme", "env:staging", "backup:daily"] }, web)).toEqual({
      isRevertible: true,
      size: null,
      tags: { add: ["backup:daily", "env:staging"], remove: ["env:prod"] },
      description: 'Retag droplet web-1: DO is asked to add the tags "backup:daily" and "env:staging" and remove the tag "env:prod".',
    });
  });

  it("refuses what DO cannot change in place, with the reason", () => {
    expect(planRevert({ field: "region", expected: "syd1" }, web)).toMatchObject({ isRevertible: false, field: "region", reason: expect.stringContaining("region") });
    expect(planRevert({ field: "image.slug", expected: "ubuntu-24-04-x64" }, web)).toMatchObject({ isRevertible: false, reason: expect.stringContaining("image") });
    expect(planRevert({ field: "exists", expected: true }, web)).toMatchObject({ isRevertible: false });
    expect(planRevert({ field: "name", expected: "web-2" }, web)).toMatchObject({ isRevertible: false, reason: "DO has no call that sets name on a live resource" });
    expect(planRevert({ field: "tags", expected: ["a"] }, { ...web, kind: "volume" })).toMatchObject({ isRevertible: false, reason: expect.stringContaining("volume") });
    expect(planRevert({ field: "size_slug", expected: "s-2vcpu-2gb" }, { ...web, isDeleted: true })).toMatchObject({ isRevertible: false, reason: "the droplet is gone from DO" });
    expect(planRevert({ field: "size_slug", expected: null }, web)).toMatchObject({ isRevertible: false });
    const sizes = [
      { slug: "s-1vcpu-512mb-10gb", disk: 10 },
      { slug: "s-2vcpu-2gb", disk: 60 },
    ];
    expect(planRevert({ field: "size_slug", expected: "s-1vcpu-512mb-10gb" }, web, sizes)).toEqual({
      isRevertible: false,
      field: "size_slug",
      reason: "DO never shrinks a disk: s-1vcpu-512mb-10gb has 10 GB, the droplet 25 GB",
    });
    expect(planRevert({ field: "size_slug", expected: "s-9" }, web, sizes)).toMatchObject({ isRevertible: false, reason: "DO has no droplet size s-9" });
    expect(planRevert({ field: "size_slug", expected: "s-2vcpu-2gb" }, web, sizes)).toMatchObject({ isRevertible: true });
  });
});
