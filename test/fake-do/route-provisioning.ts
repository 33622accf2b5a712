import { randomUUID } from "node:crypto";
import type { AccountHelpers } from "./create-account-helpers";
import type { ActionFault } from "./create-faults";
import { dropletSizeSlugs, getRegion, getSize, regionSlugs, ubuntuImage } from "./catalog";
import type { FakeActions } from "./fake-actions";
import { resizeDroplet, toIso } from "./make-droplet";
import type { RouteResult } from "./route-request";
import type { FakeAccount, FakeDroplet, FakeVolume } from "./types";

// DO's write side for droplets, from the spec (droplets/droplets_create.yml, dropletActions_post.yml,
// droplets_destroy.yml, actions/actions_get.yml, tags/, projects/projects_assign_resources.yml) and DO's documented
// rules: a resize needs the droplet off, and a disk never shrinks.

export type ProvisioningContext = {
  account: FakeAccount;
  helpers: AccountHelpers;
  actions: FakeActions;
  /** Tag names created so far (`POST /v2/tags`, or given at create). */
  tags: Set<string>;
  clock: () => number;
  origin: string;
  /** The `errored_action` / `slow_action` faults this request triggered. */
  actionFaults: readonly ActionFault[];
  list: (key: string, items: readonly unknown[]) => RouteResult;
};

const dropletPath = /^\/v2\/droplets\/(\d+)$/;
const volumePath = /^\/v2\/volumes\/([^/]+)$/;
const volumeNamePattern = /^[a-z][a-z0-9-]{0,63}$/;
const dropletActionsPath = /^\/v2\/droplets\/(\d+)\/actions$/;
const actionPath = /^\/v2\/actions\/(\d+)$/;
const tagResourcesPath = /^\/v2\/tags\/([^/]+)\/resources$/;
const projectResourcesPath = /^\/v2\/projects\/([^/]+)\/resources$/;
const namePattern = /^[a-zA-Z0-9]?[a-z0-9A-Z.-]*[a-z0-9A-Z]$/;
const tagPattern = /^[a-zA-Z0-9_:-]{1,255}$/;

const unprocessable = (message: string): RouteResult => ({ status: 422, json: { id: "unprocessable_entity", message } });
const notFound = (): RouteResult => ({ status: 404, json: { id: "not_found", message: "The resource you were accessing could not be found." } });
const badRequest = (message: string): RouteResult => ({ status: 400, json: { id: "bad_request", message } });

/** Answers the provisioning calls, or undefined for any other path (the read-only routes answer those). */
export function routeProvisioning(ctx: ProvisioningContext, method: string, path: string, body: unknown, query: URLSearchParams): RouteResult | undefined {
  const input = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  if (path === "/v2/sizes" && method === "GET") return ctx.list("sizes", dropletSizeSlugs.map(getSize));
  // `?name=` (and `&region=`) finds volumes by name, as DO's listing does; without it the read-only listing answers.
  if (path === "/v2/volumes" && method === "GET" && query.has("name")) {
    const region = query.get("region");
    return ctx.list("volumes", ctx.account.volumes.filter((v) => v.name === query.get("name") && (!region || v.region.slug === region)));
  }
  if (path === "/v2/volumes" && method === "POST") return createVolume(ctx, input);
  const volume = volumePath.exec(path);
  if (volume && method === "DELETE") {
    const found = ctx.account.volumes.find((v) => v.id === decodeURIComponent(volume[1]!));
    if (!found) return notFound();
    if (found.droplet_ids.length) return { status: 409, json: { id: "conflict", message: "The volume is attached to a droplet: detach it first" } };
    ctx.helpers.removeResource("volumes", found.id);
    return { status: 204, json: null };
  }
  if (path === "/v2/droplets" && method === "POST") return createDroplet(ctx, input);
  if (path === "/v2/tags" && method === "POST") {
    const name = input.name;
    if (typeof name !== "string" || !tagPattern.test(name)) return badRequest("tag name must be letters, numbers, colons, dashes and underscores");
    ctx.tags.add(name);
    return { status: 201, json: { tag: { name, resources: tagStats(ctx.account, name) } } };
  }

  const droplet = dropletPath.exec(path);
  if (droplet) {
    const found = findDroplet(ctx.account, Number(droplet[1]));
    if (!found) return notFound();
    if (method === "GET") return { status: 200, json: { droplet: found } };
    if (method === "DELETE") {
      ctx.helpers.removeResource("droplets", found.id);
      return { status: 204, json: null };
    }
    return undefined;
  }

  const actions = dropletActionsPath.exec(path);
  if (actions && method === "POST") {
    const found = findDroplet(ctx.account, Number(actions[1]));
    return found ? startDropletAction(ctx, found, input) : notFound();
  }

  const action = actionPath.exec(path);
  if (action && method === "GET") {
    const found = ctx.actions.get(Number(action[1]));
    return found ? { status: 200, json: { action: found } } : notFound();
  }

  const tagResources = tagResourcesPath.exec(path);
  if (tagResources && method === "POST") return tagDroplets(ctx, decodeURIComponent(tagResources[1]!), input);
  if (tagResources && method === "DELETE") return tagDroplets(ctx, decodeURIComponent(tagResources[1]!), input, { untag: true });

  const project = projectResourcesPath.exec(path);
  if (project && method === "POST") return assignToProject(ctx, decodeURIComponent(project[1]!), input);
  return undefined;
}

