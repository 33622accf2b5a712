import { z } from "zod";
import { resourceKinds } from "@/db/schema/resources";
import { pageLimit } from "@/lib/http/cursor";
import { textSchema } from "@/lib/http/input-schemas";

export const resourceKindSchema = z.enum(resourceKinds);

export const inventorySortFields = ["name", "kind", "region", "status", "size_slug", "last_seen_at", "first_seen_at"] as const;
export type InventorySortField = (typeof inventorySortFields)[number];

const booleanParam = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

/** Query string of GET /api/v1/inventory (and the inventory page's URL). */
export const listResourcesQuery = z.object({
  kind: resourceKindSchema.optional(),
  region: textSchema.trim().min(1).max(64).optional(),
  status: textSchema.trim().min(1).max(64).optional(),
  q: textSchema.trim().min(1).max(200).optional(),
  include_deleted: booleanParam,
  sort: z.enum(inventorySortFields).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(pageLimit.max).default(pageLimit.default),
  cursor: z.string().min(1).max(1000).optional(),
});
export type ListResourcesQuery = z.infer<typeof listResourcesQuery>;

export const resourceItemSchema = z.object({
  id: z.string().uuid(),
  kind: resourceKindSchema,
  provider_id: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  size_slug: z.string().nullable(),
  status: z.string().nullable(),
  tags: z.array(z.string()),
  monthly_price_cents: z.number().int().nullable(),
  provider_created_at: z.string().nullable(),
  first_seen_at: z.string(),
  last_seen_at: z.string(),
  deleted_at: z.string().nullable(),
});
export type ResourceItem = z.infer<typeof resourceItemSchema>;
