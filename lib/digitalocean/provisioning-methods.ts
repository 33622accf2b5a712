import "server-only";
import type { z } from "zod";
import { DoApiError } from "./errors";
import {
  actionResponseSchema,
  assignedResourcesResponseSchema,
  type DropletCreateBody,
  dropletCreateResponseSchema,
  dropletResponseSchema,
  sizeSchema,
  tagResponseSchema,
  type VolumeCreateBody,
  volumeResponseSchema,
} from "./provisioning-schemas";
import { dropletSchema, volumeSchema } from "./schemas";
import type { DoWrite } from "./send-request";

type Request = <S extends z.ZodType>(path: string, schema: S) => Promise<z.output<S>>;
type Write = <S extends z.ZodType>(how: DoWrite, path: string, schema: S | null) => Promise<z.output<S> | null>;
type ListAllArray = <T extends z.ZodType>(path: string, key: string, itemSchema: T, itemKey?: (item: z.output<T>) => string | number) => Promise<z.output<T>[]>;

const isNotFound = (e: unknown) => e instanceof DoApiError && e.status === 404;

/**
 * The calls a provisioning saga makes. DO acts on each write at most once per call here: a POST is never retried
 * after a 5xx or a lost connection (see sendRequest), because DO has no idempotency key.
 */
export function provisioningMethods({ request, write, listAllArray }: { request: Request; write: Write; listAllArray: ListAllArray }) {
  return {
    /** 202: the droplet (status `new`) and the id of its create action. */
    createDroplet: async (body: DropletCreateBody) => {
      const created = (await write({ method: "POST", body }, "/v2/droplets", dropletCreateResponseSchema))!;
      return { droplet: created.droplet, actionId: created.links.actions.find((a) => a.rel === "create")?.id ?? created.links.actions[0]?.id ?? null };
    },
    /** The droplet, or null when DO has none with this id. */
    getDroplet: async (id: number | string) => {
      try {
        return (await request(`/v2/droplets/${encodeURIComponent(String(id))}`, dropletResponseSchema)).droplet;
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },
    listDropletsByTag: (tag: string) => listAllArray(`/v2/droplets?tag_name=${encodeURIComponent(tag)}`, "droplets", dropletSchema, (d) => d.id),
    /** Starts `power_off`, `power_on` or `resize` (`size`, and `disk: true` to grow the disk for good). */
    postDropletAction: async (id: number | string, body: { type: "power_off" | "power_on" } | { type: "resize"; size: string; disk: boolean }) =>
      (await write({ method: "POST", body }, `/v2/droplets/${encodeURIComponent(String(id))}/actions`, actionResponseSchema))!.action,
    getAction: async (id: number) => (await request(`/v2/actions/${id}`, actionResponseSchema)).action,
    /** True when DO deleted it, false when it was already gone (404): deleting twice is not a failure. */
    deleteDroplet: async (id: number | string) => {
      try {
        await write({ method: "DELETE" }, `/v2/droplets/${encodeURIComponent(String(id))}`, null);
        return true;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    },
    /** Creates the tag (DO answers 201 for an existing one too) and tags the droplets with it. */
    tagDroplets: async (tag: string, dropletIds: (number | string)[]) => {
      await write({ method: "POST", body: { name: tag } }, "/v2/tags", tagResponseSchema);
      const resources = dropletIds.map((id) => ({ resource_id: String(id), resource_type: "droplet" }));
      await write({ method: "POST", body: { resources } }, `/v2/tags/${encodeURIComponent(tag)}/resources`, null);
    },
    /** Takes the tag off the droplets (DO answers 204; a droplet without it is left as it is). */
    untagDroplets: async (tag: string, dropletIds: (number | string)[]) => {
      const resources = dropletIds.map((id) => ({ resource_id: String(id), resource_type: "droplet" }));
      await write({ method: "DELETE", body: { resources } }, `/v2/tags/${encodeURIComponent(tag)}/resources`, null);
    },
    assignToProject: async (projectId: string, urns: string[]) =>
      (await write({ method: "POST", body: { resources: urns } }, `/v2/projects/${encodeURIComponent(projectId)}/resources`, assignedResourcesResponseSchema))!.resources,
    listSizes: () => listAllArray("/v2/sizes", "sizes", sizeSchema, (s) => s.slug),
    createVolume: async (body: VolumeCreateBody) => (await write({ method: "POST", body }, "/v2/volumes", volumeResponseSchema))!.volume,
    /** The volume of that name in the region, or null (DO allows one name per region). */
    findVolume: async (name: string, region: string) =>
      (await listAllArray(`/v2/volumes?name=${encodeURIComponent(name)}&region=${encodeURIComponent(region)}`, "volumes", volumeSchema, (v) => v.id))[0] ?? null,
    /** True when DO deleted it, false when it was already gone. DO refuses (409) a volume still attached. */
    deleteVolume: async (id: string) => {
      try {
        await write({ method: "DELETE" }, `/v2/volumes/${encodeURIComponent(id)}`, null);
        return true;
      } catch (e) {
        if (isNotFound(e)) return false;
        throw e;
      }
    },
  };
}