/** An action's effect, skipped when the droplet was deleted while the action ran. */
function whileExists(ctx: ProvisioningContext, id: number, effect: () => void): () => void {
  return () => {
    if (findDroplet(ctx.account, id)) effect();
  };
}

function findDroplet(account: FakeAccount, id: number): FakeDroplet | undefined {
  return account.droplets.find((d) => d.id === id);
}

function createDroplet(ctx: ProvisioningContext, input: Record<string, unknown>): RouteResult {
  const { name, region, size, image } = input;
  if (input.names !== undefined) return unprocessable("the fake DO creates one droplet per request: send name, not names");
  if (typeof name !== "string" || name.length > 255 || !namePattern.test(name)) return unprocessable("Name is invalid");
  if (typeof region !== "string" || !(regionSlugs as readonly string[]).includes(region)) return unprocessable(`Region ${String(region)} is not available`);
  if (typeof size !== "string" || !(dropletSizeSlugs as readonly string[]).includes(size)) return unprocessable(`Size ${String(size)} is not available`);
  if (image !== ubuntuImage.slug && image !== ubuntuImage.id) return unprocessable("You specified an invalid image for Droplet creation.");
  const tags = input.tags ?? [];
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== "string" || !tagPattern.test(t))) return unprocessable("tags must be valid tag names");
  const volumeIds = input.volumes ?? [];
  const volumes = Array.isArray(volumeIds) ? volumeIds.map((id) => ctx.account.volumes.find((v) => v.id === id)) : [undefined];
  if (volumes.some((v) => !v || v.region.slug !== region || v.droplet_ids.length)) return unprocessable("volumes must be unattached volumes in the droplet's region");
  for (const t of tags as string[]) ctx.tags.add(t);

  const droplet = ctx.helpers.addDroplet({
    name,
    region: region as (typeof regionSlugs)[number],
    sizeSlug: size,
    tags: [...new Set(tags as string[])],
    status: "new",
    createdAt: toIso(new Date(ctx.clock())),
    hasBackups: input.backups === true,
  });
  for (const v of volumes as FakeVolume[]) {
    v.droplet_ids = [droplet.id];
    droplet.volume_ids.push(v.id);
  }
  const action = ctx.actions.start({
    type: "create",
    resourceId: droplet.id,
    region: droplet.region,
    faults: ctx.actionFaults,
    onCompleted: whileExists(ctx, droplet.id, () => ctx.helpers.updateDroplet(droplet.id, { status: "active" })),
  });
  return {
    status: 202,
    json: { droplet, links: { actions: [{ id: action.id, rel: "create", href: `${ctx.origin}/v2/actions/${action.id}` }] } },
  };
}

function startDropletAction(ctx: ProvisioningContext, droplet: FakeDroplet, input: Record<string, unknown>): RouteResult {
  const type = input.type;
  if (ctx.actions.isBusy(droplet.id)) return unprocessable("Droplet already has a pending event.");
  const start = (onCompleted: () => void) => {
    const action = ctx.actions.start({
      type: String(type),
      resourceId: droplet.id,
      region: droplet.region,
      faults: ctx.actionFaults,
      onCompleted: whileExists(ctx, droplet.id, onCompleted),
    });
    return { status: 201, json: { action } };
  };
  switch (type) {
    case "power_off":
      return start(() => ctx.helpers.updateDroplet(droplet.id, { status: "off" }));
    case "power_on":
      return start(() => ctx.helpers.updateDroplet(droplet.id, { status: "active" }));
    case "resize": {
      const size = input.size;
      if (typeof size !== "string" || !(dropletSizeSlugs as readonly string[]).includes(size)) return unprocessable(`Size ${String(size)} is not available`);
      if (droplet.status === "active") return unprocessable("Droplet is currently on. Please power it off to run this event.");
      const target = getSize(size);
      // A droplet's disk never shrinks: a size with a smaller disk than the droplet has now is refused, with or without `disk`.
      if (target.disk < droplet.disk) return unprocessable(`Size ${size} has a ${target.disk} GB disk: a droplet's disk cannot be decreased below its ${droplet.disk} GB`);
      const resizeDisk = input.disk === true;
      return start(() => {
        const disk = { disk: droplet.disk, disk_info: droplet.disk_info };
        resizeDroplet(droplet, size);
        // Without `disk`, only CPU and RAM change (DO's "flexible" resize): the droplet keeps its disk.
        if (!resizeDisk) Object.assign(droplet, disk);
        ctx.account.version++;
      });
    }
    default:
      return unprocessable(`The fake DO does not perform ${String(type)} actions`);
  }
}

