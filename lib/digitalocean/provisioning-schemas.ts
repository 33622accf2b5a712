import "server-only";
import { z } from "zod";
import { dropletSchema, paginatedSchema, projectResourceSchema, volumeSchema } from "./schemas";

// DO's provisioning responses, written from the spec (droplets/responses/droplet_create.yml, droplet_action.yml,
// actions/models/action.yml, sizes/models/size.yml, tags/responses/tags_new.yml,
// projects/responses/assigned_resources_list.yml); fixtures/provisioning-examples.json holds their examples.

/** An action's `status`: `in-progress`, then `completed` or `errored`. Kept a plain string like every status we read. */
export const actionSchema = z.looseObject({
  id: z.number().int(),
  status: z.string(),
  type: z.string(),
  started_at: z.string(),
  completed_at: z.string().nullish(),
  resource_id: z.number().int().nullish(),
  resource_type: z.string(),
  region_slug: z.string().nullish(),
});
export const actionResponseSchema = z.looseObject({ action: actionSchema });

const actionLinkSchema = z.looseObject({ id: z.number().int(), rel: z.string(), href: z.string() });

/** `POST /v2/droplets` (one droplet): 202 with the droplet and the create action to follow. */
export const dropletCreateResponseSchema = z.looseObject({
  droplet: dropletSchema,
  links: z.looseObject({ actions: z.array(actionLinkSchema) }),
});

export const dropletResponseSchema = z.looseObject({ droplet: dropletSchema });

export const sizeSchema = z.looseObject({
  slug: z.string(),
  memory: z.number(),
  vcpus: z.number(),
  disk: z.number(),
  price_monthly: z.number(),
  price_hourly: z.number(),
  regions: z.array(z.string()),
  available: z.boolean(),
});
export const sizesResponseSchema = paginatedSchema("sizes", sizeSchema);

export const tagResponseSchema = z.looseObject({ tag: z.looseObject({ name: z.string() }) });

/** `POST /v2/volumes`: 201 with the volume (volumes/responses/volume.yml). */
export const volumeResponseSchema = z.looseObject({ volume: volumeSchema });

export interface VolumeCreateBody {
  name: string;
  region: string;
  size_gigabytes: number;
  tags?: string[];
  description?: string;
}

export const assignedResourcesResponseSchema = z.looseObject({ resources: z.array(projectResourceSchema) });

/** The one-droplet create body (droplets/models/droplet_single_create.yml); tags carry the tenant and the request. */
export interface DropletCreateBody {
  name: string;
  region: string;
  size: string;
  image: string | number;
  ssh_keys?: (string | number)[];
  tags?: string[];
  volumes?: string[];
}

export type DoAction = z.infer<typeof actionSchema>;
export type DoSize = z.infer<typeof sizeSchema>;
