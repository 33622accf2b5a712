import type { ResourceKind } from "@/db/schema/resource-constants";

// What reverting one drift would ask DigitalOcean to do, decided from the drift's field, the spec's value and the live
// resource. Pure, so the inbox's dialog and POST /api/v1/drift/{id}/revert say and refuse the same things.

export interface RevertTarget {
  name: string;
  kind: ResourceKind;
  isDeleted: boolean;
  /** DO's status of a droplet (`active`, `off`): an active one is powered off for a resize and on again after. */
  status: string | null;
  sizeSlug: string | null;
  /** The droplet's disk in GB, when known: DO never shrinks one, so a resize to a smaller disk is refused. */
  disk: number | null;
  tags: readonly string[];
}

/** DO's droplet sizes as far as a revert needs them (GET /v2/sizes). */
export type RevertSize = { slug: string; disk: number };

export type RevertPlan =
  | { isRevertible: true; size: { from: string | null; to: string } | null; tags: { add: string[]; remove: string[] } | null; description: string }
  | { isRevertible: false; field: string; reason: string };

/** The fields DO can put back in place, and only on a droplet: a resize, and tagging or untagging. */
export const revertibleFields = ["size_slug", "tags"] as const;

const inPlaceReasons: [RegExp, string][] = [
  [/^region(\.|$)/, "DO cannot move a droplet to another region in place: snapshot it and create it again there"],
  [/^image(\.|$)/, "DO cannot change a droplet's image in place without rebuilding it, which erases its disk"],
  [/^size\./, "a size's details follow from its slug: revert size_slug instead"],
  [/^exists$/, "DO cannot bring back a deleted resource, and deleting one is a delete_droplet request"],
];

function refuse(field: string, reason: string): RevertPlan {
  return { isRevertible: false, field, reason };
}

const isTagList = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === "string");

/** `sizes`, when given, lets a resize be checked against DO's list: the size must exist and not shrink the disk. */
export function planRevert(drift: { field: string; expected: unknown }, target: RevertTarget, sizes?: readonly RevertSize[]): RevertPlan {
  const { field, expected } = drift;
  const known = inPlaceReasons.find(([pattern]) => pattern.test(field));
  if (known) return refuse(field, known[1]);
  if (!(revertibleFields as readonly string[]).includes(field)) return refuse(field, `DO has no call that sets ${field} on a live resource`);
  if (target.kind !== "droplet") return refuse(field, `only droplets are resized and retagged here, not a ${target.kind.replaceAll("_", " ")}`);
  if (target.isDeleted) return refuse(field, "the droplet is gone from DO");

  if (field === "size_slug") {
    if (typeof expected !== "string" || expected === "") return refuse(field, "the spec names no size to resize to");
    const size = sizes?.find((s) => s.slug === expected);
    if (sizes && !size) return refuse(field, `DO has no droplet size ${expected}`);
    if (size && target.disk !== null && size.disk < target.disk) {
      return refuse(field, `DO never shrinks a disk: ${size.slug} has ${size.disk} GB, the droplet ${target.disk} GB`);
    }
    const powers = target.status === "active" ? "DO powers it off, resizes it (its disk grows for good) and powers it on again" : "DO resizes it (its disk grows for good); it stays off";
    return {
      isRevertible: true,
      size: { from: target.sizeSlug, to: expected },
      tags: null,
      description: `Resize droplet ${target.name} from ${target.sizeSlug ?? "its current size"} to ${expected}: ${powers}.`,
    };
  }

  if (!isTagList(expected)) return refuse(field, "the spec's tags are not a list of tag names");
  const live = new Set(target.tags);
  const wanted = new Set(expected);
  const add = [...wanted].filter((t) => !live.has(t)).sort();
  const remove = [...live].filter((t) => !wanted.has(t)).sort();
  const parts = [add.length ? `add ${listTags(add)}` : null, remove.length ? `remove ${listTags(remove)}` : null].filter(Boolean);
  const said = parts.length ? parts.join(" and ") : "change nothing (its tags match the spec already)";
  return { isRevertible: true, size: null, tags: { add, remove }, description: `Retag droplet ${target.name}: DO is asked to ${said}.` };
}

function listTags(tags: string[]): string {
  const quoted = tags.map((t) => `"${t}"`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}` : quoted[0];
  return `the ${tags.length === 1 ? "tag" : "tags"} ${list}`;
}

/** What the inbox shows of a drift's revert: whether DO can do it (and what it will be asked), and one under way. */
export interface DriftRevertInfo {
  plan: { isRevertible: true; description: string } | { isRevertible: false; reason: string };
  /** The latest revert request made for this drift (under way, or how it ended). */
  request: { id: string; status: string; error: string | null } | null;
}