function createVolume(ctx: ProvisioningContext, input: Record<string, unknown>): RouteResult {
  const { name, region, size_gigabytes: size } = input;
  if (typeof name !== "string" || !volumeNamePattern.test(name)) return badRequest("name must be lowercase letters, digits and dashes, starting with a letter");
  if (typeof region !== "string" || !(regionSlugs as readonly string[]).includes(region)) return unprocessable(`Region ${String(region)} is not available`);
  if (typeof size !== "number" || !Number.isInteger(size) || size < 1 || size > 16_384) return badRequest("size_gigabytes must be a whole number from 1 to 16384");
  if (ctx.account.volumes.some((v) => v.name === name && v.region.slug === region)) return { status: 409, json: { id: "conflict", message: `A volume named ${name} already exists in ${region}` } };
  const tags = Array.isArray(input.tags) ? (input.tags as unknown[]).filter((t): t is string => typeof t === "string") : [];
  const volume: FakeVolume = {
    id: randomUUID(),
    region: getRegion(region),
    droplet_ids: [],
    name,
    description: typeof input.description === "string" ? input.description : "",
    size_gigabytes: size,
    created_at: toIso(new Date(ctx.clock())),
    filesystem_type: "ext4",
    filesystem_label: "",
    tags,
  };
  for (const t of tags) ctx.tags.add(t);
  ctx.account.volumes.push(volume);
  ctx.account.version++;
  return { status: 201, json: { volume } };
}

/** `POST` tags the droplets listed; `DELETE` (tags_unassign_resources.yml) takes the tag off them again. */
function tagDroplets(ctx: ProvisioningContext, tag: string, input: Record<string, unknown>, opts: { untag?: boolean } = {}): RouteResult {
  // A tag the generated account's droplets carry exists at DO although no POST /v2/tags made it here.
  if (!ctx.tags.has(tag) && !ctx.account.droplets.some((d) => d.tags.includes(tag))) return notFound();
  const resources = input.resources;
  if (!Array.isArray(resources) || resources.length === 0) return unprocessable("resources must list at least one resource");
  const droplets: FakeDroplet[] = [];
  for (const r of resources as Record<string, unknown>[]) {
    if (r?.resource_type !== "droplet") return unprocessable("the fake DO tags droplets only");
    const found = findDroplet(ctx.account, Number(r.resource_id));
    if (!found) return notFound();
    droplets.push(found);
  }
  for (const d of droplets) {
    if (opts.untag) {
      if (d.tags.includes(tag)) ctx.helpers.updateDroplet(d.id, { tags: d.tags.filter((t) => t !== tag) });
    } else if (!d.tags.includes(tag)) ctx.helpers.updateDroplet(d.id, { tags: [...d.tags, tag] });
  }
  return { status: 204, json: null };
}

function assignToProject(ctx: ProvisioningContext, projectId: string, input: Record<string, unknown>): RouteResult {
  const project = ctx.account.projects.find((p) => p.id === projectId);
  if (!project) return notFound();
  const urns = input.resources;
  if (!Array.isArray(urns) || urns.some((u) => typeof u !== "string" || !/^do:droplet:\d+$/.test(u))) {
    return unprocessable("resources must be droplet URNs such as do:droplet:123");
  }
  for (const urn of urns as string[]) if (!findDroplet(ctx.account, Number(urn.split(":")[2]))) return notFound();
  ctx.account.projectAssignments ??= {};
  for (const urn of urns as string[]) ctx.account.projectAssignments[urn] = project.id;
  const assigned = Object.entries(ctx.account.projectAssignments).filter(([, id]) => id === project.id);
  return {
    status: 200,
    json: {
      resources: assigned.map(([urn]) => ({
        urn,
        assigned_at: toIso(new Date(ctx.clock())),
        links: { self: `${ctx.origin}/v2/droplets/${urn.split(":")[2]}` },
        status: "ok",
      })),
    },
  };
}

function tagStats(account: FakeAccount, tag: string) {
  const count = account.droplets.filter((d) => d.tags.includes(tag)).length;
  return { count, droplets: { count }, images: { count: 0 }, volumes: { count: 0 }, volume_snapshots: { count: 0 }, databases: { count: 0 } };
}
